package org.amamo.disclosure.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.amamo.application.CertifiedProject;
import org.amamo.application.CertifiedProjects;
import org.amamo.application.ProjectSurvey;
import org.amamo.application.QualityCriterion;
import org.amamo.application.QualityRecord;
import org.amamo.application.UncertaintyBands;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.platform.Confirmation;
import org.amamo.platform.CsvTable;
import org.amamo.platform.Flash;
import org.amamo.platform.FormErrors;
import org.amamo.programme.Programmes;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Public statistics and the map of certified projects; the secretariat's record of earlier years. */
@Controller
class DisclosureController {

    private final Statistics statistics;
    private final CertifiedProjects projects;
    private final OffsetUsage usage;
    private final Programmes programmes;
    private final UncertaintyBands bands;
    private final CertificationBreakdown breakdown;

    DisclosureController(
            Statistics statistics,
            CertifiedProjects projects,
            OffsetUsage usage,
            Programmes programmes,
            UncertaintyBands bands,
            CertificationBreakdown breakdown) {
        this.bands = bands;
        this.statistics = statistics;
        this.projects = projects;
        this.usage = usage;
        this.programmes = programmes;
        this.breakdown = breakdown;
    }

    /**
     * Every certified project (one row per certification), newest first. Stable columns, documented in
     * docs/open-data.md; the last four (the survey record, seed 002) were added at the end and are empty where nothing
     * was recorded.
     */
    @GetMapping("/projects.csv")
    ResponseEntity<byte[]> projectsCsv() {
        CsvTable csv = new CsvTable(
                "project_code",
                "application_id",
                "name",
                "prefecture",
                "ecosystems",
                "certified_fiscal_year",
                "certified_t_co2",
                "site_area_ha",
                "methodology_version",
                "certified_at",
                "url",
                "certified_on",
                "implementer",
                "credit_type",
                "programme",
                "quality_rules",
                "ccp_additionality",
                "ccp_additionality_assessments",
                "ccp_permanence",
                "ccp_permanence_monitoring",
                "ccp_permanence_assessments",
                "ccp_sustainable_development",
                "ccp_sdgs",
                "ccp_sustainable_development_assessments",
                "ccp_no_double_counting",
                "ccp_no_double_counting_assessments",
                "ccp_net_zero",
                "ccp_net_zero_assessments",
                "implementer_type",
                "survey_methods",
                "last_survey_on",
                "coefficient_bases",
                "uncertainty_p5_t_co2",
                "uncertainty_p50_t_co2",
                "uncertainty_p95_t_co2");
        List<CertifiedProject> all = projects.all();
        Map<Long, ProjectSurvey> surveys = projects.surveys();
        Map<Long, UncertaintyBands.Band> drawn =
                bands.of(all.stream().map(CertifiedProject::applicationId).toList());
        for (CertifiedProject project : all) {
            UncertaintyBands.Band band = drawn.get(project.applicationId());
            boolean shown = band != null && band.drawn();
            ProjectSurvey survey = surveys.get(project.applicationId());
            QualityRecord quality = project.quality();
            QualityRecord.Statements statements = quality.statements();
            csv.row(
                    project.projectCode(),
                    project.applicationId(),
                    project.name(),
                    project.prefecture(),
                    String.join(" ", project.ecosystems()),
                    project.certifiedFiscalYear(),
                    CsvTable.tonnes(project.certifiedUnits()),
                    project.siteAreaHectares(),
                    project.methodologyVersion(),
                    project.certifiedAt(),
                    "/applications/" + project.applicationId(),
                    project.certifiedOn(),
                    project.implementer(),
                    project.creditType(),
                    project.programmeCode(),
                    quality.rules(),
                    statements.additionality(),
                    assessments(quality, QualityCriterion.ADDITIONALITY),
                    statements.permanence(),
                    statements.permanenceMonitoring(),
                    assessments(quality, QualityCriterion.PERMANENCE),
                    statements.sustainableDevelopment(),
                    statements.sdgs().stream().map(String::valueOf).collect(Collectors.joining(" ")),
                    assessments(quality, QualityCriterion.SUSTAINABLE_DEVELOPMENT),
                    statements.noDoubleCounting(),
                    assessments(quality, QualityCriterion.NO_DOUBLE_COUNTING),
                    statements.netZero(),
                    assessments(quality, QualityCriterion.NET_ZERO),
                    survey == null || survey.implementerType() == null
                            ? null
                            : survey.implementerType().name(),
                    survey == null ? null : names(survey.surveyMethods()),
                    survey == null ? null : survey.lastSurveyOn(),
                    survey == null ? null : names(survey.coefficientBases()),
                    shown ? band.netP5T() : null,
                    shown ? band.netP50T() : null,
                    shown ? band.netP95T() : null);
        }
        return csv.download("projects.csv");
    }

    /**
     * One criterion's assessments in a cell: per reviewer (numbered), the outcome and the reason, as
     * {@code 1:MEETS:reason}, separated by {@code " | "}.
     */
    private static String assessments(QualityRecord quality, QualityCriterion criterion) {
        return quality.of(criterion).stream()
                .map(a -> a.reviewer() + ":" + a.outcome().name() + ":" + a.reason())
                .collect(Collectors.joining(" | "));
    }

