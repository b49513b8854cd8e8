package org.amamo.registry.internal;

import org.amamo.platform.CsvTable;
import java.util.Locale;
import java.util.Optional;
import org.amamo.platform.Pages;
import org.amamo.registry.SerialRange;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The public registry: batches with their totals, retirement records, serial lookup. No balances here. */
@Controller
class RegistryPublicController {

    private final RegistryQueries queries;
    private final Certificates certificates;
    private final ProgrammeFilter programmes;

    RegistryPublicController(RegistryQueries queries, Certificates certificates, ProgrammeFilter programmes) {
        this.queries = queries;
        this.certificates = certificates;
        this.programmes = programmes;
    }

    @GetMapping("/registry/retirements/{id}/certificate.pdf")
    ResponseEntity<byte[]> retirementCertificate(@PathVariable long id, Locale locale) {
        var retirement = queries.retirement(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        String url = org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/registry/retirements/{id}").buildAndExpand(id).toUriString();
        return pdf("retirement-" + id + ".pdf", certificates.retirement(retirement, url, locale));
    }

    static ResponseEntity<byte[]> pdf(String filename, byte[] body) {
        return ResponseEntity.ok().contentType(org.springframework.http.MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"" + filename + "\"").body(body);
    }

    @GetMapping("/registry")
    String batches(@RequestParam(required = false) String programme, @RequestParam(required = false) String projectCode,
            @RequestParam(required = false) Integer vintage, @RequestParam(defaultValue = "0") int page, Model model) {
        int number = Pages.number(page);
        String code = projectCode == null || projectCode.isBlank() ? null : projectCode.strip().toUpperCase(Locale.ROOT);
        String prefix = programmes.prefix(programme);
        var shown = queries.batches(prefix, code, vintage, number * Pages.DEFAULT_SIZE, Pages.DEFAULT_SIZE + 1);
        model.addAttribute("programme", programmes.code(programme));
        model.addAttribute("batches", shown.stream().limit(Pages.DEFAULT_SIZE).toList());
        model.addAttribute("projectCode", code);
        model.addAttribute("vintage", vintage);
        model.addAttribute("page", number);
        model.addAttribute("hasNext", shown.size() > Pages.DEFAULT_SIZE);
        return "registry/batches";
    }

    /** Every batch with its totals in t-CO2, newest first. Stable columns, documented in the README. */
    @GetMapping("/registry/batches.csv")
    ResponseEntity<byte[]> batchesCsv() {
        CsvTable csv = new CsvTable("batch_serial", "project_code", "project_name", "vintage", "batch_number",
                "credit_type", "methodology_version", "certifier", "issued_t_co2", "active_t_co2", "retired_t_co2",
                "cancelled_t_co2", "issued_at");
        for (var batch : queries.batches(null, null, null, 0, RegistryQueries.MAX_CSV_ROWS)) {
            csv.row(batch.batchSerial(), batch.projectCode(), batch.projectName(), batch.vintage(),
                    batch.batchNumber(), batch.creditType(), batch.methodologyVersion(), batch.certifier(),
                    CsvTable.tonnes(batch.issuedUnits()), CsvTable.tonnes(batch.activeUnits()),
                    CsvTable.tonnes(batch.retiredUnits()), CsvTable.tonnes(batch.cancelledUnits()), batch.issuedAt());
        }
        return csv.download("batches.csv");
    }

    @GetMapping("/registry/batches/{id}")
    String batch(@PathVariable long id, Model model) {
        model.addAttribute("batch", queries.batch(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        return "registry/batch";
    }

    /** Retirement records, newest first; of one programme ({@code ?programme=YBC}) and/or one project. */
    @GetMapping("/registry/retirements")
    String retirements(@RequestParam(required = false) String programme,
            @RequestParam(required = false) String projectCode, @RequestParam(defaultValue = "0") int page,
            Model model) {
        int number = Pages.number(page);
        String code = projectCode == null || projectCode.isBlank() ? null : projectCode.strip().toUpperCase(Locale.ROOT);
        var shown = queries.retirements(programmes.prefix(programme), code, number * Pages.DEFAULT_SIZE,
                Pages.DEFAULT_SIZE + 1);
        model.addAttribute("retirements", shown.stream().limit(Pages.DEFAULT_SIZE).toList());
        model.addAttribute("programme", programmes.code(programme));
        model.addAttribute("projectCode", code);
        model.addAttribute("page", number);
        model.addAttribute("hasNext", shown.size() > Pages.DEFAULT_SIZE);
        return "registry/retirements";
    }

    @GetMapping("/registry/retirements/{id}")
    String retirement(@PathVariable long id, Model model) {
        model.addAttribute("retirement", queries.retirement(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        return "registry/retirement";
    }

    @GetMapping(value = "/registry/retirements.csv")
    ResponseEntity<String> retirementsCsv(@RequestParam(required = false) String programme,
            @RequestParam(defaultValue = "0") int page) {
        StringBuilder csv = new StringBuilder("\uFEFFid,retired_at,beneficiary,purpose,emissions_offset,reporting_year,"
                + "credit_units,tonnes_co2,serial_ranges\r\n");
        for (var retirement : queries.retirements(programmes.prefix(programme), null,
                Pages.number(page) * Pages.MAX_SIZE * 10, Pages.MAX_SIZE * 10)) {
            csv.append(retirement.id()).append(',').append(retirement.retiredAt()).append(',')
                    .append(CsvTable.quoted(retirement.beneficiary())).append(',').append(retirement.purpose()).append(',')
                    .append(CsvTable.quoted(retirement.emissionsOffset())).append(',')
                    .append(retirement.reportingYear() == null ? "" : retirement.reportingYear()).append(',')
                    .append(retirement.creditUnits()).append(',').append(StatementCsv.tonnes(retirement.creditUnits()))
                    .append(',').append(CsvTable.quoted(String.join(" ", retirement.serialRanges()))).append("\r\n");
        }
        return RegistryApi.csv("retirements.csv", csv.toString());
    }

    @GetMapping("/registry/serials")
    String lookup(@RequestParam(required = false) String q, Model model) {
        model.addAttribute("q", q);
        if (q != null && !q.isBlank()) {
            Optional<SerialRange> range = SerialRange.parse(q);
            if (range.isEmpty()) {
                model.addAttribute("problem", "registry.serial.invalid");
            } else {
                queries.lookup(range.get()).ifPresentOrElse(found -> model.addAttribute("lookup", found),
                        () -> model.addAttribute("problem", "registry.serial.not-found"));
            }
        }
        return "registry/serials";
    }

}
