package org.amamo.exchange.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.amamo.exchange.internal.ExchangeForms.ChangeForm;
import org.amamo.exchange.internal.ExchangeForms.OrderForm;
import org.amamo.exchange.internal.ExchangeViews.OrderView;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.platform.FormErrors;
import org.amamo.platform.Outcome;
import org.amamo.platform.Refusal;
import org.amamo.registry.MarketSettlement;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A signed-in user's exchange: my orders with what they hold in escrow, the form to enter an order (buy: approved
 * traders; sell: credits of one of my accounts and batches), and to change or cancel an order while a window is
 * open. A refused action shows the page again with its reasons and the HTTP status they deserve; nothing changed.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class ExchangeAccountController {

    private final OrderDesk orders;
    private final ExchangeQueries queries;
    private final MarketSettlement registry;

    ExchangeAccountController(OrderDesk orders, ExchangeQueries queries, MarketSettlement registry) {
        this.orders = orders;
        this.queries = queries;
        this.registry = registry;
    }

    @GetMapping("/account/exchange")
    String mine(@AuthenticationPrincipal AmamoPrincipal user, Model model) {
        if (!model.containsAttribute("order")) {
            model.addAttribute("order", new OrderForm());
        }
        List<OrderView> mine = queries.ordersOf(user.userId());
        model.addAttribute("orders", mine);
        model.addAttribute(
                "escrowedUnits",
                mine.stream().mapToLong(OrderView::escrowedCreditUnits).sum());
        model.addAttribute("instruments", queries.instruments());
        model.addAttribute("holdings", registry.holdings(user));
        model.addAttribute("approved", queries.approved(user.userId()));
        model.addAttribute("calendar", queries.calendar());
        return "exchange/mine";
    }

    @PostMapping("/account/exchange/orders")
    String enter(
            @AuthenticationPrincipal AmamoPrincipal user,
            @ModelAttribute("order") OrderForm form,
            BindingResult binding,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Outcome<OrderDesk.OrderTerms> terms = form.terms();
        Outcome<Long> outcome =
                terms.refused() ? terms.cast() : orders.enter(user, form.getInstrumentId(), terms.value());
        if (outcome.refused()) {
            FormErrors.reject(binding, onForm(outcome.refusals()));
            response.setStatus(outcome.kind().status().value());
            return mine(user, model);
        }
        redirect.addFlashAttribute("flash", "exchange.order.entered");
        return "redirect:/account/exchange";
    }

    /** The service names a sell order's account and batch; the form names them as one choice, "holding". */
    private static List<Refusal> onForm(List<Refusal> refusals) {
        return refusals.stream()
                .map(r -> "fromAccountId".equals(r.field())
                                || "batchId".equals(r.field())
                                || "creditUnits".equals(r.field())
                        ? new Refusal("holding", r.messageKey(), r.arguments())
                        : r)
                .toList();
    }

    @PostMapping("/account/exchange/orders/{id}")
    String change(
            @AuthenticationPrincipal AmamoPrincipal user,
            @PathVariable long id,
            @ModelAttribute("change") ChangeForm form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Outcome<OrderDesk.ChangeTerms> terms = form.terms();
        Outcome<Long> outcome = terms.refused() ? terms.cast() : orders.change(user, id, terms.value());
        return answer(user, id, outcome, "exchange.order.changed", model, response, redirect);
    }

    @PostMapping("/account/exchange/orders/{id}/cancel")
    String cancel(
            @AuthenticationPrincipal AmamoPrincipal user,
            @PathVariable long id,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return answer(user, id, orders.cancel(user, id), "exchange.order.cancelled", model, response, redirect);
    }

    private String answer(
            AmamoPrincipal user,
            long orderId,
            Outcome<Long> outcome,
            String done,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        if (outcome.refused()) {
            response.setStatus(outcome.kind().status().value());
            model.addAttribute("refusals", outcome.refusals());
            model.addAttribute("refusedOrder", orderId);
            return mine(user, model);
        }
        redirect.addFlashAttribute("flash", done);
        return "redirect:/account/exchange";
    }
}
