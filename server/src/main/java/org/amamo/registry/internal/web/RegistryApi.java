package org.amamo.registry.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.platform.ApiController;
import org.amamo.platform.Outcome;
import org.amamo.platform.Pages;
import org.amamo.platform.Refusal;
import org.amamo.platform.RefusedException;
import org.amamo.registry.CreditType;
import org.amamo.registry.InitialHolder;
import org.amamo.registry.IssuanceRequest;
import org.amamo.registry.SerialRange;
import org.amamo.registry.internal.AccountDesk;
import org.amamo.registry.internal.AccountKind;
import org.amamo.registry.internal.AccountStatus;
import org.amamo.registry.internal.Actor;
import org.amamo.registry.internal.BufferDesk;
import org.amamo.registry.internal.Issuer;
import org.amamo.registry.internal.Journal;
import org.amamo.registry.internal.LedgerAudit;
import org.amamo.registry.internal.LedgerInvariants;
import org.amamo.registry.internal.OffsetCoverage;
import org.amamo.registry.internal.Receipt;
import org.amamo.registry.internal.Registry;
import org.amamo.registry.internal.RetirementDisclosure;
import org.amamo.registry.internal.RetirementPurpose;
import org.amamo.registry.internal.read.BufferQuery;
import org.amamo.registry.internal.read.RegistryQueries;
import org.amamo.registry.internal.read.RegistryViews.AccountView;
import org.amamo.registry.internal.read.RegistryViews.BatchView;
import org.amamo.registry.internal.read.RegistryViews.RetirementPage;
import org.amamo.registry.internal.read.RegistryViews.RetirementView;
import org.amamo.registry.internal.read.RegistryViews.SerialLookup;
import org.amamo.registry.internal.read.RegistryViews.StatementLine;
import org.amamo.registry.internal.read.RetirementListRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The registry's REST API. Public: batches and their totals, retirement records, serial lookup. With a token:
 * one's own accounts and statements, transfer and retirement. Secretariat: account decisions, issuance,
 * cancellation, journal verification and the invariant check. Quantities are units of 0.1 t-CO2. State-changing
 * calls accept an {@code Idempotency-Key} header: a retry with the same key returns the first result.
 */
@ApiController("/api/v1/registry")
@Tag(name = "Registry", description = "Accounts, issuance, transfer, retirement, cancellation, journal")
class RegistryApi {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final String SECRETARIAT = "hasAnyRole('SECRETARIAT', 'ADMINISTRATOR')";

    private final Registry registry;
    private final Issuer issuer;
    private final AccountDesk desk;
    private final RegistryQueries queries;
    private final LedgerAudit audit;
    private final ProgrammeFilter programmeFilter;
    private final BufferQuery buffers;
    private final BufferDesk bufferDesk;

    RegistryApi(
            Registry registry,
            Issuer issuer,
            AccountDesk desk,
            RegistryQueries queries,
            LedgerAudit audit,
            ProgrammeFilter programmeFilter,
            BufferQuery buffers,
            BufferDesk bufferDesk) {
        this.buffers = buffers;
        this.bufferDesk = bufferDesk;
        this.registry = registry;
        this.issuer = issuer;
        this.desk = desk;
        this.queries = queries;
        this.audit = audit;
        this.programmeFilter = programmeFilter;
    }

    // ---- accounts

    /** Whether the account is to be the organisation's (else the user's own). */
    record AccountRequest(boolean forOrganisation) {}

    @GetMapping("/accounts")
    @PreAuthorize("isAuthenticated()")
    @SecurityRequirement(name = "apiToken")
    @Operation(summary = "My holding accounts (and my organisation's), with balances")
    List<AccountView> myAccounts(@AuthenticationPrincipal AmamoPrincipal user) {
        return queries.accountsOf(Actor.of(user));
    }

    @GetMapping("/admin/accounts")
    @PreAuthorize(SECRETARIAT)
    @SecurityRequirement(name = "apiToken")
    @Operation(summary = "Every account, optionally in one status, e.g. REQUESTED (secretariat)")
    List<AccountView> allAccounts(
            @RequestParam(required = false) AccountStatus status,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        int rows = Pages.size(size);
        return queries.accounts(status, Pages.number(page) * rows, rows);
    }

