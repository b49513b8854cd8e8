package org.amamo.registry.internal.web;

import java.util.Set;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.platform.CsvTable;
import org.amamo.platform.Outcome;
import org.amamo.programme.Programmes;
import org.amamo.registry.internal.Actor;
import org.amamo.registry.internal.BufferDesk;
import org.amamo.registry.internal.Receipt;
import org.amamo.registry.internal.ReversalStore;
import org.amamo.registry.internal.read.BufferQuery;
import org.amamo.registry.internal.read.BufferQuery.BufferView;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The buffer pool: the public page of each programme's buffer (shares, balance, intake per project, every reversal)
 * with its CSVs, and the secretariat's form that records a reversal.
 */
@Controller
class BufferController {

    static final Set<String> REVERSAL_FIELDS = Set.of(
            "programmeCode",
            "projectCode",
            "occurredOn",
            "areaHectares",
            "tonnesLost",
            "cause",
            "evidence",
            "evidenceUrl");

    private final BufferQuery buffers;
    private final BufferDesk desk;
    private final Programmes programmes;

    BufferController(BufferQuery buffers, BufferDesk desk, Programmes programmes) {
        this.buffers = buffers;
        this.desk = desk;
        this.programmes = programmes;
    }

    /** The default programme's buffer (the others are linked from it). */
    @GetMapping("/registry/buffer")
    String defaultBuffer() {
        return "redirect:/registry/buffer/" + Programmes.DEFAULT_CODE;
    }

    @GetMapping("/registry/buffer/{code}")
    String buffer(@PathVariable String code, Model model) {
        model.addAttribute("buffer", view(code));
        model.addAttribute("programme", programmes.find(code).orElseThrow());
        model.addAttribute("programmes", programmes.all());
        return "registry/buffer";
    }

    /** The intake per project (columns documented in docs/registry.md). */
    @GetMapping("/registry/buffer/{code}/intake.csv")
    ResponseEntity<byte[]> intakeCsv(@PathVariable String code) {
        BufferView buffer = view(code);
        CsvTable csv = new CsvTable(
                "programme_code",
                "project_code",
                "project_name",
                "batches",
                "intake_t_co2",
                "held_t_co2",
                "lost_t_co2");
        for (BufferQuery.ProjectIntake project : buffer.projects()) {
            csv.row(
                    buffer.programmeCode(),
                    project.projectCode(),
                    project.projectName(),
                    project.batches(),
                    CsvTable.tonnes(project.intakeUnits()),
                    CsvTable.tonnes(project.heldUnits()),
                    CsvTable.tonnes(project.lostUnits()));
        }
        return csv.download("buffer-intake-" + buffer.programmeCode() + ".csv");
    }

    /** Every reversal, newest first (columns documented in docs/registry.md). */
    @GetMapping("/registry/buffer/{code}/reversals.csv")
    ResponseEntity<byte[]> reversalsCsv(@PathVariable String code) {
        BufferView buffer = view(code);
        CsvTable csv = new CsvTable(
                "reversal_id",
                "programme_code",
                "project_code",
                "project_name",
                "occurred_on",
                "area_ha",
                "lost_t_co2",
                "own_buffer_t_co2",
                "pool_t_co2",
                "shortfall_t_co2",
                "cause",
                "evidence",
                "evidence_url",
                "recorded_at");
        for (ReversalStore.ReversalRow reversal : buffer.reversals()) {
            csv.row(
                    reversal.id(),
                    reversal.programmeCode(),
                    reversal.projectCode(),
                    reversal.projectName(),
                    reversal.occurredOn(),
                    reversal.areaHectares().toPlainString(),
                    CsvTable.tonnes(reversal.lostUnits()),
                    CsvTable.tonnes(reversal.ownUnits()),
                    CsvTable.tonnes(reversal.poolUnits()),
                    CsvTable.tonnes(reversal.shortfallUnits()),
                    reversal.cause(),
                    reversal.evidence(),
                    reversal.evidenceUrl(),
                    reversal.recordedAt());
        }
        return csv.download("buffer-reversals-" + buffer.programmeCode() + ".csv");
    }

