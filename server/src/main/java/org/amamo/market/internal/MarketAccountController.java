package org.amamo.market.internal;

import static org.amamo.platform.RefusalKind.FORBIDDEN;
import static org.amamo.platform.RefusalKind.INVALID;
import static org.amamo.platform.RefusalKind.NOT_FOUND;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.market.internal.MarketForms.BidForm;
import org.amamo.market.internal.MarketForms.ConsignForm;
import org.amamo.market.internal.MarketForms.TradeForm;
import org.amamo.market.internal.MarketViews.AllocationView;
import org.amamo.platform.Outcome;
import org.amamo.platform.Refusal;
import org.amamo.registry.MarketSettlement;
import org.amamo.registry.SelectedCredits;
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
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A signed-in user's market: consign credits to draft rounds, bid (buyers), change or withdraw one's bids, one's
 * allocations with their contract notes, payment confirmation (sellers), and trades reported with a price. A refused
 * action shows its reasons with the HTTP status they deserve; nothing changed.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class MarketAccountController {

    private static final List<String> CONSIGN_FIELDS = List.of("holding", "tonnes", "serialRange");
    private static final List<String> BID_FIELDS =
            List.of("projectCode", "tonnes", "priceJpy", "purpose", "beneficiary", "emissionsOffset");
    private static final List<String> TRADE_FIELDS =
            List.of("holding", "toAccountId", "tonnes", "priceJpy", "serialRange");

    private final Rounds rounds;
    private final Bidding bidding;
    private final Settlement settlement;
    private final ReportedTrades trades;
    private final MarketQueries queries;
    private final MarketSettlement registry;
    private final ContractNotes notes;
    private final MarketPublicController publicPages;

    MarketAccountController(
            Rounds rounds,
            Bidding bidding,
            Settlement settlement,
            ReportedTrades trades,
            MarketQueries queries,
            MarketSettlement registry,
            ContractNotes notes,
            MarketPublicController publicPages) {
        this.rounds = rounds;
        this.bidding = bidding;
        this.settlement = settlement;
        this.trades = trades;
        this.queries = queries;
        this.registry = registry;
        this.notes = notes;
        this.publicPages = publicPages;
    }

    @GetMapping("/account/market")
    String mine(@AuthenticationPrincipal AmamoPrincipal user, Model model) {
        if (!model.containsAttribute("consign")) {
            model.addAttribute("consign", new ConsignForm());
        }
        if (!model.containsAttribute("trade")) {
            model.addAttribute("trade", new TradeForm());
        }
        model.addAttribute("draftRounds", queries.rounds(List.of(RoundStatus.DRAFT)));
        model.addAttribute("holdings", registry.holdings(user));
        model.addAttribute("consignments", queries.consignmentsOf(user));
        model.addAttribute("bids", queries.bidsOf(user, null));
        model.addAttribute("allocations", queries.allocationsOf(user));
        model.addAttribute("trades", queries.tradesOf(user));
        return "market/mine";
    }

    @PostMapping("/account/market/rounds/{id}/consign")
    String consign(
            @AuthenticationPrincipal AmamoPrincipal user,
            @PathVariable long id,
            @ModelAttribute("consign") ConsignForm form,
            BindingResult binding,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Optional<long[]> holding = MarketForms.holding(form.getHolding());
        Optional<Long> units = MarketForms.units(form.getTonnes());
        Outcome<SelectedCredits> selection =
                MarketForms.selection(form.getSerialRange(), holding.flatMap(h -> registry.batch(h[1])));
        Outcome<Long> outcome = holding.isEmpty() || units.isEmpty()
                ? Outcome.refused(
                        INVALID,
                        holding.isEmpty()
                                ? Refusal.of("holding", "market.required")
                                : Refusal.of("tonnes", "market.quantity.invalid"))
                : selection.refused()
                        ? selection.cast()
                        : rounds.consign(
                                user,
                                id,
                                holding.get()[0],
                                selection.value().given() ? null : holding.get()[1],
                                selection.value(),
                                units.get(),
                                form.getRequestKey());
        if (outcome.refused()) {
            MarketForms.reject(binding, outcome, CONSIGN_FIELDS);
            response.setStatus(outcome.kind().status().value());
            model.addAttribute("consignRound", id);
            return mine(user, model);
        }
        redirect.addFlashAttribute("flash", "market.consign.done");
        return "redirect:/account/market";
    }

    @PostMapping("/account/market/rounds/{id}/bids")
    String bid(
            @AuthenticationPrincipal AmamoPrincipal user,
            @PathVariable long id,
            @ModelAttribute("bid") BidForm form,
            BindingResult binding,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Outcome<Long> outcome = !Bidding.buyer(user)
                ? Outcome.refused(FORBIDDEN, Refusal.of("$", "market.bid.not-buyer"))
                : form.terms()
                        .map(terms -> bidding.place(user, id, terms))
                        .orElseGet(MarketAccountController::badTonnes);
        if (outcome.refused()) {
            return refusedBid(user, id, outcome, binding, model, response);
        }
        redirect.addFlashAttribute("flash", "market.bid.placed");
        return "redirect:/market/rounds/" + id;
    }

    @PostMapping("/account/market/bids/{id}")
    String change(
            @AuthenticationPrincipal AmamoPrincipal user,
            @PathVariable long id,
            @ModelAttribute("bid") BidForm form,
            BindingResult binding,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Outcome<Long> outcome = !Bidding.buyer(user)
                ? Outcome.refused(FORBIDDEN, Refusal.of("$", "market.bid.not-buyer"))
                : form.terms()
                        .map(terms -> bidding.change(user, id, terms))
                        .orElseGet(MarketAccountController::badTonnes);
        long roundId = queries.bid(id).map(MarketViews.BidView::roundId).orElse(-1L);
        if (outcome.refused()) {
            return refusedBid(user, roundId, outcome, binding, model, response);
        }
        redirect.addFlashAttribute("flash", "market.bid.changed");
        return "redirect:/market/rounds/" + roundId;
    }

    @PostMapping("/account/market/bids/{id}/withdraw")
    String withdraw(
            @AuthenticationPrincipal AmamoPrincipal user,
            @PathVariable long id,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Outcome<Long> outcome = bidding.withdraw(user, id);
        if (outcome.refused()) {
            return refused(outcome, model, response);
        }
        redirect.addFlashAttribute("flash", "market.bid.withdrawn-done");
        return "redirect:/market/rounds/" + queries.bid(id).orElseThrow().roundId();
    }

    private static Outcome<Long> badTonnes() {
        return Outcome.refused(INVALID, Refusal.of("tonnes", "market.quantity.invalid"));
    }

    private String refusedBid(
            AmamoPrincipal user,
            long roundId,
            Outcome<Long> outcome,
            BindingResult binding,
            Model model,
            HttpServletResponse response) {
        if (outcome.kind() == FORBIDDEN
                || outcome.kind() == NOT_FOUND
                || queries.publicRound(roundId).isEmpty()) {
            return refused(outcome, model, response);
        }
        MarketForms.reject(binding, outcome, BID_FIELDS);
        response.setStatus(outcome.kind().status().value());
        return publicPages.roundPage(user, roundId, model);
    }

    /** A refusal that has no form to show it on: the reasons, with the status. */
    static String refused(Outcome<?> outcome, Model model, HttpServletResponse response) {
        response.setStatus(outcome.kind().status().value());
        model.addAttribute("refusals", outcome.refusals());
        return "market/refused";
    }

    @PostMapping("/account/market/allocations/{id}/confirm-payment")
    String confirmPayment(
            @AuthenticationPrincipal AmamoPrincipal user,
            @PathVariable long id,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Outcome<Long> outcome = settlement.confirmPayment(user, id);
        if (outcome.refused()) {
            return refused(outcome, model, response);
        }
        redirect.addFlashAttribute("flash", "market.payment.confirmed");
        return "redirect:/account/market";
    }

    @GetMapping("/account/market/allocations/{id}/contract-note.pdf")
    ResponseEntity<byte[]> contractNote(
            @AuthenticationPrincipal AmamoPrincipal user, @PathVariable long id, Locale locale) {
        AllocationView allocation = queries.allocation(id, user.userId())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!allocation.buyer() && !allocation.seller() && !user.isSecretariat()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"contract-note-" + id + ".pdf\"")
                .body(notes.pdf(allocation, bidding.now(), locale));
    }

    @PostMapping("/account/market/trades")
    String report(
            @AuthenticationPrincipal AmamoPrincipal user,
            @ModelAttribute("trade") TradeForm form,
            BindingResult binding,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Optional<long[]> holding = MarketForms.holding(form.getHolding());
        Optional<Long> units = MarketForms.units(form.getTonnes());
        Outcome<SelectedCredits> selection =
                MarketForms.selection(form.getSerialRange(), holding.flatMap(h -> registry.batch(h[1])));
        Outcome<Long> outcome = units.isEmpty()
                ? Outcome.refused(INVALID, Refusal.of("tonnes", "market.quantity.invalid"))
                : selection.refused()
                        ? selection.cast()
                        : trades.report(
                                user,
                                new ReportedTrades.TradeTerms(
                                        holding.map(h -> h[0]).orElse(null),
                                        form.getToAccountId(),
                                        selection.value().given()
                                                ? null
                                                : holding.map(h -> h[1]).orElse(null),
                                        units.get(),
                                        form.getPriceJpy(),
                                        selection.value()),
                                form.getRequestKey());
        if (outcome.refused()) {
            MarketForms.reject(binding, outcome, TRADE_FIELDS);
            response.setStatus(outcome.kind().status().value());
            return mine(user, model);
        }
        redirect.addFlashAttribute("flash", "market.trade.reported");
        return "redirect:/account/market";
    }
}