    @PostMapping("/accounts")
    @PreAuthorize("isAuthenticated()")
    @SecurityRequirement(name = "apiToken")
    @Operation(summary = "Request a holding account; the secretariat opens it")
    @ApiResponse(responseCode = "201", description = "Requested")
    @ApiResponse(responseCode = "409", description = "The caller already has such an account")
    ResponseEntity<AccountView> requestAccount(
            @AuthenticationPrincipal AmamoPrincipal user, @RequestBody(required = false) AccountRequest request) {
        long id = answer(desk.request(Actor.of(user), request != null && request.forOrganisation()));
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(queries.account(id).orElseThrow());
    }

    @GetMapping("/accounts/{id}")
    @PreAuthorize("isAuthenticated()")
    @SecurityRequirement(name = "apiToken")
    @Operation(summary = "One account with its balance (owner or secretariat)")
    @ApiResponse(responseCode = "200", description = "The account")
    @ApiResponse(responseCode = "403", description = "Not the caller's account")
    AccountView account(@AuthenticationPrincipal AmamoPrincipal user, @PathVariable long id) {
        return visible(user, id);
    }

    @GetMapping("/accounts/{id}/statement")
    @PreAuthorize("isAuthenticated()")
    @SecurityRequirement(name = "apiToken")
    @Operation(summary = "An account's movements, newest first (owner or secretariat)")
    @ApiResponse(responseCode = "200", description = "The movements")
    @ApiResponse(responseCode = "403", description = "Not the caller's account")
    List<StatementLine> statement(
            @AuthenticationPrincipal AmamoPrincipal user,
            @PathVariable long id,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        visible(user, id);
        int rows = Pages.size(size);
        return queries.statement(id, Pages.number(page) * rows, rows);
    }

    @GetMapping(value = "/accounts/{id}/statement.csv", produces = "text/csv")
    @PreAuthorize("isAuthenticated()")
    @SecurityRequirement(name = "apiToken")
    @Operation(summary = "An account's statement as CSV (owner or secretariat)")
    @ApiResponse(responseCode = "200", description = "The statement (text/csv)")
    @ApiResponse(responseCode = "403", description = "Not the caller's account")
    ResponseEntity<String> statementCsv(@AuthenticationPrincipal AmamoPrincipal user, @PathVariable long id) {
        visible(user, id);
        return csv(
                "statement-" + id + ".csv", StatementCsv.write(queries.statement(id, 0, RegistryQueries.MAX_CSV_ROWS)));
    }

    @PostMapping("/accounts/{id}/approve")
    @PreAuthorize(SECRETARIAT)
    @SecurityRequirement(name = "apiToken")
    @Operation(summary = "Open a requested account (secretariat)")
    AccountView approve(@AuthenticationPrincipal AmamoPrincipal user, @PathVariable long id) {
        return queries.account(answer(desk.approve(Actor.of(user), id))).orElseThrow();
    }

    @PostMapping("/accounts/{id}/reject")
    @PreAuthorize(SECRETARIAT)
    @SecurityRequirement(name = "apiToken")
    @Operation(summary = "Reject a requested account (secretariat)")
    AccountView reject(@AuthenticationPrincipal AmamoPrincipal user, @PathVariable long id) {
        return queries.account(answer(desk.reject(Actor.of(user), id))).orElseThrow();
    }

    @PostMapping("/accounts/{id}/close")
    @PreAuthorize(SECRETARIAT)
    @SecurityRequirement(name = "apiToken")
    @Operation(summary = "Close an empty holding account (secretariat)")
    AccountView close(@AuthenticationPrincipal AmamoPrincipal user, @PathVariable long id) {
        return queries.account(answer(desk.close(Actor.of(user), id))).orElseThrow();
    }

    // ---- operations

