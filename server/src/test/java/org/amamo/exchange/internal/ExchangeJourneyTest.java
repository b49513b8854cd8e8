package org.amamo.exchange.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.amamo.exchange.internal.ExchangeRows.AuctionRow;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
import org.amamo.platform.SchemeTime;
import org.amamo.registry.CreditIssuance;
import org.amamo.registry.CreditType;
import org.amamo.registry.InitialHolder;
import org.amamo.registry.IssuanceRequest;
import org.amamo.registry.IssuanceResult;
import org.amamo.registry.MarketSettlement;
import org.amamo.testing.BrowserJourney;
import org.amamo.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * Issue 24's journey in a real browser, on the exchange's set clock (a business day of its own): the secretariat
 * approves three buyers; two sellers and the three buyers enter orders in the morning window; the public instrument
 * page shows the depth and the indicative price; the 11:30 auction runs at one price; a buyer asks for retirement on
 * its behalf; two sellers confirm payment (one delivered, one retired); the third contract lapses unpaid, the units
 * back with the seller and the lapse counted against the buyer; the public results, chart and the market's prices
 * show the exchange's price.
 */
@Import({ExchangeTestCalendar.class, ExchangeTestBook.class})
class ExchangeJourneyTest extends BrowserJourney {

    private static final AtomicInteger PROJECTS = new AtomicInteger(9400);

    @Autowired
    CreditIssuance issuance;

    @Autowired
    ExchangeStore store;

    @Autowired
    ExchangeTestBook book;

    @Autowired
    AuctionRun auctionRun;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    AuctionStore auctions;

    @Autowired
    ContractSettlement settlement;

    @Autowired
    MarketSettlement registryHoldings;

    record Seller(AmamoPrincipal user, long accountId, long batchId) {}

    private long instrumentId;

    @Test
    void twoSellersAndThreeBuyersMeetInTheAuctionAndThePublicSeesThePrice() throws Exception {
        LocalDate day = ExchangeTestCalendar.freshDay();
        ExchangeTestCalendar.CLOCK.setTokyo(day + "T09:30:00");
        AmamoPrincipal secretariat = users.create(Role.SECRETARIAT);
        Seller sellerA = seller();
        Seller sellerB = seller();
        AmamoPrincipal buyerX = users.create(Role.HOLDER);
        AmamoPrincipal buyerY = users.create(Role.HOLDER);
        AmamoPrincipal buyerZ = users.create(Role.HOLDER);

        // The secretariat opens the instrument of JBC removal credits without an ecosystem if there is none yet, and
        // approves the three buyers.
        browser.logIn(secretariat.email(), TestUsers.PASSWORD);
        browser.open("/secretariat/exchange");
        if (store.instrument("JBC", "REMOVAL", "none").isEmpty()) {
            browser.select("#programmeCode", "JBC");
            browser.select("#creditType", "REMOVAL");
            browser.select("#ecosystemGroup", "none");
            browser.type("#referencePriceJpy", "1000");
            browser.click("#instrument-submit");
        }
        instrumentId = store.instrument("JBC", "REMOVAL", "none").orElseThrow().id();
        book.clear(instrumentId);
        jdbc.sql("UPDATE exchange_instrument SET reference_price_jpy = 1000 WHERE id = ?")
                .param(instrumentId)
                .update();
        for (AmamoPrincipal buyer : List.of(buyerX, buyerY, buyerZ)) {
            browser.type("#email", buyer.email());
            browser.click("#trader-submit");
            assertThat(browser.text("#trader-" + buyer.userId())).contains(buyer.email());
        }
        browser.logOut();

        // Seller A sells 10 t at 1,000 yen until cancelled, seller B 6 t at 980 for the day; X buys 5 t at 1,020,
        // Y 8 t at 1,000 and Z 5 t at 990.
        order(sellerA.user(), sellerA, "SELL", "10", "1000", "GTC");
        order(sellerB.user(), sellerB, "SELL", "6", "980", "DAY");
        order(buyerX, null, "BUY", "5", "1020", "DAY");
        order(buyerY, null, "BUY", "8", "1000", "DAY");
        order(buyerZ, null, "BUY", "5", "990", "DAY");

        // The public depth: no names, the quantities per price.
        browser.open("/exchange/instruments/" + instrumentId);
        String depth = browser.text("#depth");
        assertThat(depth).contains("1,020").contains("990").contains("980");
        assertThat(depth).doesNotContain(buyerX.email());
        // The indicative price and volume: what the auction would execute with this book.
        assertThat(browser.text("#indicative-price")).isEqualTo("1,000");
        assertThat(browser.text("#indicative-volume")).isEqualTo("13");
        browser.screenshot("exchange-depth");

        // 11:30: the auction. At 1,000 yen 13 t are bought and 16 t offered: the volume is 13, X and Y fill, B's 6 t
        // below the price fill and A sells 7 of its 10 t.
        ExchangeTestCalendar.CLOCK.setTokyo(day + "T11:30:00");
        auctionRun.runDue();
        browser.logIn(sellerA.user().email(), TestUsers.PASSWORD);
        browser.open("/account/exchange");
        assertThat(browser.text("#orders .order-filled")).isEqualTo("7");
        browser.logOut();
        AuctionRow auction =
                auctions.auction(instrumentId, tokyo(day, "11:30:00")).orElseThrow();
        List<ExchangeRows.ContractRow> contracts = auctions.contractsOfAuction(auction.id());
        assertThat(contracts)
                .extracting(c -> c.tradingUnits() + "@" + c.amountJpy())
                .containsExactly("5@5000", "2@2000", "6@6000");
        long xa = contracts.get(0).id();
        long ya = contracts.get(1).id();
        long yb = contracts.get(2).id();

        // Y asks for its 6 t from B to be retired on its behalf.
        browser.logIn(buyerY.email(), TestUsers.PASSWORD);
        browser.open("/account/exchange");
        browser.script("document.getElementById('retirement-" + yb + "').open = true;");
        browser.type("#beneficiary-" + yb, "株式会社しおさい物流");
        browser.type("#emissionsOffset-" + yb, "2026年度 本社の電力使用");
        browser.click("#request-retirement-" + yb);
        assertThat(browser.text("#contract-" + yb + " .contract-delivery")).contains("無効化");
        browser.logOut();

        // The sellers confirm the payments they received, typing the amount: A for X's 5 t, B for Y's 6 t.
        browser.logIn(sellerA.user().email(), TestUsers.PASSWORD);
        browser.open("/account/exchange");
        browser.click("#confirm-payment-" + xa);
        browser.confirm("5000");
        assertThat(browser.text("#contract-" + xa + " .contract-status")).isEqualTo("決済済み");
        browser.logOut();
        browser.logIn(sellerB.user().email(), TestUsers.PASSWORD);
        browser.open("/account/exchange");
        browser.click("#confirm-payment-" + yb);
        browser.confirm("6000");
        assertThat(browser.text("#contract-" + yb + " .contract-status")).isEqualTo("決済済み");
        browser.logOut();

        // X's 5 t arrived in its holding account; Y's 6 t were retired for it, with a certificate.
        assertThat(heldBy(buyerX)).isEqualTo(50);
        browser.logIn(buyerY.email(), TestUsers.PASSWORD);
        browser.open("/account/exchange");
        assertThat(browser.present("#contract-" + yb + " .retirement-certificate"))
                .isTrue();
        browser.click("#contract-" + yb + " .retirement-link");
        assertThat(browser.pageText()).contains("株式会社しおさい物流").contains("6.0");
        browser.logOut();

        // Y never pays A for its 2 t: after the settlement date the contract lapses, A has its units back, and the
        // lapse counts against Y.
        ExchangeTestCalendar.CLOCK.setTokyo(day.plusDays(8) + "T10:00:00");
        settlement.lapseDue();
        browser.logIn(sellerA.user().email(), TestUsers.PASSWORD);
        browser.open("/account/exchange");
        assertThat(browser.text("#contract-" + ya + " .contract-status")).isEqualTo("失効");
        browser.logOut();
        assertThat(registryHoldings.unitsOfBatch(sellerA.accountId(), sellerA.batchId()))
                .isEqualTo(1_000 - 100 + 20);
        browser.logIn(buyerY.email(), TestUsers.PASSWORD);
        browser.open("/account/exchange");
        assertThat(browser.text("#lapses")).contains("1");
        browser.logOut();

        // The public results: the price, the volume and the contracts, the chart, the CSV; and the market's prices
        // show the exchange's beside the rounds'.
        browser.open("/exchange/instruments/" + instrumentId);
        String results = browser.text("#auction-" + auction.id());
        assertThat(results).contains("1,000").contains("13").contains("3");
        assertThat(browser.present("#exchange-chart")).isTrue();
        assertThat(browser.consoleErrors()).isEmpty();
        browser.screenshot("exchange-results");
        browser.open("/exchange/results?lang=en");
        assertThat(browser.text("#auction-" + auction.id())).contains("1,000").contains("13");
        browser.viewport(390, 844);
        browser.open("/exchange/instruments/" + instrumentId + "?lang=ja");
        browser.screenshot("exchange-results-phone");
        browser.open("/market/prices");
        assertThat(browser.text("#prices")).contains("取引所").contains("1,000");
    }

