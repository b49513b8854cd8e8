package org.amamo.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.amamo.platform.Outcome;
import org.amamo.platform.Refusal;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "Forgot your password": ask for a link, then set a new password from it. */
@Controller
class PasswordResetController {

    private final PasswordReset reset;

    PasswordResetController(PasswordReset reset) {
        this.reset = reset;
    }

    @GetMapping("/password/forgot")
    String forgotForm() {
        return "identity/password-forgot";
    }

    /** The same answer whether or not the address belongs to an account. */
    @PostMapping("/password/forgot")
    String forgot(
            @RequestParam(required = false) String email,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        Outcome<Void> requested = reset.request(email, request.getRemoteAddr(), SiteUrl.current());
        if (requested.refused()) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            model.addAttribute("refusals", requested.refusals());
            return "identity/password-forgot";
        }
        redirect.addFlashAttribute("flash", "accounts.reset.sent");
        return "redirect:/password/forgot?sent";
    }

    @GetMapping("/password/reset")
    String resetForm(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
        AccountLinks.State state = reset.state(token);
        if (state != AccountLinks.State.VALID) {
            return LinkPages.invalid(state, model, response);
        }
        model.addAttribute("token", token);
        return "identity/password-reset";
    }

    @PostMapping("/password/reset")
    String resetPassword(
            @RequestParam(required = false) String token,
            @RequestParam(required = false) String password,
            @RequestParam(required = false) String passwordConfirmation,
            @RequestParam(defaultValue = "false") boolean revokeTokens,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Outcome<Void> done = reset.reset(token, password, passwordConfirmation, revokeTokens);
        if (done.refused()) {
            boolean linkRefused = done.refusals().stream().map(Refusal::field).anyMatch("token"::equals);
            model.addAttribute("refusals", done.refusals());
            response.setStatus(done.kind().status().value());
            if (linkRefused) {
                return "identity/link-invalid";
            }
            model.addAttribute("token", token);
            model.addAttribute("revokeTokens", revokeTokens);
            return "identity/password-reset";
        }
        redirect.addFlashAttribute("flash", "accounts.reset.done");
        return "redirect:/login";
    }
}
