package org.amamo.registry.internal.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.platform.Confirmation;
import org.amamo.platform.Outcome;
import org.amamo.platform.Pages;
import org.amamo.platform.RefusalKind;
import org.amamo.registry.InitialHolder;
import org.amamo.registry.IssuanceRequest;
import org.amamo.registry.SerialRange;
import org.amamo.registry.internal.AccountDesk;
import org.amamo.registry.internal.AccountStatus;
import org.amamo.registry.internal.Actor;
import org.amamo.registry.internal.Issuer;
import org.amamo.registry.internal.LedgerAudit;
import org.amamo.registry.internal.Receipt;
import org.amamo.registry.internal.Registry;
import org.amamo.registry.internal.read.RegistryQueries;
import org.amamo.registry.internal.web.RegistryForms.CancelForm;
import org.amamo.registry.internal.web.RegistryForms.HolderRow;
import org.amamo.registry.internal.web.RegistryForms.IssueForm;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The secretariat's registry pages: account decisions, issuance, cancellation, journal and invariant checks. */
@Controller
@PreAuthorize("hasAnyRole('SECRETARIAT', 'ADMINISTRATOR')")
class RegistrySecretariatController {

    private static final Set<String> ISSUE_FIELDS = Set.of(
            "projectId",
            "projectCode",
            "projectName",
            "programmePrefix",
            "vintage",
            "methodologyVersion",
            "creditType",
            "certifier",
            "tonnes",
            "holders");
    private static final Set<String> CANCEL_FIELDS = Set.of("serialRange", "reason");

    private final Registry registry;
    private final Issuer issuer;
    private final AccountDesk desk;
    private final RegistryQueries queries;
    private final LedgerAudit audit;

    RegistrySecretariatController(
            Registry registry, Issuer issuer, AccountDesk desk, RegistryQueries queries, LedgerAudit audit) {
        this.registry = registry;
        this.issuer = issuer;
        this.desk = desk;
        this.queries = queries;
        this.audit = audit;
    }

    @GetMapping("/secretariat/registry")
    String accounts(
            @RequestParam(required = false) AccountStatus status,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        int number = Pages.number(page);
        var shown = queries.accounts(status, number * Pages.DEFAULT_SIZE, Pages.DEFAULT_SIZE + 1);
        model.addAttribute("requested", queries.accounts(AccountStatus.REQUESTED, 0, Pages.MAX_SIZE));
        model.addAttribute("accounts", shown.stream().limit(Pages.DEFAULT_SIZE).toList());
        model.addAttribute("status", status);
        model.addAttribute("statuses", AccountStatus.values());
        model.addAttribute("page", number);
        model.addAttribute("hasNext", shown.size() > Pages.DEFAULT_SIZE);
        return "registry/secretariat";
    }

    @PostMapping("/secretariat/registry/accounts/{id}/approve")
    String approve(@AuthenticationPrincipal AmamoPrincipal user, @PathVariable long id, RedirectAttributes redirect) {
        RegistryAccountController.flash(
                redirect, desk.approve(Actor.of(user), id).refusals(), "registry.account.opened");
        return "redirect:/secretariat/registry";
    }

    @PostMapping("/secretariat/registry/accounts/{id}/reject")
    String reject(@AuthenticationPrincipal AmamoPrincipal user, @PathVariable long id, RedirectAttributes redirect) {
        RegistryAccountController.flash(
                redirect, desk.reject(Actor.of(user), id).refusals(), "registry.account.rejected");
        return "redirect:/secretariat/registry";
    }

    @PostMapping("/secretariat/registry/accounts/{id}/close")
    String close(
            @AuthenticationPrincipal AmamoPrincipal user,
            @PathVariable long id,
            HttpServletRequest request,
            Model model,
            RedirectAttributes redirect) {
        var account = queries.account(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Confirmation confirmation = Confirmation.of("confirm.account.close", "/secretariat/registry")
                .line("confirm.account.who", account.holderName(), id)
                .line("confirm.account.close.effect");
        if (!confirmation.givenBy(request)) {
            return confirmation.page(request, model);
        }
        RegistryAccountController.flash(redirect, desk.close(Actor.of(user), id).refusals(), "registry.account.closed");
        return "redirect:/secretariat/registry";
    }

    @GetMapping("/secretariat/registry/issue")
    String issueForm(Model model) {
        model.addAttribute("form", new IssueForm());
        return issuePage(model);
    }

    @PostMapping("/secretariat/registry/issue")
    String issue(
            @AuthenticationPrincipal AmamoPrincipal user,
            @ModelAttribute("form") IssueForm form,
            BindingResult binding,
            HttpServletRequest request,
            Model model,
            RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return issuePage(model);
        }
        Optional<Long> units = RegistryForms.units(form.getTonnes());
        if (units.isPresent()) {
            Confirmation confirmation = issueConfirmation(form, units.get());
            if (!confirmation.givenBy(request)) {
                return confirmation.page(request, model);
            }
        }
        Outcome<Receipt> outcome = units.isEmpty()
                ? Outcome.refused(RefusalKind.INVALID, RegistryForms.tonnesRefusal())
                : issuer.issue(Actor.of(user), request(form, units.get()));
        if (outcome.refused()) {
            RegistryForms.reject(binding, outcome.refusals(), ISSUE_FIELDS);
            return issuePage(model);
        }
        redirect.addFlashAttribute("flash", "registry.issue.done");
        return "redirect:/registry/batches/" + outcome.value().batchId();
    }