    /** Enters an order on the holder's exchange page; a sell order names the seller's batch. */
    private void order(AmamoPrincipal user, Seller seller, String side, String units, String price, String validity) {
        browser.logIn(user.email(), TestUsers.PASSWORD);
        browser.open("/account/exchange");
        browser.select("#instrumentId", Long.toString(instrumentId));
        browser.select("#side", side);
        browser.type("#limitPriceJpy", price);
        browser.type("#tradingUnits", units);
        browser.select("#validity", validity);
        if (seller != null) {
            browser.select("#holding", seller.accountId() + ":" + seller.batchId());
        }
        browser.click("#order-submit");
        assertThat(browser.text(".flash")).isNotBlank();
        assertThat(browser.text("#orders"))
                .contains(
                        price.length() > 3
                                ? price.substring(0, price.length() - 3) + "," + price.substring(price.length() - 3)
                                : price);
        browser.logOut();
    }

    private static Instant tokyo(LocalDate day, String time) {
        return LocalDateTime.parse(day + "T" + time).atZone(SchemeTime.ZONE).toInstant();
    }

    /** The registry units a holder holds in all its accounts. */
    private long heldBy(AmamoPrincipal holder) {
        return registryHoldings.holdings(holder).stream()
                .mapToLong(org.amamo.registry.HeldCredits::creditUnits)
                .sum();
    }

    private Seller seller() {
        AmamoPrincipal user = users.create(Role.HOLDER);
        int project = PROJECTS.incrementAndGet();
        String code = Integer.toString(project);
        IssuanceResult issued = issuance.issue(new IssuanceRequest(
                project,
                code,
                "三河湾 アマモ場 " + code,
                "JBC",
                2025,
                "JBE-2.3",
                CreditType.REMOVAL,
                "JBE",
                1_000,
                List.of(InitialHolder.user(user.userId(), "100")),
                "exchange-journey-" + code));
        assertThat(issued.refusals()).isEmpty();
        return new Seller(user, issued.allocations().get(0).accountId(), issued.batchId());
    }
}
