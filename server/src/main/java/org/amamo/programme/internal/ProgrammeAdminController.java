package org.amamo.programme.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import org.amamo.methodology.table.MethodologyTables;
import org.amamo.platform.Outcome;
import org.amamo.platform.Refusal;
import org.amamo.programme.Programme;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Programme settings: only an administrator changes names, operator, certifier and accepted versions; the page also
 * lists each programme's review committee ({@link CommitteeAdminController} changes it).
 */
@Controller
@PreAuthorize("hasRole('ADMINISTRATOR')")
class ProgrammeAdminController {

    static final int TEXT_MAX = 200;

    private final ProgrammeRepository programmes;
    private final AdminPage page;

    ProgrammeAdminController(ProgrammeRepository programmes, AdminPage page) {
        this.programmes = programmes;
        this.page = page;
    }

    @GetMapping("/admin/programmes")
    String list(Model model) {
        return page.show(model);
    }

    @PostMapping("/admin/programmes/{code}")
    @Transactional
    String update(
            @PathVariable String code,
            @RequestParam(required = false) String nameJa,
            @RequestParam(required = false) String nameEn,
            @RequestParam(required = false) String operator,
            @RequestParam(required = false) String certifier,
            @RequestParam(name = "versions", required = false) List<String> versions,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Programme programme =
                programmes.find(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        List<String> accepted = versions == null ? List.of() : versions;
        Outcome<Void> checked = check(nameJa, nameEn, operator, certifier, accepted);
        if (checked.refused()) {
            return page.refused(model, response, programme.code(), checked);
        }
        programmes.update(
                programme.code(), nameJa.strip(), nameEn.strip(), operator.strip(), certifier.strip(), accepted);
        redirect.addFlashAttribute("flash", "programme.saved");
        return "redirect:/admin/programmes#programme-" + programme.code();
    }

    /** Done when the settings may be saved; else refused as invalid, one refusal per bad field. */
    static Outcome<Void> check(String nameJa, String nameEn, String operator, String certifier, List<String> versions) {
        List<Refusal> refusals = new ArrayList<>();
        for (String[] field :
                new String[][] {{"nameJa", nameJa}, {"nameEn", nameEn}, {"operator", operator}, {"certifier", certifier}
                }) {
            if (field[1] == null || field[1].isBlank() || field[1].length() > TEXT_MAX) {
                refusals.add(Refusal.of(field[0], "programme.text.invalid", TEXT_MAX));
            }
        }
        if (versions.isEmpty()) {
            refusals.add(Refusal.of("versions", "programme.versions.required"));
        }
        for (String version : versions) {
            if (!MethodologyTables.VERSIONS.contains(version)) {
                refusals.add(Refusal.of("versions", "programme.version.unknown", version));
            }
        }
        return Outcome.invalidUnlessEmpty(refusals);
    }
}
