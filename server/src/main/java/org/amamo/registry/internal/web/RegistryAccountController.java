package org.amamo.registry.internal.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.platform.Confirmation;
import org.amamo.platform.Outcome;
import org.amamo.platform.Pages;
import org.amamo.platform.Refusal;
import org.amamo.platform.RefusalKind;
import org.amamo.registry.internal.AccountDesk;
import org.amamo.registry.internal.AccountRow;
import org.amamo.registry.internal.AccountStatus;
import org.amamo.registry.internal.Actor;
import org.amamo.registry.internal.JournalEntry;
import org.amamo.registry.internal.Receipt;
import org.amamo.registry.internal.Registry;
import org.amamo.registry.internal.RetirementPurpose;
import org.amamo.registry.internal.read.RegistryQueries;
import org.amamo.registry.internal.read.RegistryViews.AccountView;
import org.amamo.registry.internal.read.RegistryViews.HeldBatch;
import org.amamo.registry.internal.web.RegistryForms.RetireForm;
import org.amamo.registry.internal.web.RegistryForms.TransferForm;
import org.springframework.http.HttpStatus;
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

/** A holder's pages: my accounts, an account's balance and statement (CSV too), transfer and retirement. */
@Controller
@PreAuthorize("isAuthenticated()")
class RegistryAccountController {

    private static final Set<String> TRANSFER_FIELDS = Set.of("toAccountId", "tonnes", "batch");
    private static final Set<String> RETIRE_FIELDS = Set.of(
            "tonnes",
            "beneficiary",
            "purpose",
            "emissionsOffset",
            "reportingYear",
            "note",
            "batch",
            "offsetTonnesCo2",
            "offsetCoverage",
            "beneficiarySector",
            "selectionReason");
    /** The most batches the account page lists, each with its own transfer and retirement. */
    static final int MAX_LISTED_BATCHES = 200;

    private final Registry registry;
    private final AccountDesk desk;
    private final RegistryQueries queries;
    private final Certificates certificates;
    private final java.time.Clock clock;

    RegistryAccountController(
            Registry registry,
            AccountDesk desk,
            RegistryQueries queries,
            Certificates certificates,
            java.time.Clock clock) {
        this.registry = registry;
        this.desk = desk;
        this.queries = queries;
        this.certificates = certificates;
        this.clock = clock;
    }

    @GetMapping("/account/registry/accounts/{id}/certificate.pdf")
    ResponseEntity<byte[]> holdingCertificate(
            @AuthenticationPrincipal AmamoPrincipal user, @PathVariable long id, java.util.Locale locale) {
        AccountView account = visible(user, id);
        List<String> ranges = queries.heldRanges(id, Certificates.MAX_RANGES + 1);
        String url = org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/registry/serials")
                .queryParam("q", ranges.isEmpty() ? "" : ranges.get(0))
                .toUriString();
        return RegistryPublicController.pdf(
                "holding-" + id + ".pdf", certificates.holding(account, ranges, clock.instant(), url, locale));
    }

    /**
     * 証書: the issuance certificate of what the account received as an initial holder of a batch, for its owner and
     * the secretariat (anyone else: 403); a batch the account was not an initial holder of: 404.
     */
    @GetMapping("/account/registry/accounts/{id}/issuances/{batchId}/certificate.pdf")
    ResponseEntity<byte[]> issuanceCertificate(
            @AuthenticationPrincipal AmamoPrincipal user,
            @PathVariable long id,
            @PathVariable long batchId,
            java.util.Locale locale) {
        AccountView account = visible(user, id);
        var issued = queries.issuedTo(id, batchId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        String url = org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/registry/batches/{id}")
                .buildAndExpand(batchId)
                .toUriString();
        return RegistryPublicController.pdf(
                "issuance-" + issued.batch().batchSerial() + "-" + id + ".pdf",
                certificates.issuance(account, issued, url, locale));
    }

    @GetMapping("/account/registry")
    String accounts(@AuthenticationPrincipal AmamoPrincipal user, Model model) {
        model.addAttribute("accounts", queries.accountsOf(Actor.of(user)));
        model.addAttribute("hasOrganisation", user.organisationId() != null);
        return "registry/accounts";
    }

    @PostMapping("/account/registry/request")
    String request(
            @AuthenticationPrincipal AmamoPrincipal user,
            @RequestParam(defaultValue = "false") boolean forOrganisation,
            RedirectAttributes redirect) {
        Outcome<Long> outcome = desk.request(Actor.of(user), forOrganisation);
        flash(redirect, outcome.refusals(), "registry.account.requested");
        return "redirect:/account/registry";
    }

    @GetMapping("/account/registry/accounts/{id}")
    String account(
            @AuthenticationPrincipal AmamoPrincipal user,
            @PathVariable long id,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) String batch,
            Model model) {
        // A batch row's "retire" link opens the retirement form for that batch.
        TransferForm transfer = new TransferForm();
        RetireForm retire = new RetireForm();
        retire.setBatch(batch);
        model.addAttribute("transfer", transfer);
        model.addAttribute("retire", retire);
        return show(user, id, page, model);
    }

    @GetMapping("/account/registry/accounts/{id}/statement.csv")
    ResponseEntity<String> statementCsv(@AuthenticationPrincipal AmamoPrincipal user, @PathVariable long id) {
        visible(user, id);
        return RegistryApi.csv(
                "statement-" + id + ".csv", StatementCsv.write(queries.statement(id, 0, RegistryQueries.MAX_CSV_ROWS)));
    }