    @GetMapping("/secretariat/registry/reversals")
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'ADMINISTRATOR')")
    String reversalForm(@RequestParam(name = "programme", required = false) String programme, Model model) {
        ReversalForm form = new ReversalForm();
        form.setProgrammeCode(
                programmes.known(programme) == null ? Programmes.DEFAULT_CODE : programmes.known(programme));
        model.addAttribute("form", form);
        return reversalPage(model);
    }

    @PostMapping("/secretariat/registry/reversals")
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'ADMINISTRATOR')")
    String reverse(
            @AuthenticationPrincipal AmamoPrincipal user,
            @ModelAttribute("form") ReversalForm form,
            BindingResult binding,
            jakarta.servlet.http.HttpServletRequest request,
            Model model,
            RedirectAttributes redirect) {
        String tonnes = RegistryForms.strip(form.getTonnesLost());
        if (tonnes != null && !tonnes.isEmpty()) {
            // Cancelling from the buffer cannot be undone: the page states the loss and asks to type the t-CO2 again.
            org.amamo.platform.Confirmation confirmation = org.amamo.platform.Confirmation.of(
                            "confirm.reversal", "/secretariat/registry/reversals")
                    .line(
                            "confirm.reversal.what",
                            String.valueOf(RegistryForms.strip(form.getProgrammeCode())),
                            String.valueOf(RegistryForms.strip(form.getProjectCode())),
                            String.valueOf(RegistryForms.strip(form.getOccurredOn())),
                            tonnes)
                    .line("confirm.reversal.cause", String.valueOf(RegistryForms.strip(form.getCause())))
                    .line("confirm.reversal.effect")
                    .typing(tonnes, "confirm.reversal.typed");
            if (!confirmation.givenBy(request)) {
                return confirmation.page(request, model);
            }
        }
        Outcome<Receipt> outcome = desk.reverse(Actor.of(user), form.reversal(), form.getRequestKey());
        if (outcome.refused()) {
            RegistryForms.reject(binding, outcome.refusals(), REVERSAL_FIELDS);
            return reversalPage(model);
        }
        redirect.addFlashAttribute("flash", "registry.reversal.done");
        return "redirect:/registry/buffer/" + form.getProgrammeCode().strip();
    }

    private String reversalPage(Model model) {
        model.addAttribute("programmes", programmes.all());
        return "registry/reversal";
    }

    private BufferView view(String code) {
        return buffers.buffer(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** The reversal form; every field is text, so that nothing typed fails to bind and each refusal names its field. */
    public static class ReversalForm {
        private String programmeCode;
        private String projectCode;
        private String occurredOn;
        private String areaHectares;
        private String tonnesLost;
        private String cause;
        private String evidence;
        private String evidenceUrl;
        private String requestKey = RegistryForms.newKey();

        BufferDesk.Reversal reversal() {
            return new BufferDesk.Reversal(
                    programmeCode, projectCode, occurredOn, areaHectares, tonnesLost, cause, evidence, evidenceUrl);
        }

        public String getProgrammeCode() {
            return programmeCode;
        }

        public void setProgrammeCode(String programmeCode) {
            this.programmeCode = programmeCode;
        }

        public String getProjectCode() {
            return projectCode;
        }

        public void setProjectCode(String projectCode) {
            this.projectCode = projectCode;
        }

        public String getOccurredOn() {
            return occurredOn;
        }

        public void setOccurredOn(String occurredOn) {
            this.occurredOn = occurredOn;
        }

        public String getAreaHectares() {
            return areaHectares;
        }

        public void setAreaHectares(String areaHectares) {
            this.areaHectares = areaHectares;
        }

        public String getTonnesLost() {
            return tonnesLost;
        }

        public void setTonnesLost(String tonnesLost) {
            this.tonnesLost = tonnesLost;
        }

        public String getCause() {
            return cause;
        }

        public void setCause(String cause) {
            this.cause = cause;
        }

        public String getEvidence() {
            return evidence;
        }

        public void setEvidence(String evidence) {
            this.evidence = evidence;
        }

        public String getEvidenceUrl() {
            return evidenceUrl;
        }

        public void setEvidenceUrl(String evidenceUrl) {
            this.evidenceUrl = evidenceUrl;
        }

        public String getRequestKey() {
            return requestKey;
        }

        public void setRequestKey(String requestKey) {
            this.requestKey = requestKey;
        }
    }
}
