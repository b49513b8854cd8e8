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

    ApplicationListsController(
            ApplicationRepository applications, Notifications notifications, Dates dates, Programmes programmes) {
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

    @GetMapping(value = "/secretariat/applications.csv")
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'ADMINISTRATOR')")
    ResponseEntity<byte[]> csv(
            @RequestParam(required = false) ApplicationStatus status,
            @RequestParam(required = false) String programme,
            @RequestParam(required = false) String q) {
        CsvTable csv = new CsvTable(
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
        for (StoredApplication row : applications.search(status, programmes.known(programme), q, 0, CSV_MAX_ROWS)) {
            csv.row(
                    row.id(),
                    row.projectCode(),
                    row.name(),
                    row.prefecture(),
                    row.status(),
                    dates.dateTime(row.submittedAt()),
                    row.siteAreaHectares(),
                    row.certifiedUnits() == null ? null : CsvTable.tonnes(row.certifiedUnits()),
                    row.certifiedVersion(),
                    row.programmeCode());
        }
        return csv.download("applications.csv");
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
