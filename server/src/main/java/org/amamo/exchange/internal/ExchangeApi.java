package org.amamo.exchange.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
import org.amamo.exchange.internal.ExchangeViews.CalendarView;
import org.amamo.exchange.internal.ExchangeViews.DepthLevel;
import org.amamo.exchange.internal.ExchangeViews.InstrumentView;
import org.amamo.exchange.internal.ExchangeViews.OrderView;
import org.amamo.exchange.internal.ExchangeViews.TraderView;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.platform.ApiController;
import org.amamo.platform.Outcome;
import org.amamo.platform.Refusal;
import org.amamo.platform.RefusedException;
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

/**
 * The exchange's REST API. Public: instruments with reference price, price limits and next auction; the order book's
 * depth per price level (no identities); the trading calendar. With a token: my orders; enter, change and cancel a
 * limit order while an order window is open (buyers approved by the secretariat; a sell order's units go into the
 * instrument's escrow at entry). Secretariat: create, suspend and reopen instruments; approve and revoke traders.
 * Prices are whole yen per t-CO2, quantities trading units of 1 t-CO2 (10 registry units). Refusals answer
 * 400/403/404/409 with {@code errors: [{field, message}]}.
 */
@ApiController("/api/v1/exchange")
@Tag(name = "Exchange", description = "Instruments, limit orders with escrow, order book depth, trading calendar")
class ExchangeApi {

    private static final String SECRETARIAT = "hasAnyRole('SECRETARIAT', 'ADMINISTRATOR')";

    private final Instruments instruments;
    private final OrderDesk orders;
    private final ExchangeQueries queries;

    ExchangeApi(Instruments instruments, OrderDesk orders, ExchangeQueries queries) {
        this.instruments = instruments;
        this.orders = orders;
        this.queries = queries;
    }

    /** A new instrument: its trading category and initial reference price. */
    record InstrumentRequest(
            @Schema(description = "The programme's code, e.g. JBC")
            String programmeCode,

            @Schema(description = "REMOVAL or REDUCTION") String creditType,

            @Schema(
                    description = "seagrass, seaweed, tidal-flat, mangrove, seaweed-farm, mixed (a project of several "
                            + "ecosystems) or none (no ecosystem: reductions, or credits issued for no certified "
                            + "application)")
            String ecosystemGroup,

            @Schema(
                    description = "The initial reference price, whole yen per t-CO2; the price limits are 90 % either "
                            + "side of it")
            BigDecimal referencePriceJpy) {}

    /**
     * A limit order. A sell order names the account its units come from and the batch, by {@code batchId} or by one
     * selection ({@code batch}, {@code serialRange}, or {@code projectCode} with {@code vintage}), as for the market's
     * consignments; the batch must be of the instrument's trading category.
     */
    record OrderRequest(
            @Schema(description = "BUY or SELL") String side,

            @Schema(description = "Whole yen per t-CO2, inside the instrument's price limits")
            BigDecimal limitPriceJpy,

            @Schema(description = "Trading units of 1 t-CO2 (10 registry units), 1 to 1,000,000")
            BigDecimal tradingUnits,

            @Schema(description = "DAY (the default: for the trading day) or GTC (until cancelled)")
            String validity,

            @Schema(description = "A sell order: my holding account the units come from")
            Long fromAccountId,

            @Schema(description = "A sell order: the batch's id (see GET /api/v1/market/holdings); or a selection")
            Long batchId,

            @Schema(description = "Instead of batchId: the lowest serials of this batch, e.g. JBC-2025-0003-01")
            String batch,

            @Schema(
                    description = "Instead of batchId: exactly these serials of one batch; their count must be "
                            + "tradingUnits × 10")
            String serialRange,

            @Schema(description = "Instead of batchId, with vintage: the lowest serials of this project's batches")
            String projectCode,

            @Schema(description = "With projectCode: the vintage")
            Integer vintage) {

        OrderDesk.OrderTerms terms() {
            return new OrderDesk.OrderTerms(
                    side,
                    limitPriceJpy,
                    tradingUnits,
                    validity,
                    fromAccountId,
                    batchId,
                    new SelectedCredits(batch, serialRange, projectCode, vintage));
        }
    }

