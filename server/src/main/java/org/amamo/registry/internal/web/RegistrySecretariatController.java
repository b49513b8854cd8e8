package org.amamo.registry.internal.web;

import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.amamo.application.ApplicationCertified;
import org.amamo.application.CertifiedIssuance;
import org.amamo.application.CertifiedProjects;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
import org.amamo.identity.UserDirectory;
import org.amamo.identity.UserSummary;
import org.amamo.platform.Confirmation;
import org.amamo.platform.Outcome;
import org.amamo.platform.Pages;
import org.amamo.platform.Refusal;
import org.amamo.registry.CreditType;
import org.amamo.registry.InitialHolder;
import org.amamo.registry.IssuanceRequest;
import org.amamo.registry.IssuedBatches;
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
    private final CertifiedIssuance certifiedIssuance;
    private final CertifiedProjects certifiedProjects;
    private final IssuedBatches issuedBatches;
    private final UserDirectory users;

    RegistrySecretariatController(
            Registry registry,
            Issuer issuer,
            AccountDesk desk,
            RegistryQueries queries,
            LedgerAudit audit,
            CertifiedIssuance certifiedIssuance,
            CertifiedProjects certifiedProjects,
            IssuedBatches issuedBatches,
            UserDirectory users) {
        this.registry = registry;
        this.issuer = issuer;
        this.desk = desk;
        this.queries = queries;
        this.audit = audit;
        this.certifiedIssuance = certifiedIssuance;
        this.certifiedProjects = certifiedProjects;
        this.issuedBatches = issuedBatches;
        this.users = users;
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

    /**
     * The manual issuance form; with {@code application}, filled in from what that application's certification froze
     * (project, code, name, prefix, vintage, methodology, type, certifier, quantity and initial holders), under the
     * certification's own issuance reference, so that the credits of one certification are never issued twice.
     */
    @GetMapping("/secretariat/registry/issue")
    String issueForm(@RequestParam(name = "application", required = false) Long application, Model model) {
        IssueForm form = new IssueForm();
        if (application != null) {
            Optional<ApplicationCertified> certified = certifiedIssuance.of(application);
            if (certified.isPresent()) {
                fill(form, certified.get());
                model.addAttribute("prefilled", certified.get());
                issuedBatches
                        .issuedFor(IssuedBatches.certificationReference(application))
                        .ifPresent(batch -> model.addAttribute("alreadyIssued", batch));
            } else {
                model.addAttribute("refusals", List.of(Refusal.of("application", "registry.issue.not-certified")));
            }
        }
        model.addAttribute("fromApplication", application);
        model.addAttribute("form", form);
        return issuePage(model);
    }

    private static void fill(IssueForm form, ApplicationCertified certified) {
        form.setProjectId(certified.projectId());
        form.setProjectCode(certified.projectCode());
        form.setProjectName(certified.projectName());
        form.setProgrammePrefix(certified.programmePrefix());
        form.setVintage(certified.vintage());
        form.setMethodologyVersion(certified.methodologyVersion());
        form.setCreditType(CreditType.valueOf(certified.creditType().toUpperCase(Locale.ROOT)));
        form.setCertifier(certified.certifier());
        form.setTonnes(BigDecimal.valueOf(certified.units(), 1));
        List<HolderRow> rows = form.getHolders();
        for (int i = 0; i < certified.holders().size(); i++) {
            if (i == rows.size()) {
                rows.add(new HolderRow());
            }
            rows.get(i).setOrganisation(false);
            rows.get(i).setHolderId(certified.holders().get(i).userId());
            rows.get(i).setSharePercent(certified.holders().get(i).sharePercent());
        }
        form.setRequestKey(IssuedBatches.certificationReference(certified.applicationId()));
    }

    @PostMapping("/secretariat/registry/issue")
    String issue(
            @AuthenticationPrincipal AmamoPrincipal user,
            @ModelAttribute("form") IssueForm form,
            BindingResult binding,
            HttpServletRequest request,
            Model model,
            RedirectAttributes redirect) {
        Optional<Long> units = RegistryForms.units(form.getTonnes());
        // Everything wrong at once: the fields that did not convert, then every rule the registry checks.
        List<Refusal> wrong = new ArrayList<>(unchosenHolders(form));
        if (units.isEmpty() && !binding.hasFieldErrors("tonnes")) {
            wrong.add(RegistryForms.tonnesRefusal());
        }
        for (Refusal refusal : atRows(Issuer.check(request(form, units.orElse(1L))), form)) {
            String field = "creditUnits".equals(refusal.field()) ? "tonnes" : refusal.field();
            if (!binding.hasFieldErrors(field) && !(units.isEmpty() && "tonnes".equals(field))) {
                wrong.add(refusal);
            }
        }
        if (binding.hasErrors() || !wrong.isEmpty()) {
            RegistryForms.reject(binding, wrong, ISSUE_FIELDS);
            return issuePage(model);
        }
        Confirmation confirmation = issueConfirmation(form, units.get(), holderNames(form));
        if (!confirmation.givenBy(request)) {
            return confirmation.page(request, model);
        }
        Outcome<Receipt> outcome = issuer.issue(Actor.of(user), request(form, units.get()));
        if (outcome.refused()) {
            RegistryForms.reject(binding, atRows(outcome.refusals(), form), ISSUE_FIELDS);
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
    private static Confirmation issueConfirmation(IssueForm form, long units, Map<String, String> names) {
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
                        names.getOrDefault(row.getHolder(), "#" + row.getHolderId()),
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
        model.addAttribute("certifiedProjects", certifiedProjects.all());
        IssueForm form = (IssueForm) model.getAttribute("form");
        model.addAttribute("holderOptions", holderOptions(form));
        return "registry/issue";
    }

    /** A holder the form offers: a registered holder (user) or an organisation of one. */
    public record HolderOption(String value, String name, String email, boolean organisation) {}

    /**
     * The holders to choose from, by name: every enabled user with the holder role (name and e-mail) and each of their
     * organisations, and any holder the form already names.
     */
    private List<HolderOption> holderOptions(IssueForm form) {
        Map<String, HolderOption> options = new LinkedHashMap<>();
        List<UserSummary> holders = users.withRole(Role.HOLDER).stream()
                .filter(UserSummary::enabled)
                .toList();
        for (UserSummary holder : holders) {
            if (holder.organisationId() != null && holder.organisationName() != null) {
                String value = "O-" + holder.organisationId();
                options.putIfAbsent(value, new HolderOption(value, holder.organisationName(), null, true));
            }
        }
        for (UserSummary holder : holders) {
            String value = "U-" + holder.userId();
            options.put(value, new HolderOption(value, holder.displayName(), holder.email(), false));
        }
        if (form != null) {
            for (HolderRow row : form.getHolders()) {
                if (row.getHolderId() != null && !options.containsKey(row.getHolder())) {
                    String name = row.isOrganisation()
                            ? "#" + row.getHolderId()
                            : users.find(row.getHolderId())
                                    .map(UserSummary::displayName)
                                    .orElse("#" + row.getHolderId());
                    options.put(row.getHolder(), new HolderOption(row.getHolder(), name, null, row.isOrganisation()));
                }
            }
        }
        return options.values().stream()
                .sorted(Comparator.comparing(HolderOption::organisation)
                        .reversed()
                        .thenComparing(HolderOption::name))
                .toList();
    }

    private Map<String, String> holderNames(IssueForm form) {
        Map<String, String> names = new LinkedHashMap<>();
        holderOptions(form).forEach(option -> names.put(option.value(), option.name()));
        return names;
    }

    /** A row with a share but no holder chosen. */
    private static List<Refusal> unchosenHolders(IssueForm form) {
        List<Refusal> refusals = new ArrayList<>();
        for (int i = 0; i < form.getHolders().size(); i++) {
            HolderRow row = form.getHolders().get(i);
            if (row.getHolderId() == null && row.getSharePercent() != null) {
                refusals.add(Refusal.of("holders[" + i + "].holder", "registry.issue.holder-choose"));
            }
        }
        return refusals;
    }

    /**
     * The registry names holders by their place among those given ({@code holders[0]}); the form has rows, some
     * empty: each refusal goes to the row's select or share.
     */
    private static List<Refusal> atRows(List<Refusal> refusals, IssueForm form) {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < form.getHolders().size(); i++) {
            if (form.getHolders().get(i).getHolderId() != null) {
                rows.add(i);
            }
        }
        List<Refusal> placed = new ArrayList<>();
        for (Refusal refusal : refusals) {
            java.util.regex.Matcher matcher = java.util.regex.Pattern.compile(
                            "holders\\[([0-9]{1,3})\\](\\.sharePercent)?")
                    .matcher(refusal.field());
            if (matcher.matches() && Integer.parseInt(matcher.group(1)) < rows.size()) {
                int row = rows.get(Integer.parseInt(matcher.group(1)));
                String field = "holders[" + row + "]." + (matcher.group(2) == null ? "holder" : "sharePercent");
                placed.add(new Refusal(field, refusal.messageKey(), refusal.arguments()));
            } else {
                placed.add(refusal);
            }
        }
        return placed;
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