    /** Issue a batch to initial holders; shares in percent sum to exactly 100. */
    record IssueRequest(
            @NotNull(message = "{validation.required}") Long projectId,
            String projectCode,
            String projectName,
            String programmePrefix,
            @NotNull(message = "{validation.required}") Integer vintage,
            String methodologyVersion,
            CreditType creditType,
            String certifier,
            @NotNull(message = "{validation.required}") Long creditUnits,
            List<Holder> holders) {

        /** An initial holder: a user id or an organisation id, and a share in percent. */
        record Holder(Long userId, Long organisationId, BigDecimal sharePercent) {}

        IssuanceRequest toRequest(String key) {
            List<InitialHolder> initial = holders == null
                    ? List.of()
                    : holders.stream()
                            .map(h -> new InitialHolder(h.userId(), h.organisationId(), h.sharePercent()))
                            .toList();
            return new IssuanceRequest(
                    projectId,
                    projectCode,
                    projectName,
                    programmePrefix,
                    vintage,
                    methodologyVersion,
                    creditType,
                    certifier,
                    creditUnits,
                    initial,
                    key);
        }
    }

    // The optional selection of credits, the same for transfers and retirements (Registry.Selection).
    private static final String SELECTION_BATCH =
            "Optional: take the lowest serials of this batch, e.g. JBC-2025-0003-01";
    private static final String SELECTION_SERIAL_RANGE = "Optional: take exactly these serials of one batch, e.g. "
            + "JBC-2025-0003-01-000001-000020; its unit count must equal creditUnits";
    private static final String SELECTION_PROJECT_CODE = "Optional, with vintage: take the lowest serials of this "
            + "project's batches of the vintage, lowest batch number first";
    private static final String SELECTION_VINTAGE =
            "Optional, with projectCode: the vintage (year) of the batches to take from";

    /**
     * Transfer {@code creditUnits} (0.1 t each) from one of my holding accounts to another open account: the credits
     * selected by at most one of {@code batch}, {@code serialRange}, or {@code projectCode} with {@code vintage};
     * without one, the largest blocks first.
     */
    record TransferRequest(
            @NotNull(message = "{validation.required}") Long fromAccountId,
            @NotNull(message = "{validation.required}") Long toAccountId,
            @NotNull(message = "{validation.required}") Long creditUnits,

            @Schema(description = SELECTION_BATCH) String batch,

            @Schema(description = SELECTION_SERIAL_RANGE) String serialRange,

            @Schema(description = SELECTION_PROJECT_CODE) String projectCode,

            @Schema(description = SELECTION_VINTAGE) Integer vintage) {

        Registry.Selection selection() {
            return new Registry.Selection(batch, serialRange, projectCode, vintage);
        }
    }

    /**
     * Retire {@code creditUnits} from one of my holding accounts, with the public disclosure: the credits selected as
     * for a transfer, or without a selection, the largest blocks first.
     */
    record RetireRequest(
            @NotNull(message = "{validation.required}") Long fromAccountId,
            @NotNull(message = "{validation.required}") Long creditUnits,
            String beneficiary,
            RetirementPurpose purpose,
            String emissionsOffset,
            Integer reportingYear,
            String note,

            @Schema(description = SELECTION_BATCH) String batch,

            @Schema(description = SELECTION_SERIAL_RANGE) String serialRange,

            @Schema(description = SELECTION_PROJECT_CODE) String projectCode,

            @Schema(description = SELECTION_VINTAGE) Integer vintage,

            @Schema(description = "The emissions offset as a number of t-CO2 (at most 3 decimals); with offsetCoverage")
            BigDecimal offsetTonnesCo2,

            @Schema(description = "ALL if the retired tonnes cover the emissions stated, PART if they fall short")
            OffsetCoverage offsetCoverage,

            @Schema(description = "The beneficiary's sector (optional, up to 100 characters)")
            String beneficiarySector,

            @Schema(description = "Why this credit was chosen (optional, up to 1,000 characters)")
            String selectionReason) {

        Registry.Selection selection() {
            return new Registry.Selection(batch, serialRange, projectCode, vintage);
        }
    }

    /** Cancel a serial range (secretariat), e.g. for an error found after issuance. */
    record CancelRequest(String serialRange, String reason) {}

