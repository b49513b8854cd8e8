package org.amamo.exchange.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.amamo.exchange.internal.ExchangeDataViews.AuctionResultView;
import org.amamo.exchange.internal.ExchangeDataViews.IndicativeView;
import org.amamo.platform.ApiController;
import org.amamo.platform.Refusal;
import org.amamo.platform.RefusedException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The exchange's public market data in the REST API: before an auction, its indicative price and volume with the
 * book's depth; after it, the auctions' results. Public, no identities; prices in whole yen per t-CO2, quantities
 * in trading units of 1 t-CO2.
 */
@ApiController("/api/v1/exchange")
@Tag(name = "Exchange", description = "Instruments, limit orders with escrow, order book depth, trading calendar")
class ExchangeDataApi {

    private final ExchangeMarketData data;
    private final ExchangeQueries queries;

    ExchangeDataApi(ExchangeMarketData data, ExchangeQueries queries) {
        this.data = data;
        this.queries = queries;
    }

    @GetMapping("/instruments/{id}/indicative")
    @Operation(
            summary = "What the next auction would do with the book now: the indicative price and volume, the "
                    + "reference price and limits, and the depth per limit price (no identities)")
    @ApiResponse(responseCode = "200", description = "The indicative price and volume now")
    @ApiResponse(responseCode = "404", description = "No such instrument")
    IndicativeView indicative(@PathVariable long id) {
        return data.indicative(id).orElseThrow(ExchangeDataApi::noInstrument);
    }

    @GetMapping("/results")
    @Operation(
            summary = "The auctions' results, latest first (at most 500): execution price (null: no execution), "
                    + "volume, contracts, the book per side, reference price and limits")
    @ApiResponse(responseCode = "200", description = "The results, latest first")
    @ApiResponse(responseCode = "404", description = "No such instrument")
    List<AuctionResultView> results(
            @Parameter(description = "Only this instrument's auctions") @RequestParam(required = false)
                    Long instrumentId) {
        if (instrumentId == null) {
            return data.latestResults(ExchangeMarketData.RESULTS_LIMIT);
        }
        queries.instrument(instrumentId).orElseThrow(ExchangeDataApi::noInstrument);
        return data.results(instrumentId, ExchangeMarketData.RESULTS_LIMIT);
    }

    private static RefusedException noInstrument() {
        return new RefusedException(HttpStatus.NOT_FOUND, Refusal.of("$", "exchange.instrument.not-found"));
    }
}
