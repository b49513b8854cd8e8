package org.amamo.programme.internal;

import java.util.List;
import org.amamo.platform.Refusal;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An administrator adds reviewers to a programme's review committee and removes them. */
@Controller
@PreAuthorize("hasRole('ADMINISTRATOR')")
class CommitteeAdminController {

    private final ProgrammeRepository programmes;
    private final ProgrammeCommittee committee;

    CommitteeAdminController(ProgrammeRepository programmes, ProgrammeCommittee committee) {
        this.programmes = programmes;
        this.committee = committee;
    }

    @PostMapping("/admin/programmes/{code}/committee")
    String add(@PathVariable String code, @RequestParam(required = false) Long userId, RedirectAttributes redirect) {
        return answer(known(code), committee.add(known(code), userId), "programme.committee.added", redirect);
    }

    @PostMapping("/admin/programmes/{code}/committee/{userId}/delete")
    String remove(@PathVariable String code, @PathVariable long userId, RedirectAttributes redirect) {
        return answer(known(code), committee.remove(known(code), userId), "programme.committee.removed", redirect);
    }

    private String known(String code) {
        return programmes.find(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)).code();
    }

    static String answer(String code, List<Refusal> refusals, String done, RedirectAttributes redirect) {
        if (refusals.isEmpty()) {
            redirect.addFlashAttribute("flash", done);
        } else {
            redirect.addFlashAttribute("refusals", refusals);
            redirect.addFlashAttribute("refusedProgramme", code);
        }
        return "redirect:/admin/programmes#programme-" + code;
    }
}
