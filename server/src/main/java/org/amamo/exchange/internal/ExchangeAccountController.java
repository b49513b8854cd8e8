package org.amamo.exchange.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.amamo.exchange.TradingCalendar;
import org.amamo.exchange.internal.ContractQueries.ContractView;
import org.amamo.exchange.internal.ExchangeForms.ChangeForm;
import org.amamo.exchange.internal.ExchangeForms.OrderForm;
import org.amamo.exchange.internal.ExchangeViews.OrderView;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.platform.Confirmation;
import org.amamo.platform.FormErrors;
import org.amamo.platform.Outcome;
import org.amamo.platform.Refusal;
import org.amamo.registry.MarketSettlement;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A signed-in user's exchange: my orders with what they hold in escrow, the form to enter an order (buy: approved
 * traders; sell: credits of one of my accounts and batches), and to change or cancel an order while a window is
 * open. A refused action shows the page again with its reasons and the HTTP status they deserve; nothing changed.
 *
 * <p>My contracts, as buyer and as seller, with their contract notes: the buyer asks for (or withdraws) a retirement
 * on its behalf while a contract awaits payment; the seller confirms the payment after a confirmation step on which
 * it types the amount received, since the registry then moves the credits for good.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class ExchangeAccountController {

    private final OrderDesk orders;
    private final ExchangeQueries queries;
    private final MarketSettlement registry;
    private final ContractSettlement settlement;
    private final ContractQueries contracts;
    private final ExchangeContractNotes notes;
    private final TradingCalendar calendar;

    ExchangeAccountController(
            OrderDesk orders,
            ExchangeQueries queries,
            MarketSettlement registry,
            ContractSettlement settlement,
            ContractQueries contracts,
            ExchangeContractNotes notes,
            TradingCalendar calendar) {
        this.orders = orders;
        this.queries = queries;
        this.registry = registry;
        this.settlement = settlement;
        this.contracts = contracts;
        this.notes = notes;
        this.calendar = calendar;
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
        model.addAttribute("contracts", contracts.mine(user));
        model.addAttribute("lapses", contracts.lapses(user.userId()));
        model.addAttribute("purposes", registry.retirementPurposes());
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

    // ---- contracts

    @PostMapping("/account/exchange/contracts/{id}/retirement")
    String requestRetirement(
            @AuthenticationPrincipal AmamoPrincipal user,
            @PathVariable long id,
            @RequestParam(required = false) String beneficiary,
            @RequestParam(required = false) String purpose,
            @RequestParam(required = false) String emissionsOffset,
            @RequestParam(required = false) String note,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Outcome<Long> outcome = settlement.requestRetirement(
                user, id, new RetirementTerms(beneficiary, purpose, emissionsOffset, note));
        if (outcome.refused()) {
            model.addAttribute("retirementForm", new RetirementTerms(beneficiary, purpose, emissionsOffset, note));
        }
        return contractAnswer(user, id, outcome, "exchange.contract.retirement.requested", model, response, redirect);
    }

    @PostMapping("/account/exchange/contracts/{id}/retirement/withdraw")
    String withdrawRetirement(
            @AuthenticationPrincipal AmamoPrincipal user,
            @PathVariable long id,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return contractAnswer(
                user,
                id,
                settlement.withdrawRetirement(user, id),
                "exchange.contract.retirement.withdrawn",
                model,
                response,
                redirect);
    }

    /**
     * The seller confirms the payment: first a confirmation page that states what the registry will do and asks
     * for the amount received, then the settlement. A request the service would refuse (not the seller, not
     * payable) is answered with its refusal at once, without the confirmation page.
     */
    @PostMapping("/account/exchange/contracts/{id}/confirm-payment")
    String confirmPayment(
            @AuthenticationPrincipal AmamoPrincipal user,
            @PathVariable long id,
            HttpServletRequest request,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Optional<ContractView> contract = contracts.contract(id, user);
        if (contract.isPresent() && contract.get().seller() && contract.get().payable()) {
            ContractView c = contract.get();
            Confirmation confirmation = Confirmation.of("confirm.exchange.payment", "/account/exchange")
                    .line(
                            "confirm.exchange.payment.contract",
                            ExchangeContractNotes.number(c.id()),
                            c.instrument(),
                            c.tradingUnits(),
                            c.amountJpy())
                    .typing(Long.toString(c.amountJpy()), "confirm.exchange.payment.typed");
            if (c.retireForBuyer()) {
                confirmation.line("confirm.exchange.payment.retire", c.buyerName(), c.beneficiary());
            } else {
                confirmation.line("confirm.exchange.payment.deliver", c.buyerName());
            }
            if (!confirmation.givenBy(request)) {
                return confirmation.page(request, model);
            }
        }
        String done = contract.isPresent() && contract.get().retireForBuyer()
                ? "exchange.contract.payment.retired"
                : "exchange.contract.payment.confirmed";
        return contractAnswer(user, id, settlement.confirmPayment(user, id), done, model, response, redirect);
    }

    @GetMapping("/account/exchange/contracts/{id}/note.pdf")
    ResponseEntity<byte[]> contractNote(
            @AuthenticationPrincipal AmamoPrincipal user, @PathVariable long id, Locale locale) {
        if (!contracts.exists(id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        ContractView contract = contracts
                .contract(id, user)
                .filter(c -> c.buyer() || c.seller())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"contract-note-EX-" + id + ".pdf\"")
                .body(notes.pdf(contract, calendar.now(), locale));
    }

    private String contractAnswer(
            AmamoPrincipal user,
            long contractId,
            Outcome<Long> outcome,
            String done,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        if (outcome.refused()) {
            response.setStatus(outcome.kind().status().value());
            model.addAttribute("refusals", outcome.refusals());
            model.addAttribute("refusedContract", contractId);
            return mine(user, model);
        }
        redirect.addFlashAttribute("flash", done);
        return "redirect:/account/exchange#contract-" + contractId;
    }
}