    @PostMapping("/issuances")
    @PreAuthorize(SECRETARIAT)
    @SecurityRequirement(name = "apiToken")
    @Operation(summary = "Issue a batch to its initial holders by the largest-remainder rule (secretariat)")
    @ApiResponse(responseCode = "201", description = "Issued: the receipt")
    @ApiResponse(responseCode = "200", description = "A retry with the same Idempotency-Key: the first receipt")
    ResponseEntity<Receipt> issue(
            @AuthenticationPrincipal AmamoPrincipal user,
            @Valid @RequestBody IssueRequest request,
            @Parameter(description = "Applies the request once")
                    @RequestHeader(name = IDEMPOTENCY_KEY, required = false)
                    String key) {
        return created(issuer.issue(Actor.of(user), request.toRequest(key)));
    }

    @PostMapping("/transfers")
    @PreAuthorize("isAuthenticated()")
    @SecurityRequirement(name = "apiToken")
    @Operation(
            summary = "Transfer credits: those selected (a batch, a serial range, or a project and vintage), or "
                    + "the largest blocks first (owner of the sending account)")
    @ApiResponse(responseCode = "201", description = "Transferred: the receipt")
    @ApiResponse(responseCode = "200", description = "A retry with the same Idempotency-Key: the first receipt")
    ResponseEntity<Receipt> transfer(
            @AuthenticationPrincipal AmamoPrincipal user,
            @Valid @RequestBody TransferRequest request,
            @Parameter(description = "Applies the request once")
                    @RequestHeader(name = IDEMPOTENCY_KEY, required = false)
                    String key) {
        return created(registry.transfer(
                Actor.of(user),
                new Registry.Transfer(
                        request.fromAccountId(), request.toAccountId(), request.creditUnits(), request.selection()),
                key));
    }

    @PostMapping("/retirements")
    @PreAuthorize("isAuthenticated()")
    @SecurityRequirement(name = "apiToken")
    @Operation(
            summary = "Retire credits with the public disclosure: those selected (a batch, a serial range, or a "
                    + "project and vintage), or the largest blocks first (owner of the account)")
    @ApiResponse(responseCode = "201", description = "Retired: the receipt")
    @ApiResponse(responseCode = "200", description = "A retry with the same Idempotency-Key: the first receipt")
    ResponseEntity<Receipt> retire(
            @AuthenticationPrincipal AmamoPrincipal user,
            @Valid @RequestBody RetireRequest request,
            @Parameter(description = "Applies the request once")
                    @RequestHeader(name = IDEMPOTENCY_KEY, required = false)
                    String key) {
        RetirementDisclosure disclosure = new RetirementDisclosure(
                strip(request.beneficiary()),
                request.purpose(),
                strip(request.emissionsOffset()),
                request.reportingYear(),
                strip(request.note()),
                request.offsetTonnesCo2(),
                request.offsetCoverage(),
                strip(request.beneficiarySector()),
                strip(request.selectionReason()));
        return created(registry.retire(
                Actor.of(user),
                new Registry.Retirement(
                        request.fromAccountId(), request.creditUnits(), disclosure, request.selection()),
                key));
    }

    @PostMapping("/cancellations")
    @PreAuthorize(SECRETARIAT)
    @SecurityRequirement(name = "apiToken")
    @Operation(summary = "Cancel a serial range of active credits, with the reason (secretariat)")
    @ApiResponse(responseCode = "201", description = "Cancelled: the receipt")
    @ApiResponse(responseCode = "200", description = "A retry with the same Idempotency-Key: the first receipt")
    ResponseEntity<Receipt> cancel(
            @AuthenticationPrincipal AmamoPrincipal user,
            @RequestBody CancelRequest request,
            @Parameter(description = "Applies the request once")
                    @RequestHeader(name = IDEMPOTENCY_KEY, required = false)
                    String key) {
        return created(registry.cancel(
                Actor.of(user), new Registry.Cancellation(request.serialRange(), strip(request.reason())), key));
    }

    /**
     * A reversal: the programme, the project's four-digit code, the date of the loss (yyyy-MM-dd, not in the future),
     * the area lost in hectares (at most 2 decimals) and the t-CO2 lost (at most 1 decimal), the cause, the evidence
     * and optionally an https link to an attachment.
     */
    record ReversalRequest(
            @Schema(example = "JBC") String programmeCode,
            @Schema(example = "0012") String projectCode,
            @Schema(example = "2026-09-01") String occurredOn,
            @Schema(example = "1.5") String areaHectares,
            @Schema(example = "12.3") String tonnesLost,
            String cause,
            String evidence,
            String evidenceUrl) {}

