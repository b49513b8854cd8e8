package org.amamo.disclosure.internal;

import jakarta.validation.Valid;
import java.nio.charset.StandardCharsets;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.platform.FormErrors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Public statistics and the map of certified projects; the secretariat's record of earlier years. */
@Controller
class DisclosureController {

    private final Statistics statistics;

    DisclosureController(Statistics statistics) {
        this.statistics = statistics;
    }

    @GetMapping("/map")
    String map() {
        return "disclosure/map";
    }

    @GetMapping("/statistics")
    String statistics(Model model) {
        model.addAttribute("years", statistics.yearly());
        return "disclosure/statistics";
    }

    /** Stable columns, documented in the README: fiscal_year, source, sites, t_co2, hectares, average_price_jpy. */
    @GetMapping("/statistics.csv")
    ResponseEntity<byte[]> csv() {
        StringBuilder csv = new StringBuilder("fiscal_year,source,sites,t_co2,hectares,average_price_jpy\r\n");
        for (YearlyStatistic year : statistics.yearly()) {
            csv.append(year.fiscalYear()).append(',').append(year.imported() ? "imported" : "system").append(',')
                    .append(year.certifiedSites()).append(',').append(year.certifiedTonnes().toPlainString()).append(',')
                    .append(year.certifiedHectares().toPlainString()).append(',')
                    .append(year.averagePriceJpy() == null ? "" : year.averagePriceJpy().toPlainString()).append("\r\n");
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"statistics.csv\"")
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
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
    String importYear(@AuthenticationPrincipal AmamoPrincipal user, @Valid @ModelAttribute("form") HistoryForm form,
            BindingResult binding, Model model, RedirectAttributes redirect) {
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
    String deleteYear(@PathVariable int year, RedirectAttributes redirect) {
        redirect.addFlashAttribute("flash", statistics.deleteYear(year) ? "history.deleted" : "history.not-found");
        return "redirect:/secretariat/statistics/history";
    }
}
