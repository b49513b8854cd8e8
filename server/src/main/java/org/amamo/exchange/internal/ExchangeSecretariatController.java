package org.amamo.exchange.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.amamo.exchange.internal.ContractQueries.ContractView;
import org.amamo.exchange.internal.ExchangeForms.InstrumentForm;
import org.amamo.exchange.internal.ExchangeForms.TraderForm;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.platform.Confirmation;
import org.amamo.platform.FormErrors;
import org.amamo.platform.Outcome;
import org.amamo.platform.Refusal;
import org.amamo.programme.Programmes;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The secretariat's exchange: create, suspend and reopen instruments; approve holders for trading and revoke, with
 * the lapses recorded against each; the contracts (filtered by status), and the lapse of one unpaid after its
 * settlement date.
 */
@Controller
@PreAuthorize("hasAnyRole('SECRETARIAT', 'ADMINISTRATOR')")
class ExchangeSecretariatController {

    private final Instruments instruments;
    private final ExchangeQueries queries;
    private final Programmes programmes;
    private final ContractSettlement settlement;
    private final ContractQueries contracts;

    ExchangeSecretariatController(
            Instruments instruments,
            ExchangeQueries queries,
            Programmes programmes,
            ContractSettlement settlement,
            ContractQueries contracts) {
        this.instruments = instruments;
        this.queries = queries;
        this.programmes = programmes;
        this.settlement = settlement;
        this.contracts = contracts;
    }

    /** The page, its contracts of one {@code status} (or all); an unknown status is refused at its field (400). */
    @GetMapping("/secretariat/exchange")
    String show(@RequestParam(required = false) String status, Model model, HttpServletResponse response) {
        String shown = status == null || status.isBlank() ? null : status;
        if (shown != null && !ContractQueries.STATUSES.contains(shown)) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("refusals", List.of(Refusal.of("status", "exchange.contract.status-invalid")));
            shown = null;
        }
        model.addAttribute("contractStatus", shown);
        return page(model);
    }

    String page(Model model) {
        if (!model.containsAttribute("instrument")) {
            model.addAttribute("instrument", new InstrumentForm());
        }
        if (!model.containsAttribute("trader")) {
            model.addAttribute("trader", new TraderForm());
        }
        model.addAttribute("instruments", queries.instruments());
        model.addAttribute("traders", queries.traders());
        model.addAttribute("programmes", programmes.all());
        model.addAttribute("groups", EcosystemGroups.ALL);
        model.addAttribute("contracts", contracts.all((String) model.getAttribute("contractStatus")));
        model.addAttribute("contractStatuses", List.of("AWAITING_PAYMENT", "PAID", "SETTLED", "LAPSED"));
        return "exchange/secretariat";
    }

    @PostMapping("/secretariat/exchange/instruments")
    String create(
            @AuthenticationPrincipal AmamoPrincipal user,
            @ModelAttribute("instrument") InstrumentForm form,
            BindingResult binding,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Outcome<Instruments.InstrumentTerms> terms = form.terms();
        Outcome<Long> outcome = terms.refused() ? terms.cast() : instruments.create(user, terms.value());
        if (outcome.refused()) {
            FormErrors.reject(binding, outcome.refusals());
            response.setStatus(outcome.kind().status().value());
            return page(model);
        }
        redirect.addFlashAttribute("flash", "exchange.instrument.created");
        return "redirect:/secretariat/exchange";
    }

    @PostMapping("/secretariat/exchange/instruments/{id}/suspend")
    String suspend(
            @AuthenticationPrincipal AmamoPrincipal user,
            @PathVariable long id,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return answer(instruments.suspend(user, id), "exchange.instrument.suspended-done", model, response, redirect);
    }

    @PostMapping("/secretariat/exchange/instruments/{id}/reopen")
    String reopen(
            @AuthenticationPrincipal AmamoPrincipal user,
            @PathVariable long id,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return answer(instruments.reopen(user, id), "exchange.instrument.reopened", model, response, redirect);
    }

    @PostMapping("/secretariat/exchange/traders")
    String approve(
            @AuthenticationPrincipal AmamoPrincipal user,
            @ModelAttribute("trader") TraderForm form,
            BindingResult binding,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Outcome<Long> outcome = instruments.decideTrader(user, null, form.getEmail(), true);
        if (outcome.refused()) {
            FormErrors.reject(binding, outcome.refusals());
            response.setStatus(outcome.kind().status().value());
            return page(model);
        }
        redirect.addFlashAttribute("flash", "exchange.trader.approved");
        return "redirect:/secretariat/exchange";
    }

    @PostMapping("/secretariat/exchange/traders/{id}/revoke")
    String revoke(
            @AuthenticationPrincipal AmamoPrincipal user,
            @PathVariable long id,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return answer(
                instruments.decideTrader(user, id, null, false), "exchange.trader.revoked", model, response, redirect);
    }

    private String answer(
            Outcome<Long> outcome,
            String done,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        if (outcome.refused()) {
            response.setStatus(outcome.kind().status().value());
            model.addAttribute("refusals", outcome.refusals());
            return page(model);
        }
        redirect.addFlashAttribute("flash", done);
        return "redirect:/secretariat/exchange";
    }

    /** Lapses one contract unpaid after its settlement date, after a confirmation step: irreversible. */
    @PostMapping("/secretariat/exchange/contracts/{id}/lapse")
    String lapse(
            @AuthenticationPrincipal AmamoPrincipal user,
            @PathVariable long id,
            HttpServletRequest request,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        java.util.Optional<ContractView> contract = contracts.contract(id, user);
        // Awaiting payment and no longer payable: past its settlement date, so due to lapse.
        if (contract.isPresent()
                && contract.get().status().equals("AWAITING_PAYMENT")
                && !contract.get().payable()) {
            ContractView c = contract.get();
            Confirmation confirmation = Confirmation.of("confirm.exchange.lapse", "/secretariat/exchange")
                    .line(
                            "confirm.exchange.lapse.contract",
                            ExchangeContractNotes.number(c.id()),
                            c.instrument(),
                            c.tradingUnits(),
                            c.settlementDate().toString())
                    .line("confirm.exchange.lapse.effect", c.buyerName());
            if (!confirmation.givenBy(request)) {
                return confirmation.page(request, model);
            }
        }
        return answer(settlement.lapse(user, id), "exchange.contract.lapsed", model, response, redirect);
    }
}