    @PostMapping("/reversals")
    @PreAuthorize(SECRETARIAT)
    @SecurityRequirement(name = "apiToken")
    @Operation(
            summary =
                    "Record a reversal: cancels the t-CO2 lost from the programme's buffer account, the project's own "
                            + "buffer units first, then other projects' oldest first; what the buffer cannot cover is "
                            + "recorded as the project's shortfall (secretariat)")
    @ApiResponse(responseCode = "201", description = "Recorded: the receipt (the serial ranges cancelled)")
    @ApiResponse(responseCode = "200", description = "A retry with the same Idempotency-Key: the first receipt")
    ResponseEntity<Receipt> reverse(
            @AuthenticationPrincipal AmamoPrincipal user,
            @RequestBody ReversalRequest request,
            @Parameter(description = "Applies the request once")
                    @RequestHeader(name = IDEMPOTENCY_KEY, required = false)
                    String key) {
        return created(bufferDesk.reverse(
                Actor.of(user),
                new BufferDesk.Reversal(
                        request.programmeCode(),
                        request.projectCode(),
                        request.occurredOn(),
                        request.areaHectares(),
                        request.tonnesLost(),
                        request.cause(),
                        request.evidence(),
                        request.evidenceUrl()),
                key));
    }

    // ---- public

    @GetMapping("/buffer/{programme}")
    @Operation(
            summary = "A programme's buffer pool: its share per ecosystem (percent), balance, intake per project and "
                    + "every reversal, newest first (units of 0.1 t-CO2)")
    BufferQuery.BufferView buffer(@PathVariable String programme) {
        return buffers.buffer(programme).orElseThrow(() -> notFound("registry.buffer.programme-unknown"));
    }

    @GetMapping("/batches")
    @Operation(summary = "Issued batches, newest first, with issued / active / retired / cancelled units")
    List<BatchView> batches(
            @RequestParam(required = false) String programme,
            @RequestParam(required = false) String projectCode,
            @RequestParam(required = false) Integer vintage,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        int rows = Pages.size(size);
        return queries.batches(
                programmeFilter.prefix(programme),
                ProgrammeFilter.projectCode(projectCode),
                vintage,
                Pages.number(page) * rows,
                rows);
    }

    @GetMapping("/batches/{id}")
    @Operation(summary = "One batch and its totals")
    BatchView batch(@PathVariable long id) {
        return queries.batch(id).orElseThrow(() -> notFound("registry.batch.not-found"));
    }

    @GetMapping("/retirements")
    @Operation(
            summary = "Public retirement records, newest first: beneficiary, purpose, quantity, serials; with "
                    + "programme=CODE those that retired credits of that programme (an unknown code: every record), with "
                    + "projectCode=CODE those of one project",
            description = "Paged by record id: the Link header names the next (older) page as rel=\"next\", the "
                    + "previous (newer) one as rel=\"prev\" and the newest as rel=\"first\"; follow them, or give before="
                    + "the last id seen. A record retired meanwhile neither repeats nor hides one. Give at most one of "
                    + "before, after and page.")
    ResponseEntity<List<RetirementView>> retirements(
            @RequestParam(required = false) String programme,
            @RequestParam(required = false) String projectCode,
            @Parameter(
                            description = "Records older than this record id (the id of the last record of the page "
                                    + "before)")
                    @RequestParam(required = false)
                    Long before,
            @Parameter(description = "Records newer than this record id; fewer than a page newer: the newest page")
                    @RequestParam(required = false)
                    Long after,
            @Parameter(
                            description = "Page number from 0, the older way of paging: only within the newest "
                                    + RetirementListRequest.MAX_PAGED_RECORDS + " records; deeper, use before")
                    @RequestParam(required = false)
                    Integer page,
            @Parameter(
                            description = "Records per page, 1 to " + Pages.MAX_SIZE + " (default " + Pages.DEFAULT_SIZE
                                    + ")")
                    @RequestParam(required = false)
                    Integer size) {
        int rows = Pages.size(size);
        RetirementListRequest request = new RetirementListRequest(before, after, page);
        List<Refusal> problems = request.problems(rows);
        if (!problems.isEmpty()) {
            throw new RefusedException(HttpStatus.BAD_REQUEST, problems);
        }
        RetirementPage shown = queries.retirements(
                programmeFilter.prefix(programme), ProgrammeFilter.projectCode(projectCode), request, rows);
        return ResponseEntity.ok()
                .header(HttpHeaders.LINK, links(shown).toArray(String[]::new))
                .body(shown.records());
    }

