package org.amamo.programme.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.amamo.identity.UserSummary;
import org.amamo.methodology.table.MethodologyTables;
import org.amamo.platform.Outcome;
import org.amamo.programme.Programme;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The administrator's programme page: every programme's settings, fee rule, buffer shares and review committee. A refused change
 * shows the page again with status 400 and each refusal beneath its field in the programme's section.
 */
@Component
class AdminPage {

    static final String VIEW = "programme/admin";

    private final ProgrammeRepository programmes;
    private final ProgrammeCommittee committee;
    private final BufferShareRepository bufferShares;

    AdminPage(ProgrammeRepository programmes, ProgrammeCommittee committee, BufferShareRepository bufferShares) {
        this.programmes = programmes;
        this.committee = committee;
        this.bufferShares = bufferShares;
    }

    String show(Model model) {
        List<Programme> all = programmes.all();
        Map<String, List<UserSummary>> members = new LinkedHashMap<>();
        Map<String, List<UserSummary>> candidates = new LinkedHashMap<>();
        Map<String, Map<String, java.math.BigDecimal>> buffers = new LinkedHashMap<>();
        for (Programme programme : all) {
            buffers.put(programme.code(), bufferShares.shares(programme.code()));
            members.put(programme.code(), committee.members(programme.code()));
            candidates.put(programme.code(), committee.candidates(programme.code()));
        }
        model.addAttribute("programmes", all);
        model.addAttribute("members", members);
        model.addAttribute("candidates", candidates);
        model.addAttribute("versions", MethodologyTables.VERSIONS);
        model.addAttribute("bufferShares", buffers);
        return VIEW;
    }

    /** The page again, with the refusals of a refused change beneath their fields in the programme's section. */
    String refused(Model model, HttpServletResponse response, String code, Outcome<?> refused) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("refusals", refused.refusals());
        model.addAttribute("refusedProgramme", code);
        return show(model);
    }
}
