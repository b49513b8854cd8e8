package org.amamo.identity.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.amamo.platform.Refusal;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;

/** The page of a link from an e-mail that cannot be used: unknown (404), or used or expired (410). */
final class LinkPages {

    private LinkPages() {}

    static String invalid(AccountLinks.State state, Model model, HttpServletResponse response) {
        response.setStatus(
                state == AccountLinks.State.UNKNOWN ? HttpStatus.NOT_FOUND.value() : HttpStatus.GONE.value());
        model.addAttribute("refusals", List.of(Refusal.of("token", "accounts.link." + state.name())));
        return "identity/link-invalid";
    }
}
