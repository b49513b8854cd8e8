package org.amamo.exchange.internal;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.amamo.exchange.Order;
import org.amamo.exchange.internal.ExchangeDataViews.AuctionResultView;
import org.amamo.exchange.internal.ExchangeDataViews.IndicativeView;
import org.amamo.platform.CsvTable;
import org.amamo.platform.SchemeTime;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The public exchange: the instruments with reference price, price limits, status, next auction, indicative price
 * and volume and latest result; the trading calendar; each instrument's order book depth by price level (no
 * identities), indicative price and auction results with a chart; the results of all auctions as a page and CSV.
 */
@Controller
class ExchangePublicController {

    /**
     * The columns of {@code /exchange/results.csv}, in a stable order (docs/open-data.md): new columns go at the end.
     */
    static final String[] RESULTS_HEADER = {
        "auction_id",
        "instrument_id",
        "programme_code",
        "credit_type",
        "ecosystem_group",
        "auction_at",
        "trading_day",
        "executed",
        "execution_price_jpy",
        "executed_t_co2",
        "contracts",
        "reference_price_jpy",
        "lower_limit_jpy",
        "upper_limit_jpy",
        "buy_orders",
        "buy_t_co2",
        "sell_orders",
        "sell_t_co2",
        "next_reference_price_jpy"
    };

    /** An auction's time in the CSV: Japan time with its offset, e.g. 2027-01-05T11:30:00+09:00. */
    private static final DateTimeFormatter AUCTION_AT =
            DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(SchemeTime.ZONE);

    /**
     * The auctions an instrument's page lists (25 business days); its chart, the API and the CSV have more. The
     * results page lists four times as many, of all instruments.
     */
    static final int PAGE_RESULTS = 50;

    private final ExchangeQueries queries;
    private final ExchangeMarketData data;

    ExchangePublicController(ExchangeQueries queries, ExchangeMarketData data) {
        this.queries = queries;
        this.data = data;
    }

    /** Trading units as t-CO2 with one decimal, as the other CSVs write tonnes. */
    private static java.math.BigDecimal tonnes(long tradingUnits) {
        return CsvTable.tonnes(tradingUnits * Order.REGISTRY_UNITS_PER_TRADING_UNIT);
    }

    @GetMapping("/exchange")
    String index(Model model) {
        model.addAttribute("instruments", queries.instruments());
        model.addAttribute("calendar", queries.calendar());
        model.addAttribute("indicative", data.indicative());
        model.addAttribute("latest", data.latestByInstrument());
        return "exchange/index";
    }

    @GetMapping("/exchange/instruments/{id}")
    String instrument(@PathVariable long id, Model model) {
        model.addAttribute(
                "instrument",
                queries.instrument(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        IndicativeView indicative = data.indicative(id).orElseThrow();
        model.addAttribute("indicative", indicative);
        model.addAttribute("depth", indicative.depth());
        model.addAttribute("results", data.results(id, PAGE_RESULTS));
        model.addAttribute("calendar", queries.calendar());
        return "exchange/instrument";
    }

    @GetMapping("/exchange/results")
    String results(Model model) {
        model.addAttribute("results", data.latestResults(PAGE_RESULTS * 4));
        return "exchange/results";
    }

    /** Every auction, oldest first; times in Japan time (ISO 8601 with offset). */
    @GetMapping("/exchange/results.csv")
    ResponseEntity<byte[]> resultsCsv() {
        CsvTable csv = new CsvTable(RESULTS_HEADER);
        for (AuctionResultView result : data.allResults()) {
            csv.row(
                    result.auctionId(),
                    result.instrumentId(),
                    result.programmeCode(),
                    result.creditType().toLowerCase(Locale.ROOT),
                    result.ecosystemGroup(),
                    AUCTION_AT.format(result.auctionAt()),
                    result.tradingDay(),
                    result.executed(),
                    result.executionPriceJpy(),
                    tonnes(result.executedTradingUnits()),
                    result.contracts(),
                    result.referencePriceJpy(),
                    result.lowerLimitJpy(),
                    result.upperLimitJpy(),
                    result.buyOrders(),
                    tonnes(result.buyTradingUnits()),
                    result.sellOrders(),
                    tonnes(result.sellTradingUnits()),
                    result.nextReferencePriceJpy());
        }
        return csv.download("exchange-results.csv");
    }
}
