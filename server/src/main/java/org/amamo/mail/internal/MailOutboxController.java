package org.amamo.mail.internal;

import java.util.List;
import java.util.Set;
import org.amamo.platform.Flash;
import org.amamo.platform.Outcome;
import org.amamo.platform.Refusal;
import org.amamo.platform.RefusalKind;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrator's view of the outbox: every message, its state and its last error; failed ones sent again. */
@Controller
@PreAuthorize("hasRole('ADMINISTRATOR')")
class MailOutboxController {

    /** Messages shown at once, newest first. */
    static final int PAGE_SIZE = 100;

    private static final Set<String> STATUSES = Set.of("QUEUED", "SENDING", "SENT", "KEPT", "FAILED");

    private final MailOutbox outbox;
    private final MailDelivery delivery;

    MailOutboxController(MailOutbox outbox, MailDelivery delivery) {
        this.outbox = outbox;
        this.delivery = delivery;
    }

    @GetMapping("/admin/mail")
    String list(@RequestParam(required = false) String status, Model model) {
        String shown = status != null && STATUSES.contains(status) ? status : null;
        List<MailOutbox.OutboxMessage> messages = outbox.newest(shown, PAGE_SIZE);
        model.addAttribute("messages", messages);
        model.addAttribute("status", shown);
        model.addAttribute("statuses", List.of("QUEUED", "SENT", "KEPT", "FAILED"));
        return "mail/outbox";
    }

    @PostMapping("/admin/mail/{id}/retry")
    String retry(@PathVariable long id, RedirectAttributes redirect) {
        Outcome<Void> retried = outbox.retry(id)
                ? Outcome.done()
                : Outcome.refused(RefusalKind.CONFLICT, Refusal.of("id", "mail.outbox.not-failed"));
        if (retried.isDone()) {
            delivery.soon();
        }
        return Flash.redirect("/admin/mail", retried, "mail.outbox.retried", redirect);
    }
}
