package org.amamo.exchange.internal;

import static org.amamo.testing.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.amamo.exchange.Side;
import org.amamo.exchange.TradingCalendar;
import org.amamo.exchange.internal.ExchangeRows.OrderRow;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
import org.amamo.registry.CreditBatch;
import org.amamo.registry.CreditIssuance;
import org.amamo.registry.CreditType;
import org.amamo.registry.InitialHolder;
import org.amamo.registry.IssuanceRequest;
import org.amamo.registry.IssuanceResult;
import org.amamo.registry.MarketMove;
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

/**
 * The recovery of orders a crash left unfinished. Each test puts a sell order of 30 trading units (300 registry units
 * of a seller's 1,000) in the state a crash leaves it in, PENDING, CHANGING or CANCELLING, with the registry's move
 * under the order's key done (made here through the registry with that key) or not; moves the exchange's clock past
 * the grace period (60 s); runs a recovery pass; and checks the order's status, quantity and units in escrow, and the
 * registry's balances of the seller's account and the escrow: the move finished forward if the registry made it, the
 * order undone if not, and no unit lost or moved twice. The ledger's invariants and journal hold after each test.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({TestUsers.class, ExchangeTestCalendar.class})
class ExchangeRecoveryTest {

    private static final AtomicInteger PROJECTS = new AtomicInteger(800);
    private static final String MORNING = "2027-01-05T10:00:00";
    private static final String PAST_GRACE = "2027-01-05T10:01:01";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    CreditIssuance issuance;

    @Autowired
    MarketSettlement registry;

    @Autowired
    ExchangeStore store;

    @Autowired
    OrderRecovery recovery;

    @Autowired
    OrderDesk desk;

    @Autowired
    TradingCalendar calendar;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    private AmamoPrincipal secretariat;
    private long instrumentId;
    private long escrow;

    @BeforeEach
    void aTuesdayMorningWithAnInstrument() throws Exception {
        ExchangeTestCalendar.CLOCK.setTokyo(MORNING);
        secretariat = users.create(Role.SECRETARIAT);
        instrumentId = store.instrument("JBC", "REMOVAL", "none")
                .map(ExchangeRows.Instrument::id)
                .orElseGet(this::createInstrument);
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

    // ---- an entry left PENDING

    @Test
    void anEntryWhoseUnitsReachedEscrowJoinsTheBook() {
        Seller seller = seller();
        long orderId = pendingEntry(seller);
        consign(seller, 300, "exchange-order-" + orderId + "-escrow");

        recoverPastGrace();

        OrderRow order = store.order(orderId).orElseThrow();
        assertThat(order.status()).isEqualTo(OrderStatus.ACTIVE);
        assertThat(order.escrowedUnits()).isEqualTo(300);
        assertBalances(seller, 700, 300);
    }

    @Test
    void anEntryWhoseUnitsNeverMovedIsCancelledWithNothingInEscrow() {
        Seller seller = seller();
        long orderId = pendingEntry(seller);

        recoverPastGrace();

        OrderRow order = store.order(orderId).orElseThrow();
        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order.escrowedUnits()).isZero();
        assertBalances(seller, 1_000, 0);
    }

    @Test
    void anEntryRefusedByTheRegistryIsCancelledWithNothingInEscrow() {
        Seller seller = seller();
        long orderId = pendingEntry(seller);
        // More than the seller holds: the registry refuses and keeps the refusal under the key.
        assertThat(registry.consign(
                                seller.user(),
                                seller.accountId(),
                                escrow,
                                seller.batchId(),
                                1_001,
                                "exchange-order-" + orderId + "-escrow")
                        .done())
                .isFalse();

        recoverPastGrace();

        assertThat(store.order(orderId).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
        assertBalances(seller, 1_000, 0);
    }

    @Test
    void anUnfinishedOrderIsLeftAloneUntilTheGracePeriodHasPassed() {
        Seller seller = seller();
        long orderId = pendingEntry(seller);

        ExchangeTestCalendar.CLOCK.setTokyo("2027-01-05T10:01:00");
        recovery.recover();
        assertThat(store.order(orderId).orElseThrow().status()).isEqualTo(OrderStatus.PENDING);

        recoverPastGrace();
        assertThat(store.order(orderId).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void unitsThatReachEscrowAfterTheirEntryWasCancelledByItsRecoveryGoBack() {
        Seller seller = seller();
        long orderId = pendingEntry(seller);
        recoverPastGrace();
        assertThat(store.order(orderId).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);

        // The entry's move, slower than the grace period, lands after all; the desk finds its order cancelled.
        consign(seller, 300, "exchange-order-" + orderId + "-escrow");
        desk.returnIfAbandoned(orderId, escrow, seller.batchId(), 300, seller.accountId());

        assertThat(store.order(orderId).orElseThrow().escrowedUnits()).isZero();
        assertBalances(seller, 1_000, 0);
    }

    @Test
    void unitsOfAnEntryItsRecoveryPutInTheBookStayInEscrow() {
        Seller seller = seller();
        long orderId = pendingEntry(seller);
        consign(seller, 300, "exchange-order-" + orderId + "-escrow");
        recoverPastGrace();

        desk.returnIfAbandoned(orderId, escrow, seller.batchId(), 300, seller.accountId());

        assertThat(store.order(orderId).orElseThrow().status()).isEqualTo(OrderStatus.ACTIVE);
        assertBalances(seller, 700, 300);
    }

    // ---- a change left CHANGING

    @Test
    void aLargerQuantityWhoseUnitsReachedEscrowIsAppliedAsAskedAndLosesPriority() {
        Seller seller = seller();
        OrderRow before = activeSellOrder(seller);
        int version = beginChange(before, new PendingChange(1_100, 40, Validity.DAY, true));
        consign(seller, 100, "exchange-order-" + before.id() + "-escrow-v" + version);

        recoverPastGrace();

        OrderRow after = store.order(before.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(OrderStatus.ACTIVE);
        assertThat(after.tradingUnits()).isEqualTo(40);
        assertThat(after.limitPriceJpy()).isEqualTo(1_100);
        assertThat(after.validity()).isEqualTo(Validity.DAY);
        assertThat(after.escrowedUnits()).isEqualTo(400);
        assertThat(after.entrySequence()).isGreaterThan(before.entrySequence());
        assertBalances(seller, 600, 400);
        assertNoPendingChange(before.id());

        // A second pass finds nothing left to do with it.
        recovery.recover();
        assertThat(store.order(before.id()).orElseThrow()).isEqualTo(after);
        assertBalances(seller, 600, 400);
    }

    @Test
    void aSmallerQuantityWhoseUnitsCameBackIsAppliedAsAskedAndKeepsPriority() {
        Seller seller = seller();
        OrderRow before = activeSellOrder(seller);
        int version = beginChange(before, new PendingChange(1_000, 20, Validity.GTC, false));
        release(seller, 100, "exchange-order-" + before.id() + "-release-v" + version);

        recoverPastGrace();

        OrderRow after = store.order(before.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(OrderStatus.ACTIVE);
        assertThat(after.tradingUnits()).isEqualTo(20);
        assertThat(after.escrowedUnits()).isEqualTo(200);
        assertThat(after.entrySequence()).isEqualTo(before.entrySequence());
        assertBalances(seller, 800, 200);
    }

    @Test
    void aChangeWhoseUnitsDidNotMoveIsBackInTheBookAsItWasAndCanBeChangedAgain() throws Exception {
        Seller seller = seller();
        OrderRow before = activeSellOrder(seller);
        beginChange(before, new PendingChange(1_100, 40, Validity.GTC, true));

        recoverPastGrace();

        OrderRow after = store.order(before.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(OrderStatus.ACTIVE);
        assertThat(after.tradingUnits()).isEqualTo(30);
        assertThat(after.limitPriceJpy()).isEqualTo(1_000);
        assertThat(after.escrowedUnits()).isEqualTo(300);
        assertThat(after.entrySequence()).isEqualTo(before.entrySequence());
        assertBalances(seller, 700, 300);
        assertNoPendingChange(before.id());

        ExchangeTestCalendar.CLOCK.setTokyo(MORNING);
        mvc.perform(put("/api/v1/exchange/orders/{id}", before.id())
                        .with(as(seller.user()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("tradingUnits", 25))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.escrowedCreditUnits").value(250));
        assertBalances(seller, 750, 250);
    }

    @Test
    void aChangeBegunBeforeChangesWereRecordedIsReadFromItsMove() {
        Seller seller = seller();
        OrderRow before = activeSellOrder(seller);
        int version = beginChange(before, null);
        consign(seller, 50, "exchange-order-" + before.id() + "-escrow-v" + version);

        recoverPastGrace();

        OrderRow after = store.order(before.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(OrderStatus.ACTIVE);
        assertThat(after.tradingUnits()).isEqualTo(35);
        assertThat(after.limitPriceJpy()).isEqualTo(1_000);
        assertThat(after.escrowedUnits()).isEqualTo(350);
        assertBalances(seller, 650, 350);
    }

    // ---- a cancellation left CANCELLING

    @Test
    void aCancellationWhoseUnitsCameBackIsCancelledWithoutReturningThemTwice() {
        Seller seller = seller();
        OrderRow before = activeSellOrder(seller);
        beginCancellation(before);
        release(seller, 300, "exchange-order-" + before.id() + "-cancel");

        recoverPastGrace();

        OrderRow after = store.order(before.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(after.escrowedUnits()).isZero();
        assertBalances(seller, 1_000, 0);
    }

    @Test
    void aCancellationWhoseUnitsStayedInEscrowReturnsThemUnderItsOwnKey() {
        Seller seller = seller();
        OrderRow before = activeSellOrder(seller);
        beginCancellation(before);

        recoverPastGrace();

        OrderRow after = store.order(before.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(after.escrowedUnits()).isZero();
        assertBalances(seller, 1_000, 0);
        MarketMove returned =
                registry.moveByKey("exchange-order-" + before.id() + "-cancel").orElseThrow();
        assertThat(returned.done()).isTrue();
        assertThat(returned.creditUnits()).isEqualTo(300);

        recovery.recover();
        assertBalances(seller, 1_000, 0);
    }

    @Test
    void aBuyOrderLeftCancellingIsCancelled() throws Exception {
        AmamoPrincipal buyer = users.create(Role.HOLDER);
        mvc.perform(put("/api/v1/exchange/traders/{userId}", buyer.userId()).with(as(secretariat)))
                .andExpect(status().isOk());
        long orderId = json.readTree(mvc.perform(post("/api/v1/exchange/instruments/{id}/orders", instrumentId)
                                .with(as(buyer))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(json.writeValueAsString(
                                        Map.of("side", "BUY", "tradingUnits", 10, "limitPriceJpy", 900))))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .get("id")
                .asLong();
        beginCancellation(store.order(orderId).orElseThrow());

        recoverPastGrace();

        assertThat(store.order(orderId).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
    }

    // ---- fixtures

    /** A holder with 1,000 registry units of a new project's removal batch. */
    record Seller(AmamoPrincipal user, long accountId, long batchId) {}

    private Seller seller() {
        AmamoPrincipal user = users.create(Role.HOLDER);
        int project = PROJECTS.incrementAndGet();
        String code = String.format("%04d", project);
        IssuanceResult issued = issuance.issue(new IssuanceRequest(
                project,
                code,
                "アマモ場 " + code,
                "JBC",
                2025,
                "JBE-2.3",
                CreditType.REMOVAL,
                "JBE",
                1_000,
                List.of(InitialHolder.user(user.userId(), "100")),
                "exchange-recovery-test-" + code));
        assertThat(issued.refusals()).isEmpty();
        return new Seller(user, issued.allocations().get(0).accountId(), issued.batchId());
    }

    private long createInstrument() {
        try {
            return json.readTree(mvc.perform(post("/api/v1/exchange/instruments")
                                    .with(as(secretariat))
                                    .contentType(MediaType.APPLICATION_JSON)
                                    .content(json.writeValueAsString(Map.of(
                                            "programmeCode", "JBC",
                                            "creditType", "REMOVAL",
                                            "ecosystemGroup", "none",
                                            "referencePriceJpy", "1000"))))
                            .andExpect(status().isCreated())
                            .andReturn()
                            .getResponse()
                            .getContentAsString())
                    .get("id")
                    .asLong();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A sell order of 30 trading units at 1,000 yen as its entry leaves it before the registry moved anything. */
    private long pendingEntry(Seller seller) {
        CreditBatch batch = registry.batch(seller.batchId()).orElseThrow();
        return store.insertOrder(
                instrumentId,
                seller.user().userId(),
                Side.SELL,
                1_000,
                30,
                Validity.GTC,
                OrderStatus.PENDING,
                store.nextEntrySequence(),
                calendar.today(),
                seller.accountId(),
                seller.batchId(),
                batch.batchSerial(),
                batch.projectCode(),
                batch.vintage(),
                calendar.now());
    }

    /** A sell order of 30 trading units at 1,000 yen, its 300 registry units in escrow, entered through the API. */
    private OrderRow activeSellOrder(Seller seller) {
        try {
            long id = json.readTree(mvc.perform(post("/api/v1/exchange/instruments/{id}/orders", instrumentId)
                                    .with(as(seller.user()))
                                    .contentType(MediaType.APPLICATION_JSON)
                                    .content(json.writeValueAsString(Map.of(
                                            "side",
                                            "SELL",
                                            "tradingUnits",
                                            30,
                                            "limitPriceJpy",
                                            1_000,
                                            "validity",
                                            "GTC",
                                            "fromAccountId",
                                            seller.accountId(),
                                            "batchId",
                                            seller.batchId()))))
                            .andExpect(status().isCreated())
                            .andReturn()
                            .getResponse()
                            .getContentAsString())
                    .get("id")
                    .asLong();
            assertBalances(seller, 700, 300);
            return store.order(id).orElseThrow();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The order as a change leaves it when the server stops before its move's answer: CHANGING; the version. */
    private int beginChange(OrderRow order, PendingChange change) {
        store.begin(order.id(), OrderStatus.CHANGING, change, calendar.now());
        return store.order(order.id()).orElseThrow().version();
    }

    private void beginCancellation(OrderRow order) {
        store.begin(order.id(), OrderStatus.CANCELLING, null, calendar.now());
    }

    /** The registry's move as the order desk makes it, under the order's key: the crash came after it. */
    private void consign(Seller seller, long units, String key) {
        assertThat(registry.consign(seller.user(), seller.accountId(), escrow, seller.batchId(), units, key)
                        .done())
                .isTrue();
    }

    private void release(Seller seller, long units, String key) {
        assertThat(registry.release(
                                escrow,
                                seller.batchId(),
                                units,
                                seller.accountId(),
                                seller.user().userId(),
                                key)
                        .done())
                .isTrue();
    }

    private void recoverPastGrace() {
        ExchangeTestCalendar.CLOCK.setTokyo(PAST_GRACE);
        recovery.recover();
    }

    private void assertBalances(Seller seller, long sellerUnits, long escrowUnits) {
        assertThat(registry.unitsOfBatch(seller.accountId(), seller.batchId())).isEqualTo(sellerUnits);
        assertThat(registry.unitsOfBatch(escrow, seller.batchId())).isEqualTo(escrowUnits);
    }

    private void assertNoPendingChange(long orderId) {
        Map<String, Object> row = jdbc.sql("""
                        SELECT pending_limit_price_jpy, pending_trading_units, pending_validity, pending_loses_priority,
                               begun_at FROM exchange_order WHERE id = ?
                        """).param(orderId).query().singleRow();
        assertThat(row.values()).containsOnlyNulls();
    }
}
