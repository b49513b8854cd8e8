package org.amamo.programme.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.amamo.platform.Outcome;
import org.amamo.platform.Refusal;
import org.amamo.programme.BufferShares;
import org.amamo.programme.Programme;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An administrator sets a programme's buffer share per ecosystem (parameters {@code buffer.<ecosystem>}), 0 to 50 %
 * with at most two decimals. One bad share refuses the whole form, each refusal beneath its field, and nothing
 * changes.
 */
@Controller
@PreAuthorize("hasRole('ADMINISTRATOR')")
class BufferAdminController {

    static final String FIELD_PREFIX = "buffer.";

    private final ProgrammeRepository programmes;
    private final BufferShareRepository shares;
    private final AdminPage page;

    BufferAdminController(ProgrammeRepository programmes, BufferShareRepository shares, AdminPage page) {
        this.programmes = programmes;
        this.shares = shares;
        this.page = page;
    }

    @PostMapping("/admin/programmes/{code}/buffer")
    @Transactional
    String update(
            @PathVariable String code,
            @RequestParam Map<String, String> parameters,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Programme programme =
                programmes.find(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        List<Refusal> refusals = new ArrayList<>();
        Map<String, BigDecimal> parsed = parse(parameters, refusals);
        if (!refusals.isEmpty()) {
            Map<String, String> typed = new LinkedHashMap<>();
            BufferShares.ECOSYSTEMS.forEach(
                    ecosystem -> typed.put(ecosystem, parameters.getOrDefault(FIELD_PREFIX + ecosystem, "")));
            model.addAttribute("typedBuffer", typed);
            return page.refused(model, response, programme.code(), Outcome.invalidUnlessEmpty(refusals));
        }
        shares.replace(programme.code(), parsed);
        return CommitteeAdminController.done(programme.code(), "programme.buffer.saved", redirect);
    }

    /** Each ecosystem's share; a blank field is 0 %. A share that is not a number from 0 to 50: a refusal. */
    static Map<String, BigDecimal> parse(Map<String, String> parameters, List<Refusal> refusals) {
        Map<String, BigDecimal> parsed = new LinkedHashMap<>();
        for (String ecosystem : BufferShares.ECOSYSTEMS) {
            String field = FIELD_PREFIX + ecosystem;
            String text = parameters.getOrDefault(field, "").strip();
            if (text.isEmpty()) {
                parsed.put(ecosystem, BigDecimal.ZERO);
                continue;
            }
            BigDecimal share = text.matches("[0-9]{1,3}(\\.[0-9]{1,2})?") ? new BigDecimal(text) : null;
            if (share == null || share.compareTo(BufferShares.MAX_PERCENT) > 0) {
                refusals.add(Refusal.of(field, "programme.buffer.invalid", BufferShares.MAX_PERCENT.toPlainString()));
            } else {
                parsed.put(ecosystem, share);
            }
        }
        return parsed;
    }
}