    @PostMapping("/account/registry/accounts/{id}/transfer")
    String transfer(
            @AuthenticationPrincipal AmamoPrincipal user,
            @PathVariable long id,
            @ModelAttribute("transfer") TransferForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        visible(user, id);
        Optional<Long> units = RegistryForms.units(form.getTonnes());
        if (units.isEmpty() || form.getToAccountId() == null) {
            RegistryForms.reject(
                    binding,
                    units.isEmpty()
                            ? List.of(RegistryForms.tonnesRefusal())
                            : List.of(Refusal.of("toAccountId", "registry.required")),
                    TRANSFER_FIELDS);
            model.addAttribute("retire", new RetireForm());
            return show(user, id, 0, model);
        }
        Outcome<Receipt> outcome = registry.transfer(
                Actor.of(user),
                new Registry.Transfer(
                        id, form.getToAccountId(), units.get(), Registry.Selection.ofBatch(form.getBatch())),
                form.getRequestKey());
        if (outcome.refused()) {
            RegistryForms.reject(binding, outcome.refusals(), TRANSFER_FIELDS);
            model.addAttribute("retire", new RetireForm());
            return show(user, id, 0, model);
        }
        redirect.addFlashAttribute("flash", "registry.transfer.done");
        return "redirect:/account/registry/accounts/" + id;
    }

    @PostMapping("/account/registry/accounts/{id}/retire")
    String retire(
            @AuthenticationPrincipal AmamoPrincipal user,
            @PathVariable long id,
            @ModelAttribute("retire") RetireForm form,
            BindingResult binding,
            Model model,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        AccountView account = visible(user, id);
        Optional<Long> units = RegistryForms.units(form.getTonnes());
        List<Refusal> missing = form.missingOffset(binding);
        if (units.isEmpty()) {
            missing.add(0, RegistryForms.tonnesRefusal());
        }
        if (!missing.isEmpty()) {
            // Refused before the registry weighs it: every other problem of the disclosure is shown at once too.
            Registry.retirementRefusals(form.disclosure(), units.orElse(0L)).stream()
                    .filter(refusal ->
                            !missing.stream().map(Refusal::field).toList().contains(refusal.field()))
                    .forEach(missing::add);
        } else {
            Confirmation confirmation = Confirmation.of("confirm.retire", "/account/registry/accounts/" + id)
                    .line("confirm.retire.quantity", RegistryForms.tonnes(units.get()), account.holderName())
                    .line(
                            "confirm.retire.batch",
                            form.getBatch() == null || form.getBatch().isBlank()
                                    ? "—"
                                    : form.getBatch().strip())
                    .line("confirm.retire.beneficiary", String.valueOf(RegistryForms.strip(form.getBeneficiary())))
                    .line("confirm.retire.effect");
            if (!confirmation.givenBy(request)) {
                return confirmation.page(request, model);
            }
        }
        Outcome<Receipt> outcome = !missing.isEmpty()
                ? Outcome.refused(RefusalKind.INVALID, missing)
                : registry.retire(
                        Actor.of(user),
                        new Registry.Retirement(
                                id, units.get(), form.disclosure(), Registry.Selection.ofBatch(form.getBatch())),
                        form.getRequestKey());
        if (outcome.refused()) {
            RegistryForms.reject(binding, outcome.refusals(), RETIRE_FIELDS);
            model.addAttribute("transfer", new TransferForm());
            return show(user, id, 0, model);
        }
        redirect.addFlashAttribute("flash", "registry.retire.done");
        return "redirect:/registry/retirements/" + outcome.value().retirementId();
    }

    private String show(AmamoPrincipal user, long id, int page, Model model) {
        AccountView account = visible(user, id);
        int number = Pages.number(page);
        var lines = queries.statement(id, number * Pages.DEFAULT_SIZE, Pages.DEFAULT_SIZE + 1);
        model.addAttribute("account", account);
        model.addAttribute("lines", lines.stream().limit(Pages.DEFAULT_SIZE).toList());
        model.addAttribute("page", number);
        model.addAttribute("hasNext", lines.size() > Pages.DEFAULT_SIZE);
        model.addAttribute("purposes", RetirementPurpose.values());
        model.addAttribute("coverages", org.amamo.registry.internal.OffsetCoverage.values());
        model.addAttribute("issuances", queries.issuedTo(id, RegistryQueries.MAX_ISSUANCES_LISTED));
        List<HeldBatch> held = queries.heldBatches(id, MAX_LISTED_BATCHES);
        model.addAttribute("heldBatches", held);
        // Each row's transfer carries its own idempotency key, so that a double click transfers once.
        model.addAttribute(
                "rowKeys", held.stream().map(batch -> RegistryForms.newKey()).toList());
        model.addAttribute(
                "operable", Actor.of(user).owns(accountRow(account)) && account.status() == AccountStatus.OPEN);
        return "registry/account";
    }

    private AccountView visible(AmamoPrincipal user, long id) {
        AccountView account = queries.account(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!Actor.of(user).maySee(accountRow(account))) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return account;
    }

    private static AccountRow accountRow(AccountView account) {
        return new AccountRow(
                account.id(),
                account.kind(),
                account.status(),
                account.ownerUserId(),
                account.ownerOrganisationId(),
                account.vintage(),
                account.holderName(),
                account.requestedAt(),
                account.decidedAt(),
                0,
                JournalEntry.GENESIS_HASH);
    }

    static void flash(RedirectAttributes redirect, List<Refusal> refusals, String done) {
        if (refusals.isEmpty()) {
            redirect.addFlashAttribute("flash", done);
        } else {
            redirect.addFlashAttribute("refusals", refusals);
        }
    }
}