    @GetMapping("/secretariat/registry/cancel")
    String cancelForm(Model model) {
        model.addAttribute("form", new CancelForm());
        return "registry/cancel";
    }

    @PostMapping("/secretariat/registry/cancel")
    String cancel(
            @AuthenticationPrincipal AmamoPrincipal user,
            @ModelAttribute("form") CancelForm form,
            BindingResult binding,
            HttpServletRequest request,
            Model model,
            RedirectAttributes redirect) {
        Optional<SerialRange> range = SerialRange.parse(RegistryForms.strip(form.getSerialRange()));
        if (range.isPresent()) {
            Confirmation confirmation = cancelConfirmation(range.get(), form);
            if (!confirmation.givenBy(request)) {
                return confirmation.page(request, model);
            }
        }
        Outcome<Receipt> outcome = registry.cancel(
                Actor.of(user),
                new Registry.Cancellation(form.getSerialRange(), RegistryForms.strip(form.getReason())),
                form.getRequestKey());
        if (outcome.refused()) {
            RegistryForms.reject(binding, outcome.refusals(), CANCEL_FIELDS);
            return "registry/cancel";
        }
        redirect.addFlashAttribute("flash", "registry.cancel.done");
        return "redirect:/registry/serials?q=" + form.getSerialRange().strip();
    }

    @GetMapping("/secretariat/registry/verify")
    String verify(Model model) {
        model.addAttribute("verification", audit.verify());
        model.addAttribute("check", audit.invariants());
        return "registry/verify";
    }

    /** Issuing cannot be undone: the page states the batch, quantity and holders, and asks to type the quantity. */
    private static Confirmation issueConfirmation(IssueForm form, long units) {
        String tonnes = RegistryForms.tonnes(units);
        Confirmation confirmation = Confirmation.of("confirm.issue", "/secretariat/registry/issue")
                .line(
                        "confirm.issue.batch",
                        String.valueOf(form.getProjectName()),
                        String.valueOf(form.getProjectCode()),
                        String.valueOf(form.getProgrammePrefix()),
                        String.valueOf(form.getVintage()))
                .line("confirm.issue.quantity", tonnes, units);
        for (HolderRow row : form.getHolders()) {
            if (row.getHolderId() != null) {
                confirmation.line(
                        row.isOrganisation() ? "confirm.issue.holder.organisation" : "confirm.issue.holder.user",
                        row.getHolderId(),
                        String.valueOf(row.getSharePercent()));
            }
        }
        return confirmation.line("confirm.issue.effect").typing(tonnes, "confirm.issue.typed");
    }

    /** Cancelling cannot be undone: the page states the range, its batch and units, and asks to type the range. */
    private Confirmation cancelConfirmation(SerialRange range, CancelForm form) {
        Confirmation confirmation = Confirmation.of("confirm.cancel", "/secretariat/registry/cancel")
                .line(
                        "confirm.cancel.range",
                        range.format(),
                        range.creditUnits(),
                        RegistryForms.tonnes(range.creditUnits()));
        queries.lookup(range)
                .ifPresent(lookup -> confirmation.line(
                        "confirm.cancel.batch",
                        lookup.batch().projectName(),
                        lookup.batch().projectCode(),
                        lookup.batch().vintage()));
        return confirmation
                .line("confirm.cancel.reason", String.valueOf(RegistryForms.strip(form.getReason())))
                .line("confirm.cancel.effect")
                .typing(range.format(), "confirm.cancel.typed");
    }

    private String issuePage(Model model) {
        model.addAttribute("creditTypes", org.amamo.registry.CreditType.values());
        return "registry/issue";
    }

    private static IssuanceRequest request(IssueForm form, long units) {
        List<InitialHolder> holders = new ArrayList<>();
        for (HolderRow row : form.getHolders()) {
            if (row.getHolderId() != null) {
                holders.add(
                        row.isOrganisation()
                                ? new InitialHolder(null, row.getHolderId(), row.getSharePercent())
                                : new InitialHolder(row.getHolderId(), null, row.getSharePercent()));
            }
        }
        return new IssuanceRequest(
                form.getProjectId() == null ? 0 : form.getProjectId(),
                RegistryForms.strip(form.getProjectCode()),
                RegistryForms.strip(form.getProjectName()),
                RegistryForms.strip(form.getProgrammePrefix()),
                form.getVintage() == null ? 0 : form.getVintage(),
                RegistryForms.strip(form.getMethodologyVersion()),
                form.getCreditType(),
                RegistryForms.strip(form.getCertifier()),
                units,
                holders,
                form.getRequestKey());
    }
}
