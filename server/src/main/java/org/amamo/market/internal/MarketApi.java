package org.amamo.market.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.market.MarketPrices;
import org.amamo.market.PriceStatistic;
import org.amamo.market.internal.MarketViews.AllocationView;
import org.amamo.market.internal.MarketViews.BidView;
import org.amamo.market.internal.MarketViews.PriceRow;
import org.amamo.market.internal.MarketViews.Results;
import org.amamo.market.internal.MarketViews.RoundView;
import org.amamo.platform.ApiController;
import org.amamo.platform.Outcome;
import org.amamo.platform.Refusal;
import org.amamo.platform.RefusedException;
import org.amamo.registry.HeldCredits;
import org.amamo.registry.MarketSettlement;
import org.amamo.registry.SelectedCredits;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * The market's REST API. Public: announced rounds, results, prices. With a token: consign (holders), bid (buyers:
 * users with the holder role), one's bids and allocations, payment confirmation (the seller), reported trades.
 * Secretariat: create, open, close and allocate rounds, lapse unpaid allocations. Quantities are units of 0.1 t-CO2,
 * prices whole yen per t-CO2. Refusals answer 400/403/404/409 with {@code errors: [{field, message}]}.
 */
@ApiController("/api/v1/market")
@Tag(name = "Market", description = "Buyer solicitation rounds, bids, allocation, settlement, reported trades, prices")
class MarketApi {

    private static final String SECRETARIAT = "hasAnyRole('SECRETARIAT', 'ADMINISTRATOR')";
    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final Rounds rounds;
    private final Bidding bidding;
    private final Settlement settlement;
    private final ReportedTrades trades;
    private final MarketQueries queries;
    private final MarketPrices prices;
    private final MarketSettlement registry;

    MarketApi(
            Rounds rounds,
            Bidding bidding,
            Settlement settlement,
            ReportedTrades trades,
            MarketQueries queries,
            MarketPrices prices,
            MarketSettlement registry) {
        this.rounds = rounds;
        this.bidding = bidding;
        this.settlement = settlement;
        this.trades = trades;
        this.queries = queries;
        this.prices = prices;
        this.registry = registry;
    }

    /**
     * A new round: times as ISO instants, e.g. {@code 2025-07-01T00:00:00Z}. {@code titleEn} and {@code rulesEn}: the
     * optional English version of title and rules (absent: none, and English pages show the Japanese text marked as
     * Japanese only).
     */
    record RoundRequest(
            String title,
            String rules,
            BigDecimal minimumPriceJpy,
            Instant opensAt,
            Instant closesAt,
            Integer paymentDays,
            String titleEn,
            String rulesEn) {}

    // The credits a consignment or trade names: a batch id, or else a selection as for registry transfers.
    private static final String BATCH_ID = "The batch's id (see GET holdings); or name the credits by batch, "
            + "serialRange, or projectCode with vintage instead (not both)";
    private static final String SELECTION_BATCH =
            "Instead of batchId: take the lowest serials of this batch, e.g. JBC-2025-0003-01";
    private static final String SELECTION_SERIAL_RANGE = "Instead of batchId: take exactly these serials of one "
            + "batch, e.g. JBC-2025-0003-01-000001-000020; its unit count must equal creditUnits";
    private static final String SELECTION_PROJECT_CODE = "Instead of batchId, with vintage: take the lowest serials "
            + "of this project's batches of the vintage, lowest batch first; they must lie in one batch";
    private static final String SELECTION_VINTAGE = "With projectCode: the vintage (year) of the batches";

    /**
     * Units of one batch from one of my accounts to a draft round: the batch by {@code batchId}, or the credits
     * selected by at most one of {@code batch}, {@code serialRange}, or {@code projectCode} with {@code vintage}.
     */
    record ConsignmentRequest(
            Long fromAccountId,
            @Schema(description = BATCH_ID) Long batchId,
            Long creditUnits,
            @Schema(description = SELECTION_BATCH) String batch,
            @Schema(description = SELECTION_SERIAL_RANGE) String serialRange,
            @Schema(description = SELECTION_PROJECT_CODE) String projectCode,
            @Schema(description = SELECTION_VINTAGE) Integer vintage) {

        SelectedCredits selection() {
            return new SelectedCredits(batch, serialRange, projectCode, vintage);
        }
    }

    /** A bid; {@code projectCode} null for any project; {@code purpose} one of the retirement purposes. */
    record BidRequest(
            String projectCode,
            Long creditUnits,
            BigDecimal priceJpy,
            String purpose,
            Boolean retireAtOnce,
            String beneficiary,
            String emissionsOffset,
            Boolean discloseName) {

        BidTerms terms() {
            boolean retire = Boolean.TRUE.equals(retireAtOnce);
            return new BidTerms(
                    MarketForms.blankToNull(projectCode),
                    creditUnits == null ? 0 : creditUnits,
                    priceJpy,
                    purpose,
                    retire,
                    retire ? MarketForms.blankToNull(beneficiary) : null,
                    retire ? MarketForms.blankToNull(emissionsOffset) : null,
                    Boolean.TRUE.equals(discloseName));
        }
    }