    /** A change of my order; an absent field stays as it was. */
    record ChangeRequest(BigDecimal limitPriceJpy, BigDecimal tradingUnits, String validity) {}

    /** What an action created or changed. */
    record Created(long id) {}

    // ---- public

    @GetMapping("/instruments")
    @Operation(summary = "The instruments with reference price, price limits, status and next auction")
    List<InstrumentView> instruments() {
        return queries.instruments();
    }

    @GetMapping("/instruments/{id}")
    @Operation(summary = "One instrument")
    InstrumentView instrument(@PathVariable long id) {
        return queries.instrument(id).orElseThrow(() -> notFound("exchange.instrument.not-found"));
    }

    @GetMapping("/instruments/{id}/depth")
    @Operation(summary = "The order book's depth: per limit price (highest first), trading units to buy and to sell")
    List<DepthLevel> depth(@PathVariable long id) {
        queries.instrument(id).orElseThrow(() -> notFound("exchange.instrument.not-found"));
        return queries.depth(id);
    }

    @GetMapping("/calendar")
    @Operation(summary = "The trading calendar: sessions, coming holidays, whether orders are taken now, what is next")
    CalendarView calendar() {
        return queries.calendar();
    }

    // ---- signed in

    @GetMapping("/orders")
    @PreAuthorize("isAuthenticated()")
    @SecurityRequirement(name = "apiToken")
    @Operation(summary = "My orders, newest first")
    List<OrderView> myOrders(@AuthenticationPrincipal AmamoPrincipal user) {
        return queries.ordersOf(user.userId());
    }

    @PostMapping("/instruments/{id}/orders")
    @PreAuthorize("isAuthenticated()")
    @SecurityRequirement(name = "apiToken")
    @Operation(
            summary = "Enter a limit order while an order window is open; a sell order's units move into the "
                    + "instrument's escrow")
    @ApiResponse(responseCode = "201", description = "Entered: the order's id")
    @ApiResponse(responseCode = "403", description = "A buyer not approved for trading, or an account not mine")
    @ApiResponse(responseCode = "404", description = "No such instrument, batch or account")
    @ApiResponse(
            responseCode = "409",
            description = "No order window open, the instrument suspended, more units than I hold, a batch of "
                    + "another trading category")
    ResponseEntity<Created> enter(
            @AuthenticationPrincipal AmamoPrincipal user, @PathVariable long id, @RequestBody OrderRequest request) {
        return created(orders.enter(user, id, request.terms()));
    }

    @PutMapping("/orders/{id}")
    @PreAuthorize("isAuthenticated()")
    @SecurityRequirement(name = "apiToken")
    @Operation(
            summary = "Change my order's limit price, quantity or validity while an order window is open (a new price "
                    + "or a larger quantity loses time priority)")
    @ApiResponse(responseCode = "200", description = "Changed: the order as it now stands")
    @ApiResponse(responseCode = "403", description = "Not my order")
    @ApiResponse(responseCode = "404", description = "No such order")
    @ApiResponse(
            responseCode = "409",
            description =
                    "No order window open, the instrument suspended, the order not active, more units than I hold")
    OrderView change(
            @AuthenticationPrincipal AmamoPrincipal user, @PathVariable long id, @RequestBody ChangeRequest request) {
        long changed = orders.change(
                        user,
                        id,
                        new OrderDesk.ChangeTerms(request.limitPriceJpy(), request.tradingUnits(), request.validity()))
                .orThrow();
        return queries.order(changed, user.userId()).orElseThrow();
    }

