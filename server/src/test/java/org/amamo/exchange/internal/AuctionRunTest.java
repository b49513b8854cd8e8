package org.amamo.exchange.internal;

import static org.amamo.testing.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.amamo.exchange.internal.ExchangeRows.AuctionRow;
import org.amamo.exchange.internal.ExchangeRows.ContractRow;
import org.amamo.exchange.internal.ExchangeRows.OrderRow;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
import org.amamo.platform.SchemeTime;
import org.amamo.registry.CreditIssuance;
import org.amamo.registry.CreditType;
import org.amamo.registry.InitialHolder;
import org.amamo.registry.IssuanceRequest;
import org.amamo.registry.IssuanceResult;
import org.amamo.registry.MarketSettlement;
import org.amamo.testing.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The auction scheduler on a set clock (each test on a business day of its own, Japan time; Friday 1 January 2027
 * is a holiday): an
 * auction runs at 11:30 and 15:00, not while a window is open, once whatever runs it (a second pass, a second server,
 * a restart after a crash before its commit), with the book's fills, contracts settling on T+5 business days and the
 * new reference price; day orders end after the day's last auction and a sell order's open units come back from
 * escrow, while orders valid until cancelled stay; a suspended instrument has no auction. The ledger's invariants and
 * journal hold after each test.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({TestUsers.class, ExchangeTestCalendar.class, ExchangeTestBook.class})
class AuctionRunTest {

    private static final AtomicInteger PROJECTS = new AtomicInteger(800);

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    CreditIssuance issuance;

    @Autowired
    MarketSettlement registry;

    @Autowired
    ObjectMapper json;

    @Autowired
    AuctionRun auctionRun;

    @Autowired
    AuctionStore auctions;

    @Autowired
    ExchangeStore store;

    @Autowired
    ExchangeTestBook book;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    private AmamoPrincipal secretariat;
    private LocalDate day;
    private long instrumentId;
    private long escrow;

    @BeforeEach
    void aTuesdayMorningWithAnEmptyBookAtAReferenceOf1000Yen() throws Exception {
        day = ExchangeTestCalendar.freshDay();
        at("10:00:00");
        secretariat = users.create(Role.SECRETARIAT);
        instrumentId = instrument();
        book.clear(instrumentId);
        jdbc.sql("UPDATE exchange_instrument SET reference_price_jpy = 1000, status = 'OPEN', status_changed_at = NULL"
                        + " WHERE id = ?")
                .param(instrumentId)
                .update();
        escrow = store.instrument(instrumentId).orElseThrow().escrowAccountId();
    }