    /**
     * A bilateral trade to report: the registry transfers, the market records the price. The credits are named as
     * for a consignment: {@code batchId}, or one selection.
     */
    record TradeRequest(
            Long fromAccountId,
            Long toAccountId,
            @Schema(description = BATCH_ID) Long batchId,
            Long creditUnits,
            BigDecimal priceJpy,
            @Schema(description = SELECTION_BATCH) String batch,
            @Schema(description = SELECTION_SERIAL_RANGE) String serialRange,
            @Schema(description = SELECTION_PROJECT_CODE) String projectCode,
            @Schema(description = SELECTION_VINTAGE) Integer vintage) {

        SelectedCredits selection() {
            return new SelectedCredits(batch, serialRange, projectCode, vintage);
        }
    }

    /** What an action created or changed. */
    record Created(long id) {}

    // ---- public

    @GetMapping("/rounds")
    @Operation(summary = "Announced rounds, newest first, with what is on offer")
    List<RoundView> rounds() {
        return queries.publicRounds();
    }

    @GetMapping("/rounds/{id}")
    @Operation(summary = "One announced round")
    RoundView round(@PathVariable long id) {
        return queries.publicRound(id).orElseThrow(() -> notFound("market.round.not-found"));
    }

    @GetMapping("/rounds/{id}/results")
    @Operation(summary = "A settled round's results: bids, volume sold, min / VWAP / max price per project")
    Results results(@PathVariable long id) {
        return queries.results(id).orElseThrow(() -> notFound("market.results.none"));
    }

    @GetMapping("/prices")
    @Operation(summary = "Prices per fiscal year, project and source (round, reported or exchange)")
    List<PriceRow> prices() {
        return queries.prices();
    }

    @GetMapping("/prices/yearly")
    @Operation(summary = "Prices per fiscal year and source (round, reported or exchange)")
    List<PriceStatistic> yearly() {
        return prices.byFiscalYear();
    }

    // ---- signed in

    @GetMapping("/holdings")
    @PreAuthorize("isAuthenticated()")
    @SecurityRequirement(name = "apiToken")
    @Operation(summary = "My credits per account and batch (what I may consign or trade)")
    List<HeldCredits> holdings(@AuthenticationPrincipal AmamoPrincipal user) {
        return registry.holdings(user);
    }

    @PostMapping("/rounds/{id}/consignments")
    @PreAuthorize("isAuthenticated()")
    @SecurityRequirement(name = "apiToken")
    @Operation(
            summary = "Consign credits of one batch to a draft round's escrow (the account's holder): by batchId, or "
                    + "those selected (a batch, a serial range, or a project and vintage)")
    @ApiResponse(responseCode = "201", description = "Consigned: the consignment's id")
    ResponseEntity<Created> consign(
            @AuthenticationPrincipal AmamoPrincipal user,
            @PathVariable long id,
            @RequestBody ConsignmentRequest request,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        if (request.fromAccountId() == null || request.creditUnits() == null) {
            throw new RefusedException(HttpStatus.BAD_REQUEST, Refusal.of("$", "market.required"));
        }
        return created(rounds.consign(
                user, id, request.fromAccountId(), request.batchId(), request.selection(), request.creditUnits(), key));
    }

    @PostMapping("/rounds/{id}/bids")
    @PreAuthorize("isAuthenticated()")
    @SecurityRequirement(name = "apiToken")
    @Operation(summary = "Place a sealed bid (buyers) during the round's window")
    @ApiResponse(responseCode = "201", description = "Placed: the bid's id")
    ResponseEntity<Created> bid(
            @AuthenticationPrincipal AmamoPrincipal user, @PathVariable long id, @RequestBody BidRequest request) {
        return created(bidding.place(user, id, request.terms()));
    }

    @GetMapping("/bids")
    @PreAuthorize("isAuthenticated()")
    @SecurityRequirement(name = "apiToken")
    @Operation(summary = "My bids, newest first")
    List<BidView> myBids(@AuthenticationPrincipal AmamoPrincipal user) {
        return queries.bidsOf(user, null);
    }

    @PutMapping("/bids/{id}")
    @PreAuthorize("isAuthenticated()")
    @SecurityRequirement(name = "apiToken")
    @Operation(summary = "Change my bid while the window is open (it takes the time of the change)")
    Created change(
            @AuthenticationPrincipal AmamoPrincipal user, @PathVariable long id, @RequestBody BidRequest request) {
        return new Created(bidding.change(user, id, request.terms()).orThrow());
    }