    @DeleteMapping("/orders/{id}")
    @PreAuthorize("isAuthenticated()")
    @SecurityRequirement(name = "apiToken")
    @Operation(summary = "Cancel my order while an order window is open; a sell order's units return to my account")
    @ApiResponse(responseCode = "200", description = "Cancelled: the order as it now stands")
    @ApiResponse(responseCode = "403", description = "Not my order")
    @ApiResponse(responseCode = "404", description = "No such order")
    @ApiResponse(responseCode = "409", description = "No order window open, or the order not active")
    OrderView cancel(@AuthenticationPrincipal AmamoPrincipal user, @PathVariable long id) {
        long cancelled = orders.cancel(user, id).orThrow();
        return queries.order(cancelled, user.userId()).orElseThrow();
    }

    // ---- secretariat

    @PostMapping("/instruments")
    @PreAuthorize(SECRETARIAT)
    @SecurityRequirement(name = "apiToken")
    @Operation(summary = "Create an instrument (open) with its escrow account (secretariat)")
    @ApiResponse(responseCode = "201", description = "Created: the instrument's id")
    @ApiResponse(responseCode = "403", description = "The caller is not the secretariat")
    @ApiResponse(responseCode = "409", description = "The trading category has an instrument already")
    ResponseEntity<Created> create(
            @AuthenticationPrincipal AmamoPrincipal user, @RequestBody InstrumentRequest request) {
        return created(instruments.create(
                user,
                new Instruments.InstrumentTerms(
                        request.programmeCode(),
                        request.creditType(),
                        request.ecosystemGroup(),
                        request.referencePriceJpy())));
    }

    @PostMapping("/instruments/{id}/suspend")
    @PreAuthorize(SECRETARIAT)
    @SecurityRequirement(name = "apiToken")
    @Operation(summary = "Suspend an open instrument: no orders entered or changed (secretariat)")
    InstrumentView suspend(@AuthenticationPrincipal AmamoPrincipal user, @PathVariable long id) {
        return queries.instrument(instruments.suspend(user, id).orThrow()).orElseThrow();
    }

    @PostMapping("/instruments/{id}/reopen")
    @PreAuthorize(SECRETARIAT)
    @SecurityRequirement(name = "apiToken")
    @Operation(summary = "Reopen a suspended instrument (secretariat)")
    InstrumentView reopen(@AuthenticationPrincipal AmamoPrincipal user, @PathVariable long id) {
        return queries.instrument(instruments.reopen(user, id).orThrow()).orElseThrow();
    }

    @GetMapping("/traders")
    @PreAuthorize(SECRETARIAT)
    @SecurityRequirement(name = "apiToken")
    @Operation(summary = "Holders approved for trading, and revoked approvals (secretariat)")
    List<TraderView> traders() {
        return queries.traders();
    }

    @PutMapping("/traders/{userId}")
    @PreAuthorize(SECRETARIAT)
    @SecurityRequirement(name = "apiToken")
    @Operation(summary = "Approve a holder (a user with the holder role) for trading (secretariat)")
    Created approve(@AuthenticationPrincipal AmamoPrincipal user, @PathVariable long userId) {
        return new Created(instruments.decideTrader(user, userId, null, true).orThrow());
    }

    @DeleteMapping("/traders/{userId}")
    @PreAuthorize(SECRETARIAT)
    @SecurityRequirement(name = "apiToken")
    @Operation(summary = "Revoke a trader's approval: no new buy orders (secretariat)")
    Created revoke(@AuthenticationPrincipal AmamoPrincipal user, @PathVariable long userId) {
        return new Created(instruments.decideTrader(user, userId, null, false).orThrow());
    }

    private static ResponseEntity<Created> created(Outcome<Long> outcome) {
        return ResponseEntity.status(HttpStatus.CREATED).body(new Created(outcome.orThrow()));
    }

    private static RefusedException notFound(String key) {
        return new RefusedException(HttpStatus.NOT_FOUND, Refusal.of("$", key));
    }
}
