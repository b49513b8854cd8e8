package org.amamo.registry.internal.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.amamo.platform.CsvTable;
import org.amamo.platform.Pages;
import org.amamo.registry.SerialRange;
import org.amamo.registry.internal.read.RegistryQueries;
import org.amamo.registry.internal.read.RegistryViews;
import org.amamo.registry.internal.read.RegistryViews.RetirementPage;
import org.amamo.registry.internal.read.RegistryViews.RetirementView;
import org.amamo.registry.internal.read.RetirementListRequest;
import org.springframework.http.HttpHeaders;
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
    private final org.amamo.registry.internal.read.BufferQuery buffers;

    RegistryPublicController(
            RegistryQueries queries,
            Certificates certificates,
            ProgrammeFilter programmes,
            org.amamo.registry.internal.read.BufferQuery buffers) {
        this.buffers = buffers;
        this.queries = queries;
        this.certificates = certificates;
        this.programmes = programmes;
    }

    @GetMapping("/registry/retirements/{id}/certificate.pdf")
    ResponseEntity<byte[]> retirementCertificate(@PathVariable long id, Locale locale) {
        var retirement = queries.retirement(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        String url = org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/registry/retirements/{id}")
                .buildAndExpand(id)
                .toUriString();
        return pdf("retirement-" + id + ".pdf", certificates.retirement(retirement, url, locale));
    }

    static ResponseEntity<byte[]> pdf(String filename, byte[] body) {
        return ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"" + filename + "\"")
                .body(body);
    }

    @GetMapping("/registry")
    String batches(
            @RequestParam(required = false) String programme,
            @RequestParam(required = false) String projectCode,
            @RequestParam(required = false) Integer vintage,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        int number = Pages.number(page);
        String code = ProgrammeFilter.projectCode(projectCode);
        String prefix = programmes.prefix(programme);
        var shown = queries.batches(prefix, code, vintage, number * Pages.DEFAULT_SIZE, Pages.DEFAULT_SIZE + 1);
        model.addAttribute("programme", programmes.code(programme));
        var listed = shown.stream().limit(Pages.DEFAULT_SIZE).toList();
        model.addAttribute("batches", listed);
        model.addAttribute(
                "bufferIntakes",
                buffers.ofBatches(listed.stream().map(batch -> batch.id()).toList()));
        model.addAttribute("projectCode", code);
        model.addAttribute("vintage", vintage);
        model.addAttribute("page", number);
        model.addAttribute("hasNext", shown.size() > Pages.DEFAULT_SIZE);
        return "registry/batches";
    }

    /** Every batch with its totals in t-CO2, newest first. Stable columns, documented in the README. */
    @GetMapping("/registry/batches.csv")
    ResponseEntity<byte[]> batchesCsv() {
        CsvTable csv = new CsvTable(
                "batch_serial",
                "project_code",
                "project_name",
                "vintage",
                "batch_number",
                "credit_type",
                "methodology_version",
                "certifier",
                "issued_t_co2",
                "active_t_co2",
                "retired_t_co2",
                "cancelled_t_co2",
                "issued_at");
        for (var batch : queries.batches(null, null, null, 0, RegistryQueries.MAX_CSV_ROWS)) {
            csv.row(
                    batch.batchSerial(),
                    batch.projectCode(),
                    batch.projectName(),
                    batch.vintage(),
                    batch.batchNumber(),
                    batch.creditType(),
                    batch.methodologyVersion(),
                    batch.certifier(),
                    CsvTable.tonnes(batch.issuedUnits()),
                    CsvTable.tonnes(batch.activeUnits()),
                    CsvTable.tonnes(batch.retiredUnits()),
                    CsvTable.tonnes(batch.cancelledUnits()),
                    batch.issuedAt());
        }
        return csv.download("batches.csv");
    }

    @GetMapping("/registry/batches/{id}")
    String batch(@PathVariable long id, Model model) {
        model.addAttribute(
                "batch", queries.batch(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        buffers.ofBatch(id).ifPresent(intake -> model.addAttribute("bufferIntake", intake));
        return "registry/batch";
    }

    /**
     * Retirement records, newest first; of one programme ({@code ?programme=YBC}) and/or one project. Paged by record
     * id: "older" links carry {@code before=<the last id shown>}, "newer" links {@code after=<the first>} (see
     * {@link RetirementListRequest}). A mangled or outdated position (not an id, a page number too deep) shows the
     * newest records with a note rather than an error: it comes from a link, not from something the reader typed.
     */
    @GetMapping("/registry/retirements")
    String retirements(
            @RequestParam(required = false) String programme,
            @RequestParam(required = false) String projectCode,
            @RequestParam(required = false) String before,
            @RequestParam(required = false) String after,
            @RequestParam(required = false) String page,
            Model model) {
        String code = ProgrammeFilter.projectCode(projectCode);
        RetirementListRequest request = listRequest(before, after, page);
        boolean outdated =
                request == null || !request.problems(Pages.DEFAULT_SIZE).isEmpty();
        var shown = queries.retirements(
                programmes.prefix(programme),
                code,
                outdated ? RetirementListRequest.NEWEST : request,
                Pages.DEFAULT_SIZE);
        model.addAttribute("retirements", shown.records());
        model.addAttribute("newer", shown.newer());
        model.addAttribute("older", shown.older());
        model.addAttribute("outdated", outdated);
        // Back to the newest page from any other, and from an empty page a link led to (a hand-made id beyond the end).
        model.addAttribute(
                "newestLink",
                shown.newer() != null
                        || shown.records().isEmpty() && !outdated && !request.equals(RetirementListRequest.NEWEST));
        model.addAttribute("programme", programmes.code(programme));
        model.addAttribute("projectCode", code);
        return "registry/retirements";
    }

    /** The list position a link gives, or null when one of its values is not a whole number. */
    private static RetirementListRequest listRequest(String before, String after, String page) {
        try {
            return new RetirementListRequest(
                    number(before),
                    number(after),
                    page == null || page.isBlank() ? null : Integer.valueOf(page.strip()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long number(String text) {
        return text == null || text.isBlank() ? null : Long.valueOf(text.strip());
    }

    @GetMapping("/registry/retirements/{id}")
    String retirement(@PathVariable long id, Model model) {
        model.addAttribute(
                "retirement",
                queries.retirement(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        return "registry/retirement";
    }

    /** Records per query of the CSV export: few round trips, and never the whole list in memory. */
    static final int CSV_CHUNK = 1_000;

    /**
     * Every retirement record, newest first, of one programme and/or project when asked, as CSV. Written out while
     * it is read, a thousand records at a time by record id, so the export costs the same per record however long
     * the list grows. The older {@code ?page=N} (a thousand records per page) still answers that page alone, for
     * scripts that fetch page after page until one is empty.
     */
    @GetMapping(value = "/registry/retirements.csv")
    void retirementsCsv(
            @RequestParam(required = false) String programme,
            @RequestParam(required = false) String projectCode,
            @RequestParam(required = false) Integer page,
            HttpServletResponse response)
            throws IOException {
        String prefix = programmes.prefix(programme);
        String code = ProgrammeFilter.projectCode(projectCode);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"retirements.csv\"");
        Writer csv = response.getWriter();
        csv.write("\uFEFFid,retired_at,beneficiary,purpose,emissions_offset,reporting_year,credit_units,tonnes_co2,"
                + "serial_ranges,monitoring_start,monitoring_end,prefecture,municipality,credit_type,basis,co_benefits,"
                + "corresponding_adjustment,offset_t_co2,offset_coverage,beneficiary_sector,selection_reason\r\n");
        if (page != null) {
            writeCsv(
                    csv,
                    queries.retirements(prefix, code, new RetirementListRequest(null, null, page), CSV_CHUNK)
                            .records());
            return;
        }
        RetirementListRequest chunk = RetirementListRequest.NEWEST;
        while (chunk != null) {
            RetirementPage records = queries.retirements(prefix, code, chunk, CSV_CHUNK);
            writeCsv(csv, records.records());
            chunk = records.older() == null ? null : new RetirementListRequest(records.older(), null, null);
        }
    }

    private static void writeCsv(Writer csv, List<RetirementView> retirements) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (var retirement : retirements) {
            lines.append(retirement.id())
                    .append(',')
                    .append(retirement.retiredAt())
                    .append(',')
                    .append(CsvTable.quoted(retirement.beneficiary()))
                    .append(',')
                    .append(retirement.purpose())
                    .append(',')
                    .append(CsvTable.quoted(retirement.emissionsOffset()))
                    .append(',')
                    .append(retirement.reportingYear() == null ? "" : retirement.reportingYear())
                    .append(',')
                    .append(retirement.creditUnits())
                    .append(',')
                    .append(StatementCsv.tonnes(retirement.creditUnits()))
                    .append(',')
                    .append(CsvTable.quoted(String.join(" ", retirement.serialRanges())))
                    .append(',');
            disclosureColumns(lines, retirement);
            lines.append("\r\n");
        }
        csv.write(lines.toString());
    }

    /** The columns added for complete disclosure on use (seed 004 figure 12), after the earlier ones. */
    private static void disclosureColumns(StringBuilder lines, RetirementView retirement) {
        List<String> cells = List.of(
                DisclosureText.monitoringStart(retirement),
                DisclosureText.monitoringEnd(retirement),
                DisclosureText.joined(retirement, origin -> List.of(nullable(origin.prefecture())), " "),
                DisclosureText.joined(retirement, origin -> List.of(nullable(origin.municipality())), "; "),
                DisclosureText.joined(
                        retirement, origin -> List.of(origin.creditType().name().toLowerCase(Locale.ROOT)), " "),
                DisclosureText.joined(
                        retirement,
                        origin -> List.of(
                                origin.basis().name().toLowerCase(Locale.ROOT).replace('_', '-')),
                        " "),
                DisclosureText.joined(retirement, RegistryViews.CreditOrigin::coBenefits, " "),
                retirement.correspondingAdjustment().toLowerCase(Locale.ROOT).replace('_', '-'),
                retirement.offsetTonnesCo2() == null
                        ? ""
                        : retirement.offsetTonnesCo2().toPlainString(),
                retirement.offsetCoverage() == null
                        ? ""
                        : retirement.offsetCoverage().name().toLowerCase(Locale.ROOT),
                nullable(retirement.beneficiarySector()),
                nullable(retirement.selectionReason()));
        lines.append(String.join(",", cells.stream().map(CsvTable::quoted).toList()));
    }

    private static String nullable(String value) {
        return value == null ? "" : value;
    }

    @GetMapping("/registry/serials")
    String lookup(@RequestParam(required = false) String q, Model model) {
        model.addAttribute("q", q);
        if (q != null && !q.isBlank()) {
            Optional<SerialRange> range = SerialRange.parse(q);
            if (range.isEmpty()) {
                model.addAttribute("problem", "registry.serial.invalid");
            } else {
                queries.lookup(range.get())
                        .ifPresentOrElse(
                                found -> model.addAttribute("lookup", found),
                                () -> model.addAttribute("problem", "registry.serial.not-found"));
            }
        }
        return "registry/serials";
    }
}
