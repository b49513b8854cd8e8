package org.amamo.application.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.platform.Dates;
import org.amamo.platform.Pages;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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

    ApplicationListsController(ApplicationRepository applications, Notifications notifications, Dates dates) {
        this.applications = applications;
        this.notifications = notifications;
        this.dates = dates;
    }

    @GetMapping("/secretariat/applications")
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'ADMINISTRATOR')")
    String projects(@RequestParam(required = false) ApplicationStatus status, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page, Model model) {
        int number = Pages.number(page);
        List<StoredApplication> rows = applications.search(status, q, number * Pages.DEFAULT_SIZE, Pages.DEFAULT_SIZE + 1);
        model.addAttribute("applications", rows.stream().limit(Pages.DEFAULT_SIZE).toList());
        model.addAttribute("hasNext", rows.size() > Pages.DEFAULT_SIZE);
        model.addAttribute("page", number);
        model.addAttribute("status", status);
        model.addAttribute("q", q);
        model.addAttribute("statuses", ApplicationStatus.values());
        return "application/secretariat-list";
    }

    @GetMapping(value = "/secretariat/applications.csv")
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'ADMINISTRATOR')")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) ApplicationStatus status,
            @RequestParam(required = false) String q) {
        StringBuilder csv = new StringBuilder("application_id,project_code,name,prefecture,status,submitted_at,"
                + "site_area_ha,certified_t_co2,methodology_version\r\n");
        for (StoredApplication row : applications.search(status, q, 0, CSV_MAX_ROWS)) {
            csv.append(row.id()).append(',').append(row.projectCode()).append(',').append(Csv.cell(row.name()))
                    .append(',').append(Csv.cell(row.prefecture())).append(',').append(row.status()).append(',')
                    .append(dates.dateTime(row.submittedAt())).append(',')
                    .append(row.siteAreaHectares() == null ? "" : row.siteAreaHectares().toPlainString()).append(',')
                    .append(row.certifiedUnits() == null ? "" : Csv.tonnes(row.certifiedUnits())).append(',')
                    .append(row.certifiedVersion() == null ? "" : row.certifiedVersion()).append("\r\n");
        }
        // A byte-order mark lets spreadsheet programs read the Japanese names as UTF-8.
        byte[] body = ("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"applications.csv\"").body(body);
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
        return "application/notifications";
    }

    @PostMapping("/account/notifications/read")
    @PreAuthorize("isAuthenticated()")
    String markRead(@AuthenticationPrincipal AmamoPrincipal user) {
        notifications.markAllRead(user.userId());
        return "redirect:/account/notifications";
    }
}
