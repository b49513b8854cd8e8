package org.amamo.application.internal;

import java.util.ArrayList;
import java.util.List;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.platform.CsvTable;
import org.amamo.platform.FormErrors;
import org.amamo.platform.Outcome;
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
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Use of proceeds on the web: the project owner's report form ({@code /projects/{id}/proceeds}), the secretariat's
 * list of projects that have not reported, and the public CSV of every report.
 */
@Controller
class ProceedsController {

    private final ProceedsService proceeds;
    private final TakeoverStore projects;

    ProceedsController(ProceedsService proceeds, TakeoverStore projects) {
        this.proceeds = proceeds;
        this.projects = projects;
    }

    /** The report form's fields, as typed. */
    static final class ReportForm {
        private String fiscalYear;
        private String amountYen;
        private List<String> activities = new ArrayList<>();
        private String description;

        public String getFiscalYear() {
            return fiscalYear;
        }

        public void setFiscalYear(String fiscalYear) {
            this.fiscalYear = fiscalYear;
        }

        public String getAmountYen() {
            return amountYen;
        }

        public void setAmountYen(String amountYen) {
            this.amountYen = amountYen;
        }

        public List<String> getActivities() {
            return activities;
        }

        public void setActivities(List<String> activities) {
            this.activities = activities;
        }

        public String getDescription() {
            return description;
        }

        public void setDescription(String description) {
            this.description = description;
        }
    }

    @GetMapping("/projects/{id}/proceeds")
    @PreAuthorize("hasRole('APPLICANT')")
    String form(@AuthenticationPrincipal AmamoPrincipal user, @PathVariable long id, Model model) {
        ReportForm form = new ReportForm();
        form.setFiscalYear(String.valueOf(proceeds.currentYear()));
        model.addAttribute("form", form);
        return page(user, id, model);
    }

    @PostMapping("/projects/{id}/proceeds")
    @PreAuthorize("hasRole('APPLICANT')")
    String report(
            @AuthenticationPrincipal AmamoPrincipal user,
            @PathVariable long id,
            @ModelAttribute("form") ReportForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        Outcome<Void> recorded = FormErrors.found(proceeds.report(
                user,
                id,
                new ProceedsService.Entry(
                        form.getFiscalYear(), form.getAmountYen(), form.getActivities(), form.getDescription())));
        if (recorded.kind() == org.amamo.platform.RefusalKind.FORBIDDEN) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        if (FormErrors.reject(binding, recorded)) {
            return page(user, id, model);
        }
        redirect.addFlashAttribute("flash", "proceeds.recorded");
        return "redirect:/projects/" + id + "/proceeds";
    }

    @GetMapping("/secretariat/proceeds")
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'ADMINISTRATOR')")
    String unreported(Model model) {
        model.addAttribute("unreported", proceeds.unreported());
        model.addAttribute("year", proceeds.currentYear() - 1);
        return "application/secretariat-proceeds";
    }

    /** Every report, by project and fiscal year (open data; columns documented in docs/open-data.md). */
    @GetMapping("/projects/proceeds.csv")
    ResponseEntity<byte[]> csv() {
        CsvTable csv = new CsvTable(
                "project_code",
                "project_name",
                "fiscal_year",
                "amount_jpy",
                "activities",
                "description",
                "recorded_at");
        for (ProceedsReport report : proceeds.all()) {
            csv.row(
                    report.projectCode(),
                    report.projectName(),
                    report.fiscalYear(),
                    report.amountYen(),
                    String.join(" ", report.activities()),
                    report.description(),
                    report.recordedAt());
        }
        return csv.download("proceeds.csv");
    }

    private String page(AmamoPrincipal user, long id, Model model) {
        TakeoverStore.Project project = projects.project(id)
                .filter(found -> found.ownerId() == user.userId())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("project", project);
        model.addAttribute("projectCode", String.format("%04d", id));
        model.addAttribute("certified", proceeds.firstCertifiedYear(id) != null);
        model.addAttribute("reports", proceeds.ofProject(id));
        model.addAttribute("activities", ProceedsService.ACTIVITIES);
        return "application/proceeds";
    }
}