    @DeleteMapping("/bids/{id}")
    @PreAuthorize("isAuthenticated()")
    @SecurityRequirement(name = "apiToken")
    @Operation(summary = "Withdraw my bid while the window is open")
    Created withdraw(@AuthenticationPrincipal AmamoPrincipal user, @PathVariable long id) {
        return new Created(bidding.withdraw(user, id).orThrow());
    }

    @GetMapping("/allocations")
    @PreAuthorize("isAuthenticated()")
    @SecurityRequirement(name = "apiToken")
    @Operation(summary = "Allocations I am party to, as buyer or seller")
    List<AllocationView> myAllocations(@AuthenticationPrincipal AmamoPrincipal user) {
        return queries.allocationsOf(user);
    }

    @PostMapping("/allocations/{id}/payment")
    @PreAuthorize("isAuthenticated()")
    @SecurityRequirement(name = "apiToken")
    @Operation(summary = "Confirm the buyer's payment (the seller); the registry then delivers or retires")
    AllocationView confirmPayment(@AuthenticationPrincipal AmamoPrincipal user, @PathVariable long id) {
        settlement.confirmPayment(user, id).orThrow();
        return queries.allocation(id, user.userId()).orElseThrow();
    }

    @PostMapping("/trades")
    @PreAuthorize("isAuthenticated()")
    @SecurityRequirement(name = "apiToken")
    @Operation(
            summary = "Transfer credits of one batch and report the trade's price (the sending account's holder): by "
                    + "batchId, or those selected (a batch, a serial range, or a project and vintage)")
    @ApiResponse(responseCode = "201", description = "Reported: the trade's id")
    ResponseEntity<Created> report(
            @AuthenticationPrincipal AmamoPrincipal user,
            @RequestBody TradeRequest request,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        return created(trades.report(
                user,
                new ReportedTrades.TradeTerms(
                        request.fromAccountId(),
                        request.toAccountId(),
                        request.batchId(),
                        request.creditUnits() == null ? 0 : request.creditUnits(),
                        request.priceJpy(),
                        request.selection()),
                key));
    }

    // ---- secretariat

    @PostMapping("/rounds")
    @PreAuthorize(SECRETARIAT)
    @SecurityRequirement(name = "apiToken")
    @Operation(summary = "Create a round (draft) with its escrow account (secretariat)")
    @ApiResponse(responseCode = "201", description = "Created: the round's id")
    // A new round names no other object and has no state yet: no 404 or 409.
    @ApiResponse(responseCode = "403", description = "The caller is not the secretariat")
    ResponseEntity<Created> create(@AuthenticationPrincipal AmamoPrincipal user, @RequestBody RoundRequest request) {
        return created(rounds.create(
                user,
                new Rounds.RoundTerms(
                        request.title(),
                        request.rules(),
                        request.minimumPriceJpy(),
                        request.opensAt(),
                        request.closesAt(),
                        request.paymentDays(),
                        request.titleEn(),
                        request.rulesEn())));
    }

    @PostMapping("/rounds/{id}/open")
    @PreAuthorize(SECRETARIAT)
    @SecurityRequirement(name = "apiToken")
    @Operation(summary = "Open (announce) a draft round (secretariat)")
    RoundView open(@AuthenticationPrincipal AmamoPrincipal user, @PathVariable long id) {
        return queries.round(rounds.open(user, id).orThrow()).orElseThrow();
    }

    @PostMapping("/rounds/{id}/close")
    @PreAuthorize(SECRETARIAT)
    @SecurityRequirement(name = "apiToken")
    @Operation(summary = "End bidding now (secretariat)")
    RoundView close(@AuthenticationPrincipal AmamoPrincipal user, @PathVariable long id) {
        return queries.round(rounds.close(user, id).orThrow()).orElseThrow();
    }

    @PostMapping("/rounds/{id}/allocate")
    @PreAuthorize(SECRETARIAT)
    @SecurityRequirement(name = "apiToken")
    @Operation(summary = "Allocate a closed round by the published rule (secretariat)")
    List<AllocationView> allocate(@AuthenticationPrincipal AmamoPrincipal user, @PathVariable long id) {
        settlement.allocate(user, id).orThrow();
        return queries.allocationsOfRound(id);
    }

    @PostMapping("/allocations/{id}/lapse")
    @PreAuthorize(SECRETARIAT)
    @SecurityRequirement(name = "apiToken")
    @Operation(summary = "Lapse an allocation unpaid at its deadline (secretariat)")
    Created lapse(@AuthenticationPrincipal AmamoPrincipal user, @PathVariable long id) {
        return new Created(settlement.lapse(user, id).orThrow());
    }

    private static ResponseEntity<Created> created(Outcome<Long> outcome) {
        return ResponseEntity.status(HttpStatus.CREATED).body(new Created(outcome.orThrow()));
    }

    private static RefusedException notFound(String key) {
        return new RefusedException(HttpStatus.NOT_FOUND, Refusal.of("$", key));
    }
}
