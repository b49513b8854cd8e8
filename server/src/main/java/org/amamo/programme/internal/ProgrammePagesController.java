package org.amamo.programme.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.platform.Flash;
import org.amamo.platform.Outcome;
import org.amamo.platform.Refusal;
import org.amamo.platform.RefusalKind;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The secretariat's import of a programme's earlier records. Each programme's public statistics page
 * (/programmes/{code}/statistics) belongs to the disclosure feature, which reads these records through
 * {@link org.amamo.programme.ProgrammeRecords} beside the registry's retirements.
 */
@Controller
class ProgrammePagesController {

    static final long MAX_CSV_BYTES = 2L * 1024 * 1024;

    private final ProgrammeHistory history;

    ProgrammePagesController(ProgrammeHistory history) {
        this.history = history;
    }

    @GetMapping("/secretariat/programmes/history")
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'ADMINISTRATOR')")
    String importForm(Model model) {
        model.addAttribute("header", HistoryCsv.HEADER);
        return "programme/history-import";
    }

    @PostMapping("/secretariat/programmes/history")
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'ADMINISTRATOR')")
    String importCsv(
            @AuthenticationPrincipal AmamoPrincipal user,
            @RequestParam("file") MultipartFile file,
            RedirectAttributes redirect)
            throws IOException {
        Outcome<Void> imported = file.getSize() > MAX_CSV_BYTES
                ? Outcome.refused(
                        RefusalKind.INVALID, Refusal.of("file", "history.csv.size", MAX_CSV_BYTES / (1024 * 1024)))
                : history.importCsv(new String(file.getBytes(), StandardCharsets.UTF_8), user.userId());
        return Flash.redirect("/secretariat/programmes/history", imported, "history.csv.imported", redirect);
    }
}