    /** Enum names, space-separated, as the CSV lists codes. */
    private static String names(java.util.List<? extends Enum<?>> values) {
        return String.join(" ", values.stream().map(Enum::name).toList());
    }

    /** The map of certified projects, of every programme or of one ({@code ?programme=YBC}). */
    @GetMapping("/map")
    String map(@RequestParam(required = false) String programme, Model model) {
        model.addAttribute("programme", programmes.known(programme));
        model.addAttribute("programmes", programmes.all());
        return "disclosure/map";
    }

    /** The certification record, and offset usage of all programmes or of one ({@code ?programme=YBC}). */
    @GetMapping("/statistics")
    String statistics(@RequestParam(required = false) String programme, Model model) {
        String code = programme(programme);
        model.addAttribute("years", statistics.yearly());
        model.addAttribute("programmes", programmes.all());
        model.addAttribute("usage", usage.summary(code));
        model.addAttribute("usageProgramme", code);
        model.addAttribute("breakdown", breakdown.tables());
        return "disclosure/statistics";
    }

    /**
     * Offset usage as CSV, one row per group, stable columns documented in the README: programme, fiscal_year,
     * source (system or imported), purpose, credit_type, project_code, ecosystem, prefecture (JIS code), t_co2.
     */
    @GetMapping("/statistics/offsets.csv")
    ResponseEntity<byte[]> offsetsCsv(@RequestParam(required = false) String programme) {
        CsvTable csv = new CsvTable(
                "programme",
                "fiscal_year",
                "source",
                "purpose",
                "credit_type",
                "project_code",
                "ecosystem",
                "prefecture",
                "t_co2");
        for (OffsetUsage.Row row : usage.rows(programme(programme))) {
            csv.row(
                    row.programme(),
                    row.fiscalYear(),
                    row.source(),
                    row.purpose(),
                    row.creditType(),
                    row.projectCode(),
                    row.ecosystem(),
                    row.prefecture(),
                    row.tonnes());
        }
        return csv.download("offsets.csv");
    }

    /** A known programme code, or null (all programmes) for none or an unknown one. */
    private String programme(String code) {
        return code == null || programmes.find(code).isEmpty() ? null : code;
    }

    /**
     * Stable columns, documented in the README: fiscal_year, source, sites, t_co2, hectares, average_price_jpy,
     * reported_average_price_jpy, removal_t_co2, reduction_t_co2 (added later, so at the end; empty
     * where the record does not split the year by credit type), exchange_average_price_jpy (added after them: the
     * volume-weighted average of the exchange's contracts of the year; empty when there were none).
     */
    @GetMapping("/statistics.csv")
    ResponseEntity<byte[]> csv() {
        CsvTable csv = new CsvTable(
                "fiscal_year",
                "source",
                "sites",
                "t_co2",
                "hectares",
                "average_price_jpy",
                "reported_average_price_jpy",
                "removal_t_co2",
                "reduction_t_co2",
                "exchange_average_price_jpy");
        for (YearlyStatistic year : statistics.yearly()) {
            csv.row(
                    year.fiscalYear(),
                    year.imported() ? "imported" : "system",
                    year.certifiedSites(),
                    year.certifiedTonnes(),
                    year.certifiedHectares(),
                    year.averagePriceJpy(),
                    year.reportedAveragePriceJpy(),
                    year.removalTonnes(),
                    year.reductionTonnes(),
                    year.exchangeAveragePriceJpy());
        }
        return csv.download("statistics.csv");
    }

    @GetMapping("/secretariat/statistics/history")
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'ADMINISTRATOR')")
    String history(Model model) {
        model.addAttribute("form", new HistoryForm());
        model.addAttribute("years", statistics.imported());
        return "disclosure/history";
    }

    @PostMapping("/secretariat/statistics/history")
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'ADMINISTRATOR')")
    String importYear(
            @AuthenticationPrincipal AmamoPrincipal user,
            @Valid @ModelAttribute("form") HistoryForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            FormErrors.reject(binding, statistics.importYear(form, user.userId()));
        }
        if (binding.hasErrors()) {
            model.addAttribute("years", statistics.imported());
            return "disclosure/history";
        }
        redirect.addFlashAttribute("flash", "history.saved");
        return "redirect:/secretariat/statistics/history";
    }

    @PostMapping("/secretariat/statistics/history/{year}/delete")
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'ADMINISTRATOR')")
    String deleteYear(@PathVariable int year, HttpServletRequest request, Model model, RedirectAttributes redirect) {
        Confirmation confirmation = Confirmation.of("history.delete.confirm", "/secretariat/statistics/history")
                .line("confirm.history.year", year)
                .line("confirm.irreversible");
        if (!confirmation.givenBy(request)) {
            return confirmation.page(request, model);
        }
        return Flash.redirect(
                "/secretariat/statistics/history", statistics.deleteYear(year), "history.deleted", redirect);
    }
}
