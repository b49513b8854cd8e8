package org.amamo.market.internal;

import java.util.Locale;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.market.internal.MarketForms.BidForm;
import org.amamo.market.internal.MarketViews.PriceRow;
import org.amamo.market.internal.MarketViews.RoundView;
import org.amamo.platform.CsvTable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The public market: announced rounds (購入者公募のお知らせ) with what is on offer, their results once settled, and
 * the prices per project and fiscal year (CSV too). A signed-in buyer finds the bid form on the round's page.
 */
@Controller
class MarketPublicController {

    /** Stable columns, documented in the README; new ones are added at the end. */
    static final String[] PRICES_HEADER = {
        "fiscal_year",
        "project_code",
        "project_name",
        "source",
        "trades",
        "t_co2",
        "minimum_price_jpy",
        "average_price_jpy",
        "maximum_price_jpy"
    };

    private final MarketQueries queries;
    private final Bidding bidding;

    MarketPublicController(MarketQueries queries, Bidding bidding) {
        this.queries = queries;
        this.bidding = bidding;
    }

    @GetMapping("/market")
    String index(Model model) {
        model.addAttribute("rounds", queries.publicRounds());
        return "market/index";
    }

    @GetMapping("/market/rounds/{id}")
    String round(@AuthenticationPrincipal AmamoPrincipal user, @PathVariable long id, Model model) {
        if (!model.containsAttribute("bid")) {
            model.addAttribute("bid", new BidForm());
        }
        return roundPage(user, id, model);
    }

    /** The round's page, also shown again with a refused bid's errors. */
    String roundPage(AmamoPrincipal user, long id, Model model) {
        RoundView round = queries.publicRound(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("round", round);
        model.addAttribute("projects", queries.offeredProjects(id));
        model.addAttribute("purposes", bidding.retirementPurposes());
        model.addAttribute("results", queries.results(id).orElse(null));
        model.addAttribute(
                "takesBids",
                round.status() == RoundStatus.OPEN
                        && !bidding.now().isBefore(round.opensAt())
                        && bidding.now().isBefore(round.closesAt()));
        model.addAttribute("buyer", user != null && Bidding.buyer(user));
        model.addAttribute("myBids", user == null ? java.util.List.of() : queries.bidsOf(user, id));
        return "market/round";
    }

    @GetMapping("/market/prices")
    String prices(Model model) {
        model.addAttribute("prices", queries.prices());
        return "market/prices";
    }

    @GetMapping("/market/prices.csv")
    ResponseEntity<byte[]> pricesCsv() {
        CsvTable csv = new CsvTable(PRICES_HEADER);
        for (PriceRow row : queries.prices()) {
            csv.row(
                    row.fiscalYear(),
                    row.projectCode(),
                    row.projectName(),
                    row.source().name().toLowerCase(Locale.ROOT),
                    row.trades(),
                    CsvTable.tonnes(row.creditUnits()),
                    row.minimumPriceJpy(),
                    row.averagePriceJpy(),
                    row.maximumPriceJpy());
        }
        return csv.download("prices.csv");
    }
}
