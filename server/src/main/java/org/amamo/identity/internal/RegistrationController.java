package org.amamo.identity.internal;

import jakarta.validation.Valid;
import org.amamo.platform.FormErrors;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class RegistrationController {

    private final RegistrationService registration;

    RegistrationController(RegistrationService registration) {
        this.registration = registration;
    }

    @GetMapping("/register")
    String form(@ModelAttribute("form") RegistrationForm form) {
        return "identity/register";
    }

    @PostMapping("/register")
    String register(
            @Valid @ModelAttribute("form") RegistrationForm form, BindingResult binding, RedirectAttributes redirect) {
        FormErrors.reject(binding, registration.check(form));
        if (binding.hasErrors()) {
            form.setPassword(null);
            form.setPasswordConfirmation(null);
            return "identity/register";
        }
        registration.register(form, LocaleContextHolder.getLocale(), SiteUrl.current());
        redirect.addFlashAttribute("flash", "accounts.registration.done");
        return "redirect:/login";
    }
}