    @AfterEach
    void ledgerStaysSound() throws Exception {
        mvc.perform(get("/api/v1/registry/invariants").with(as(secretariat)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.violations").isEmpty());
        mvc.perform(get("/api/v1/registry/journal/verify").with(as(secretariat)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.intact").value(true));
    }

    @Test
    void the1130AuctionRunsOnceAtItsTimeWithContractsSettlingOnTPlus5AndTheNewReferencePrice() throws Exception {
        Seller early = seller();
        Seller late = seller();
        long sellEarly = sell(early, 10, 1_000, "GTC");
        long sellLate = sell(late, 5, 990, "DAY");
        AmamoPrincipal x = buyer();
        AmamoPrincipal y = buyer();
        long buyX = buy(x, 8, 1_010);
        long buyY = buy(y, 10, 1_000);

        at("11:29:59");
        auctionRun.runDue();
        assertThat(auctions.auction(instrumentId, tokyo("11:30:00"))).isEmpty();

        at("11:30:00");
        auctionRun.runDue();
        AuctionRow auction = auctions.auction(instrumentId, tokyo("11:30:00")).orElseThrow();
        // Demand 18 and supply 15 at 1,000 yen: the volume is 15; the buy above gets 8, the earlier buy at the price 7.
        assertThat(auction.executionPriceJpy()).isEqualTo(1_000);
        assertThat(auction.executedTradingUnits()).isEqualTo(15);
        assertThat(auction.referencePriceJpy()).isEqualTo(1_000);
        assertThat(auction.buyOrders()).isEqualTo(2);
        assertThat(auction.buyTradingUnits()).isEqualTo(18);
        assertThat(auction.sellOrders()).isEqualTo(2);
        assertThat(auction.sellTradingUnits()).isEqualTo(15);
        List<ContractRow> contracts = auctions.contractsOfAuction(auction.id());
        assertThat(contracts)
                .extracting(c -> c.buyOrderId() + ">" + c.sellOrderId() + ":" + c.tradingUnits() + "@" + c.amountJpy())
                .containsExactly(
                        buyX + ">" + sellEarly + ":8@8000",
                        buyY + ">" + sellEarly + ":2@2000",
                        buyY + ">" + sellLate + ":5@5000");
        assertThat(contracts).allSatisfy(c -> {
            assertThat(c.status()).isEqualTo("AWAITING_PAYMENT");
            assertThat(c.tradeDate()).isEqualTo(day);
            assertThat(c.settlementDate()).isEqualTo(day.plusWeeks(1));
            assertThat(c.escrowAccountId()).isEqualTo(escrow);
        });
        assertThat(contracts.get(0).sellerAccountId()).isEqualTo(early.accountId());
        assertThat(contracts.get(0).batchId()).isEqualTo(early.batchId());
        assertThat(contracts.get(2).buyerUserId()).isEqualTo(y.userId());
        assertThat(contracts.get(2).sellerUserId()).isEqualTo(late.user().userId());

        assertThat(order(buyX))
                .extracting(OrderRow::status, OrderRow::filledUnits)
                .containsExactly(OrderStatus.FILLED, 8L);
        assertThat(order(buyY))
                .extracting(OrderRow::status, OrderRow::filledUnits)
                .containsExactly(OrderStatus.ACTIVE, 7L);
        assertThat(order(sellEarly))
                .extracting(OrderRow::status, OrderRow::escrowedUnits)
                .containsExactly(OrderStatus.FILLED, 0L);
        assertThat(order(sellLate).status()).isEqualTo(OrderStatus.FILLED);
        // The sold units rest in escrow under their contracts until they settle.
        assertThat(registry.unitsOfBatch(escrow, early.batchId())).isEqualTo(100);
        assertThat(registry.unitsOfBatch(escrow, late.batchId())).isEqualTo(50);
        assertThat(store.instrument(instrumentId).orElseThrow().referencePriceJpy())
                .isEqualTo(1_000);
        // The rest of the buy stays in the book: the depth shows 3 t to buy at 1,000 yen.
        mvc.perform(get("/api/v1/exchange/instruments/{id}/depth", instrumentId))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].priceJpy").value(1_000))
                .andExpect(jsonPath("$[0].buyTradingUnits").value(3));

        // A second pass, a second run of the same auction: nothing again.
        at("11:45:00");
        auctionRun.runDue();
        assertThat(auctionRun.run(instrumentId, tokyo("11:30:00")).orElseThrow().id())
                .isEqualTo(auction.id());
        assertThat(auctions.contractsOfAuction(auction.id())).hasSize(3);
        assertThat(order(buyY).filledUnits()).isEqualTo(7);
    }

    @Test
    void aChangeOfAPartlyFilledOrderKeepsItsFilledUnitsAndMayNotGoBelowThem() throws Exception {
        Seller seller = seller();
        sell(seller, 4, 1_000, "GTC");
        AmamoPrincipal buyer = buyer();
        long buyId = buy(buyer, 10, 1_000);
        at("11:30:00");
        auctionRun.runDue();
        assertThat(order(buyId).filledUnits()).isEqualTo(4);

        at("13:00:00");
        mvc.perform(put("/api/v1/exchange/orders/{id}", buyId)
                        .with(as(buyer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"tradingUnits\": 4}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("tradingUnits"));
        mvc.perform(put("/api/v1/exchange/orders/{id}", buyId)
                        .with(as(buyer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"tradingUnits\": 6}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tradingUnits").value(6))
                .andExpect(jsonPath("$.filledUnits").value(4));
        mvc.perform(get("/api/v1/exchange/instruments/{id}/depth", instrumentId))
                .andExpect(jsonPath("$[0].buyTradingUnits").value(2));
    }

    @Test
    void dayOrdersEndAfterTheDaysLastAuctionAndASellOrdersOpenUnitsReturnWhileGoodTillCancelledOrdersStay()
            throws Exception {
        Seller seller = seller();
        long daySell = sell(seller, 10, 1_500, "DAY");
        long gtcSell = sell(seller, 3, 1_600, "GTC");
        AmamoPrincipal buyer = buyer();
        long dayBuy = buy(buyer, 5, 500);
        assertThat(registry.unitsOfBatch(seller.accountId(), seller.batchId())).isEqualTo(1_000 - 130);

        at("11:30:05");
        auctionRun.runDue();
        AuctionRow morning = auctions.auction(instrumentId, tokyo("11:30:00")).orElseThrow();
        assertThat(morning.executionPriceJpy()).isNull();
        assertThat(morning.executedTradingUnits()).isZero();
        assertThat(order(daySell).status()).isEqualTo(OrderStatus.ACTIVE);

        at("15:00:00");
        auctionRun.runDue();
        assertThat(auctions.auction(instrumentId, tokyo("15:00:00"))).isPresent();
        assertThat(order(daySell))
                .extracting(OrderRow::status, OrderRow::escrowedUnits)
                .containsExactly(OrderStatus.EXPIRED, 0L);
        assertThat(order(dayBuy).status()).isEqualTo(OrderStatus.EXPIRED);
        assertThat(order(gtcSell))
                .extracting(OrderRow::status, OrderRow::escrowedUnits)
                .containsExactly(OrderStatus.ACTIVE, 30L);
        assertThat(registry.unitsOfBatch(seller.accountId(), seller.batchId())).isEqualTo(1_000 - 30);
        assertThat(registry.unitsOfBatch(escrow, seller.batchId())).isEqualTo(30);
        mvc.perform(get("/api/v1/exchange/orders").with(as(seller.user())))
                .andExpect(jsonPath("$[?(@.id == " + daySell + ")].status").value("EXPIRED"));
    }

    @Test
    void aRestartDuringAnAuctionLeavesNothingAndTheAuctionRunsWholeOnTheNextPass() throws Exception {
        Seller seller = seller();
        long sellId = sell(seller, 5, 1_000, "GTC");
        long buyId = buy(buyer(), 5, 1_000);
        at("11:30:01");

        // The server stops after the auction's writes, before its commit.
        try {
            new TransactionTemplate(transactionManager).executeWithoutResult(tx -> {
                assertThat(auctionRun.run(instrumentId, tokyo("11:30:00"))).isPresent();
                throw new IllegalStateException("the server stops");
            });
        } catch (IllegalStateException stopped) {
            assertThat(stopped).hasMessage("the server stops");
        }
        assertThat(auctions.auction(instrumentId, tokyo("11:30:00"))).isEmpty();
        assertThat(order(sellId))
                .extracting(OrderRow::status, OrderRow::filledUnits)
                .containsExactly(OrderStatus.ACTIVE, 0L);
        assertThat(store.instrument(instrumentId).orElseThrow().referencePriceJpy())
                .isEqualTo(1_000);

        at("11:31:00");
        auctionRun.runDue();
        AuctionRow auction = auctions.auction(instrumentId, tokyo("11:30:00")).orElseThrow();
        assertThat(auction.executedTradingUnits()).isEqualTo(5);
        assertThat(auctions.contractsOfAuction(auction.id())).hasSize(1);
        assertThat(order(buyId).status()).isEqualTo(OrderStatus.FILLED);
    }

    @Test
    void twoServersRunningTheSameAuctionAtOnceRunItOnce() throws Exception {
        sell(seller(), 6, 1_000, "GTC");
        buy(buyer(), 6, 1_000);
        at("11:30:00");
        Instant at = tokyo("11:30:00");
        ExecutorService servers = Executors.newFixedThreadPool(2);
        try {
            Callable<Optional<AuctionRow>> run = () -> auctionRun.run(instrumentId, at);
            Future<Optional<AuctionRow>> first = servers.submit(run);
            Future<Optional<AuctionRow>> second = servers.submit(run);
            assertThat(first.get().orElseThrow().id())
                    .isEqualTo(second.get().orElseThrow().id());
        } finally {
            servers.shutdown();
        }
        AuctionRow auction = auctions.auction(instrumentId, at).orElseThrow();
        assertThat(auctions.contractsOfAuction(auction.id())).hasSize(1);
        assertThat(auction.executedTradingUnits()).isEqualTo(6);
    }

    @Test
    void anAuctionMissedUntilTheNextWindowOpenedIsSkippedAndItsOrdersMeetInTheNextOne() throws Exception {
        sell(seller(), 2, 1_000, "GTC");
        buy(buyer(), 2, 1_000);
        at("12:31:00");
        auctionRun.runDue();
        assertThat(auctions.auction(instrumentId, tokyo("11:30:00"))).isEmpty();

        at("15:00:02");
        auctionRun.runDue();
        assertThat(auctions.auction(instrumentId, tokyo("15:00:00"))
                        .orElseThrow()
                        .executedTradingUnits())
                .isEqualTo(2);
    }

    @Test
    void aSuspendedInstrumentHasNoAuctionAndOnAHolidayNoneIsDue() throws Exception {
        sell(seller(), 2, 1_000, "GTC");
        buy(buyer(), 2, 1_000);
        mvc.perform(post("/api/v1/exchange/instruments/{id}/suspend", instrumentId)
                        .with(as(secretariat)))
                .andExpect(status().isOk());
        at("11:30:00");
        auctionRun.runDue();
        AuctionRow suspended = auctions.auction(instrumentId, tokyo("11:30:00")).orElseThrow();
        assertThat(suspended.suspended()).isTrue();
        assertThat(suspended.executionPriceJpy()).isNull();
        assertThat(suspended.buyOrders()).isZero();
        // Reopened at 11:40, after the auction's time: the morning auction is over, nothing is executed.
        at("11:40:00");
        mvc.perform(post("/api/v1/exchange/instruments/{id}/reopen", instrumentId)
                        .with(as(secretariat)))
                .andExpect(status().isOk());
        auctionRun.runDue();
        assertThat(auctionRun.run(instrumentId, tokyo("11:30:00")).orElseThrow().id())
                .isEqualTo(suspended.id());
        assertThat(auctions.contractsOfAuction(suspended.id())).isEmpty();

        // New Year's Day 2027 is a holiday: at noon the last auction due is Thursday's 15:00, not a holiday one.
        ExchangeTestCalendar.CLOCK.setTokyo("2027-01-01T12:00:00");
        auctionRun.runDue();
        Instant newYear = LocalDateTime.parse("2027-01-01T11:30:00")
                .atZone(SchemeTime.ZONE)
                .toInstant();
        assertThat(auctions.auction(instrumentId, newYear)).isEmpty();
    }

    // ---- fixture

    record Seller(AmamoPrincipal user, long accountId, long batchId) {}

    /** The exchange's clock to a time of the test's own day. */
    private void at(String time) {
        ExchangeTestCalendar.CLOCK.setTokyo(day + "T" + time);
    }

    /** An instant of the test's own day, Japan time. */
    private Instant tokyo(String time) {
        return LocalDateTime.parse(day + "T" + time).atZone(SchemeTime.ZONE).toInstant();
    }

    private OrderRow order(long id) {
        return store.order(id).orElseThrow();
    }

    /** The instrument of JBC removal credits issued for no certified application (ecosystem group none). */
    private long instrument() throws Exception {
        return store.instrument("JBC", "REMOVAL", "none")
                .map(ExchangeRows.Instrument::id)
                .orElseGet(() -> {
                    try {
                        return read(mvc.perform(
                                                post("/api/v1/exchange/instruments")
                                                        .with(as(secretariat))
                                                        .contentType(MediaType.APPLICATION_JSON)
                                                        .content(
                                                                "{\"programmeCode\":\"JBC\",\"creditType\":\"REMOVAL\","
                                                                        + "\"ecosystemGroup\":\"none\",\"referencePriceJpy\":\"1000\"}"))
                                        .andExpect(status().isCreated()))
                                .get("id")
                                .asLong();
                    } catch (Exception failed) {
                        throw new IllegalStateException(failed);
                    }
                });
    }

    /** A holder with 100 t-CO2 (1,000 registry units) of a new project's removal batch. */
    private Seller seller() {
        AmamoPrincipal user = users.create(Role.HOLDER);
        String code = String.format("%04d", PROJECTS.incrementAndGet());
        IssuanceResult issued = issuance.issue(new IssuanceRequest(
                Integer.parseInt(code),
                code,
                "アマモ場 " + code,
                "JBC",
                2025,
                "JBE-2.3",
                CreditType.REMOVAL,
                "JBE",
                1_000,
                List.of(InitialHolder.user(user.userId(), "100")),
                "auction-test-" + code));
        assertThat(issued.refusals()).isEmpty();
        return new Seller(user, issued.allocations().get(0).accountId(), issued.batchId());
    }

    private AmamoPrincipal buyer() throws Exception {
        AmamoPrincipal buyer = users.create(Role.HOLDER);
        mvc.perform(put("/api/v1/exchange/traders/{userId}", buyer.userId()).with(as(secretariat)))
                .andExpect(status().isOk());
        return buyer;
    }

    private long sell(Seller seller, long units, long price, String validity) throws Exception {
        Map<String, Object> body = new HashMap<>();
        body.put("side", "SELL");
        body.put("tradingUnits", units);
        body.put("limitPriceJpy", price);
        body.put("validity", validity);
        body.put("fromAccountId", seller.accountId());
        body.put("batchId", seller.batchId());
        return placed(seller.user(), body);
    }

    private long buy(AmamoPrincipal buyer, long units, long price) throws Exception {
        Map<String, Object> body = new HashMap<>();
        body.put("side", "BUY");
        body.put("tradingUnits", units);
        body.put("limitPriceJpy", price);
        return placed(buyer, body);
    }

    private long placed(AmamoPrincipal user, Map<String, Object> body) throws Exception {
        return read(mvc.perform(post("/api/v1/exchange/instruments/{id}/orders", instrumentId)
                                .with(as(user))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(json.writeValueAsString(body)))
                        .andExpect(status().isCreated()))
                .get("id")
                .asLong();
    }

    private JsonNode read(org.springframework.test.web.servlet.ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }
}
