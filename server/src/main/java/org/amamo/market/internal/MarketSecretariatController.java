package org.amamo.market.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.util.List;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.market.internal.MarketForms.RoundForm;
import org.amamo.platform.Confirmation;
import org.amamo.platform.FormErrors;
import org.amamo.platform.Outcome;
import org.amamo.platform.RefusalKind;
import org.springframework.http.HttpStatus;
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

/** The secretariat's rounds: create, open, close, allocate, and lapse unpaid allocations after the deadline. */
@Controller
@PreAuthorize("hasAnyRole('SECRETARIAT', 'ADMINISTRATOR')")
class MarketSecretariatController {

    private final Rounds rounds;
    private final Settlement settlement;
    private final MarketQueries queries;

    MarketSecretariatController(Rounds rounds, Settlement settlement, MarketQueries queries) {
        this.rounds = rounds;
        this.settlement = settlement;
        this.queries = queries;
    }

    @GetMapping("/secretariat/market")
    String rounds(Model model) {
        if (!model.containsAttribute("round")) {
            model.addAttribute("round", new RoundForm());
        }
        model.addAttribute("rounds", queries.rounds(List.of(RoundStatus.values())));
        return "market/secretariat";
    }

    @PostMapping("/secretariat/market/rounds")
    String create(
            @AuthenticationPrincipal AmamoPrincipal user,
            @ModelAttribute("round") RoundForm form,
            BindingResult binding,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Outcome<Long> outcome = rounds.create(user, form.terms());
        if (outcome.refused()) {
            FormErrors.reject(binding, outcome.refusals());
            response.setStatus(outcome.kind().status().value());
            return rounds(model);
        }
        redirect.addFlashAttribute("flash", "market.round.created");
        return "redirect:/secretariat/market/rounds/" + outcome.value();
    }

    @GetMapping("/secretariat/market/rounds/{id}")
    String round(@PathVariable long id, Model model) {
        model.addAttribute(
                "round", queries.round(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        model.addAttribute("bidCount", queries.activeBidCount(id));
        model.addAttribute("bids", queries.bidsOfClosedRound(id));
        model.addAttribute("allocations", queries.allocationsOfRound(id));
        model.addAttribute("results", queries.results(id).orElse(null));
        return "market/secretariat-round";
    }

    @PostMapping("/secretariat/market/rounds/{id}/open")
    String open(
            @AuthenticationPrincipal AmamoPrincipal user,
            @PathVariable long id,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return answer(rounds.open(user, id), id, "market.round.opened", model, response, redirect);
    }

    @PostMapping("/secretariat/market/rounds/{id}/close")
    String close(
            @AuthenticationPrincipal AmamoPrincipal user,
            @PathVariable long id,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Confirmation confirmation = roundConfirmation("confirm.round.close", id);
        if (!confirmation.givenBy(request)) {
            return confirmation.page(request, model);
        }
        return answer(rounds.close(user, id), id, "market.round.closed", model, response, redirect);
    }

    @PostMapping("/secretariat/market/rounds/{id}/allocate")
    String allocate(
            @AuthenticationPrincipal AmamoPrincipal user,
            @PathVariable long id,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Confirmation confirmation = roundConfirmation("confirm.round.allocate", id);
        if (!confirmation.givenBy(request)) {
            return confirmation.page(request, model);
        }
        return answer(settlement.allocate(user, id), id, "market.round.allocated", model, response, redirect);
    }

    @PostMapping("/secretariat/market/allocations/{id}/lapse")
    String lapse(
            @AuthenticationPrincipal AmamoPrincipal user,
            @PathVariable long id,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        long roundId = queries.allocation(id, -1)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND))
                .roundId();
        Confirmation confirmation = Confirmation.of("confirm.allocation.lapse", "/secretariat/market/rounds/" + roundId)
                .line("confirm.allocation.lapse.effect", id);
        if (!confirmation.givenBy(request)) {
            return confirmation.page(request, model);
        }
        Outcome<Long> outcome = settlement.lapse(user, id);
        if (outcome.refused()) {
            return MarketAccountController.refused(outcome, model, response);
        }
        redirect.addFlashAttribute("flash", "market.allocation.lapsed");
        return "redirect:/secretariat/market/rounds/" + roundId;
    }

    /** What closing or allocating a round affects: its title, its bids and the credits on offer. */
    private Confirmation roundConfirmation(String key, long id) {
        MarketViews.RoundView round =
                queries.round(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return Confirmation.of(key, "/secretariat/market/rounds/" + id)
                .line("confirm.round.title", round.title())
                .line(
                        "confirm.round.bids",
                        queries.activeBidCount(id),
                        BigDecimal.valueOf(round.offeredUnits(), 1).toPlainString())
                .line(key + ".effect", round.paymentDays());
    }

    private String answer(
            Outcome<Long> outcome,
            long roundId,
            String done,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        if (outcome.refused()) {
            if (outcome.kind() == RefusalKind.CONFLICT) {
                redirect.addFlashAttribute("refusals", outcome.refusals());
                return "redirect:/secretariat/market/rounds/" + roundId;
            }
            return MarketAccountController.refused(outcome, model, response);
        }
        redirect.addFlashAttribute("flash", done);
        return "redirect:/secretariat/market/rounds/" + roundId;
    }
}
