package org.amamo.application.internal;

import java.util.List;
import org.amamo.application.ApplicationStatus;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.platform.CsvTable;
import org.amamo.platform.Dates;
import org.amamo.platform.Pages;
import org.amamo.programme.Programmes;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The lists of seed 002's screens: プロジェクト一覧 for the secretariat (filters, search, CSV),
 * "my reviews" for reviewers, and the user's notifications.
 */
@Controller
class ApplicationListsController {

    static final int CSV_MAX_ROWS = 10_000;

    private final ApplicationRepository applications;
    private final Notifications notifications;
    private final Dates dates;
    private final Programmes programmes;
    private final org.springframework.context.MessageSource messages;

    ApplicationListsController(
            ApplicationRepository applications,
            Notifications notifications,
            Dates dates,
            Programmes programmes,
            org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.applications = applications;
        this.programmes = programmes;
        this.notifications = notifications;
        this.dates = dates;
    }

    @GetMapping("/secretariat/applications")
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'ADMINISTRATOR')")
    String projects(
            @RequestParam(required = false) ApplicationStatus status,
            @RequestParam(required = false) String programme,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        int number = Pages.number(page);
        String code = programmes.known(programme);
        List<StoredApplication> rows =
                applications.search(status, code, q, number * Pages.DEFAULT_SIZE, Pages.DEFAULT_SIZE + 1);
        model.addAttribute(
                "applications", rows.stream().limit(Pages.DEFAULT_SIZE).toList());
        model.addAttribute("hasNext", rows.size() > Pages.DEFAULT_SIZE);
        model.addAttribute("page", number);
        model.addAttribute("status", status);
        model.addAttribute("q", q);
        model.addAttribute("programme", code);
        model.addAttribute("programmes", programmes.all());
        model.addAttribute("statuses", ApplicationStatus.values());
        return "application/secretariat-list";
    }

    /** The export's columns: the machine-readable header (open data, never renamed) and each column's label key. */
    static final List<String> CSV_COLUMNS = List.of(
            "application_id",
            "project_code",
            "name",
            "prefecture",
            "status",
            "submitted_at",
            "site_area_ha",
            "certified_t_co2",
            "methodology_version",
            "programme");

    /**
     * The applications as CSV. As it always was, with codes ({@code DRAFT}, {@code 14}, {@code JBC}) under the
     * machine-readable header; with {@code labels=yes}, for a spreadsheet user: the header and the status, prefecture
     * and programme in the page's language.
     */
    @GetMapping(value = "/secretariat/applications.csv")
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'ADMINISTRATOR')")
    ResponseEntity<byte[]> csv(
            @RequestParam(required = false) ApplicationStatus status,
            @RequestParam(required = false) String programme,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String labels,
            java.util.Locale locale) {
        boolean labelled = "yes".equals(labels);
        CsvTable csv = new CsvTable(
                labelled
                        ? CSV_COLUMNS.stream()
                                .map(column -> messages.getMessage("application.csv.column." + column, null, locale))
                                .toArray(String[]::new)
                        : CSV_COLUMNS.toArray(String[]::new));
        java.util.Map<String, String> programmeNames = new java.util.HashMap<>();
        programmes.all().forEach(p -> programmeNames.put(p.code(), p.name(locale.getLanguage())));
        for (StoredApplication row : applications.search(status, programmes.known(programme), q, 0, CSV_MAX_ROWS)) {
            csv.row(
                    row.id(),
                    row.projectCode(),
                    row.name(),
                    labelled && org.amamo.platform.Prefectures.known(row.prefecture())
                            ? messages.getMessage("prefecture." + row.prefecture(), null, locale)
                            : row.prefecture(),
                    labelled ? messages.getMessage("status." + row.status().name(), null, locale) : row.status(),
                    dates.dateTime(row.submittedAt()),
                    row.siteAreaHectares(),
                    row.certifiedUnits() == null ? null : CsvTable.tonnes(row.certifiedUnits()),
                    row.certifiedVersion(),
                    labelled
                            ? programmeNames.getOrDefault(row.programmeCode(), row.programmeCode())
                            : row.programmeCode());
        }
        return csv.download(labelled ? "applications-labelled.csv" : "applications.csv");
    }

    @GetMapping("/reviews")
    @PreAuthorize("hasRole('REVIEWER')")
    String myReviews(@AuthenticationPrincipal AmamoPrincipal user, Model model) {
        model.addAttribute("applications", applications.assignedTo(user.userId()));
        return "application/reviews";
    }

    @GetMapping("/account/notifications")
    @PreAuthorize("isAuthenticated()")
    String notifications(@AuthenticationPrincipal AmamoPrincipal user, Model model) {
        model.addAttribute("notifications", notifications.of(user.userId()));
        // Seen is read: the list shows what was new, and the badge clears once the list has been opened.
        notifications.markAllRead(user.userId());
        model.addAttribute(NotificationBadge.ATTRIBUTE, 0L);
        return "application/notifications";
    }

    @PostMapping("/account/notifications/read")
    @PreAuthorize("isAuthenticated()")
    String markRead(@AuthenticationPrincipal AmamoPrincipal user) {
        notifications.markAllRead(user.userId());
        return "redirect:/account/notifications";
    }
}