    /** The Link header's values (RFC 8288) to the pages beside this one, with the same filters and size. */
    private static List<String> links(RetirementPage shown) {
        List<String> links = new ArrayList<>();
        if (shown.older() != null) {
            links.add(link("before", shown.older(), "next"));
        }
        if (shown.newer() != null) {
            links.add(link("after", shown.newer(), "prev"));
            links.add(link(null, null, "first"));
        }
        return links;
    }

    private static String link(String position, Long id, String relation) {
        UriComponentsBuilder uri = ServletUriComponentsBuilder.fromCurrentRequest()
                .replaceQueryParam("before")
                .replaceQueryParam("after")
                .replaceQueryParam("page");
        if (position != null) {
            uri.replaceQueryParam(position, id);
        }
        return "<" + uri.build().toUriString() + ">; rel=\"" + relation + "\"";
    }

    @GetMapping("/retirements/{id}")
    @Operation(summary = "One retirement record")
    RetirementView retirement(@PathVariable long id) {
        return queries.retirement(id).orElseThrow(() -> notFound("registry.retirement.not-found"));
    }

    @GetMapping("/serials/{serial}")
    @Operation(summary = "Look up a serial number or range: its batch, and the status of each part")
    SerialLookup lookup(@PathVariable String serial) {
        SerialRange range = SerialRange.parse(serial)
                .orElseThrow(() ->
                        new RefusedException(HttpStatus.BAD_REQUEST, Refusal.of("serial", "registry.serial.invalid")));
        return queries.lookup(range).orElseThrow(() -> notFound("registry.serial.not-found"));
    }

    // ---- audit

    @GetMapping("/journal/verify")
    @PreAuthorize(SECRETARIAT)
    @SecurityRequirement(name = "apiToken")
    @Operation(summary = "Verify the journal's hash chains; names the first broken entry (secretariat)")
    Journal.Verification verify() {
        return audit.verify();
    }

    @GetMapping("/invariants")
    @PreAuthorize(SECRETARIAT)
    @SecurityRequirement(name = "apiToken")
    @Operation(summary = "Check the ledger's invariants and totals (secretariat)")
    LedgerInvariants.Check invariants() {
        return audit.invariants();
    }

    // ---- helpers

    private AccountView visible(AmamoPrincipal user, long id) {
        AccountView account = queries.account(id).orElseThrow(() -> notFound("registry.account.not-found"));
        Actor actor = Actor.of(user);
        boolean owner = account.kind() == AccountKind.HOLDING
                && (actor.userId().equals(account.ownerUserId())
                        || actor.organisationId() != null
                                && actor.organisationId().equals(account.ownerOrganisationId()));
        if (!owner && !actor.secretariat()) {
            throw new RefusedException(HttpStatus.FORBIDDEN, Refusal.of("$", "registry.account.not-yours"));
        }
        return account;
    }

    private static <T> T answer(Outcome<T> outcome) {
        if (outcome.refused()) {
            throw new RefusedException(outcome.kind().status(), outcome.refusals());
        }
        return outcome.value();
    }

    private static ResponseEntity<Receipt> created(Outcome<Receipt> outcome) {
        Receipt receipt = answer(outcome);
        return ResponseEntity.status(receipt.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(receipt);
    }

    static ResponseEntity<String> csv(String filename, String body) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .body(body);
    }

    private static RefusedException notFound(String key) {
        return new RefusedException(HttpStatus.NOT_FOUND, Refusal.of("$", key));
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }
}
