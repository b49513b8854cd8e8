package org.amamo.exchange.internal;

import static org.amamo.testing.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The exchange's instruments and orders through the REST API, with the order windows on a set clock (Tuesday 5 January
 * 2027, Japan time, unless a test moves it): instruments created, suspended and reopened by the secretariat only;
 * buyers approved by the secretariat; sell orders whose units move into the instrument's escrow at entry, partly back
 * on a smaller quantity, further in on a larger one, and all back on cancellation, with the registry's balances
 * checked; time priority kept or lost by a change; and every bad input refused at its field or with 403/409, with
 * nothing changed. The ledger's invariants and journal hold after each test.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({TestUsers.class, ExchangeTestCalendar.class})
class ExchangeOrdersTest {

    private static final AtomicInteger PROJECTS = new AtomicInteger(700);
    private static final String MORNING = "2027-01-05T10:00:00";

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

    private AmamoPrincipal secretariat;

    @BeforeEach
    void aTuesdayMorning() {
        ExchangeTestCalendar.CLOCK.setTokyo(MORNING);
        secretariat = users.create(Role.SECRETARIAT);
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

    /** A holder with {@code units} registry units of a new project's batch of the type. */
    record Seller(AmamoPrincipal user, long accountId, long batchId) {}

    private Seller seller(long units, CreditType type) {
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
                type,
                "JBE",
                units,
                List.of(InitialHolder.user(user.userId(), "100")),
                "exchange-test-" + code));
        assertThat(issued.refusals()).isEmpty();
        return new Seller(user, issued.allocations().get(0).accountId(), issued.batchId());
    }

    /** The instrument of JBC removal credits without an ecosystem (credits issued for no certified application). */
    private JsonNode instrument(String type, String group) throws Exception {
        for (JsonNode instrument : read(mvc.perform(get("/api/v1/exchange/instruments")))) {
            if (instrument.get("programmeCode").asText().equals("JBC")
                    && instrument.get("creditType").asText().equals(type)
                    && instrument.get("ecosystemGroup").asText().equals(group)) {
                return instrument;
            }
        }
        long id = read(createInstrument(secretariat, "JBC", type, group, "1000").andExpect(status().isCreated()))
                .get("id")
                .asLong();
        return read(mvc.perform(get("/api/v1/exchange/instruments/{id}", id)));
    }

    private ResultActions createInstrument(
            AmamoPrincipal user, String programme, String type, String group, String price) throws Exception {
        Map<String, Object> body = new HashMap<>();
        body.put("programmeCode", programme);
        body.put("creditType", type);
        body.put("ecosystemGroup", group);
        body.put("referencePriceJpy", price);
        return mvc.perform(post("/api/v1/exchange/instruments")
                .with(as(user))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)));
    }

    private long escrowOf(JsonNode instrument) {
        return jdbcEscrow(instrument.get("id").asLong());
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private long jdbcEscrow(long instrumentId) {
        return jdbc.sql("SELECT escrow_account_id FROM exchange_instrument WHERE id = ?")
                .param(instrumentId)
                .query(Long.class)
                .single();
    }

    private ResultActions sell(Seller seller, long instrumentId, Object units, Object price) throws Exception {
        Map<String, Object> body = new HashMap<>();
        body.put("side", "SELL");
        body.put("tradingUnits", units);
        body.put("limitPriceJpy", price);
        body.put("validity", "GTC");
        body.put("fromAccountId", seller.accountId());
        body.put("batchId", seller.batchId());
        return mvc.perform(post("/api/v1/exchange/instruments/{id}/orders", instrumentId)
                .with(as(seller.user()))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)));
    }

    private ResultActions buy(AmamoPrincipal buyer, long instrumentId, Object units, Object price) throws Exception {
        Map<String, Object> body = new HashMap<>();
        body.put("side", "BUY");
        body.put("tradingUnits", units);
        body.put("limitPriceJpy", price);
        return mvc.perform(post("/api/v1/exchange/instruments/{id}/orders", instrumentId)
                .with(as(buyer))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)));
    }

    private ResultActions change(AmamoPrincipal user, long orderId, Object units, Object price) throws Exception {
        Map<String, Object> body = new HashMap<>();
        if (units != null) {
            body.put("tradingUnits", units);
        }
        if (price != null) {
            body.put("limitPriceJpy", price);
        }
        return mvc.perform(put("/api/v1/exchange/orders/{id}", orderId)
                .with(as(user))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)));
    }

    private JsonNode read(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }

    private JsonNode order(AmamoPrincipal user, long id) throws Exception {
        for (JsonNode order :
                read(mvc.perform(get("/api/v1/exchange/orders").with(as(user))).andExpect(status().isOk()))) {
            if (order.get("id").asLong() == id) {
                return order;
            }
        }
        throw new AssertionError("no order " + id);
    }

    private static ResultActions refusedAt(ResultActions result, int status, String field) throws Exception {
        return result.andExpect(status().is(status))
                .andExpect(jsonPath("$.errors[0].field").value(field));
    }

    @Test
    void theSecretariatCreatesSuspendsAndReopensAnInstrumentWithItsPriceLimitsAndEscrow() throws Exception {
        AmamoPrincipal holder = users.create(Role.HOLDER);
        createInstrument(holder, "JBC", "REDUCTION", "none", "1000").andExpect(status().isForbidden());

        JsonNode reductions = instrument("REDUCTION", "none");
        long id = reductions.get("id").asLong();
        assertThat(reductions.get("programmeCode").asText()).isEqualTo("JBC");
        assertThat(reductions.get("referencePriceJpy").asLong()).isEqualTo(1000);
        assertThat(reductions.get("lowerLimitJpy").asLong()).isEqualTo(100);
        assertThat(reductions.get("upperLimitJpy").asLong()).isEqualTo(1900);
        assertThat(reductions.get("status").asText()).isEqualTo("OPEN");
        assertThat(escrowOf(reductions)).isPositive();
        // The next auction of Tuesday 10:00 is 11:30 that day.
        assertThat(reductions.get("nextAuctionAt").asText()).isEqualTo("2027-01-05T02:30:00Z");

        refusedAt(createInstrument(secretariat, "JBC", "REDUCTION", "none", "900"), 409, "ecosystemGroup");
        refusedAt(createInstrument(secretariat, "XYZ", "REMOVAL", "seagrass", "900"), 400, "programmeCode");
        refusedAt(createInstrument(secretariat, "JBC", "SOMETHING", "seagrass", "900"), 400, "creditType");
        refusedAt(createInstrument(secretariat, "JBC", "REMOVAL", "coral", "900"), 400, "ecosystemGroup");
        refusedAt(createInstrument(secretariat, "JBC", "REMOVAL", "seagrass", "900.5"), 400, "referencePriceJpy");
        refusedAt(createInstrument(secretariat, "JBC", "REMOVAL", "seagrass", "0"), 400, "referencePriceJpy");

        mvc.perform(post("/api/v1/exchange/instruments/{id}/suspend", id).with(as(holder)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/exchange/instruments/{id}/suspend", id).with(as(secretariat)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUSPENDED"));
        refusedAt(
                mvc.perform(
                        post("/api/v1/exchange/instruments/{id}/suspend", id).with(as(secretariat))),
                409,
                "$");
        mvc.perform(post("/api/v1/exchange/instruments/{id}/reopen", id).with(as(holder)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/exchange/instruments/{id}/reopen", id).with(as(secretariat)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("OPEN"));
        mvc.perform(post("/api/v1/exchange/instruments/{id}/reopen", 999_999).with(as(secretariat)))
                .andExpect(status().isNotFound());
    }

    @Test
    void aSellOrdersUnitsGoIntoEscrowAtEntryAndComeBackOnASmallerQuantityAndOnCancellation() throws Exception {
        JsonNode instrument = instrument("REMOVAL", "none");
        long id = instrument.get("id").asLong();
        long escrow = escrowOf(instrument);
        Seller seller = seller(1_000, CreditType.REMOVAL);
        long escrowBefore = registry.unitsOfBatch(escrow, seller.batchId());
        assertThat(escrowBefore).isZero();

        long orderId = read(sell(seller, id, 30, 1_000).andExpect(status().isCreated()))
                .get("id")
                .asLong();
        assertThat(registry.unitsOfBatch(seller.accountId(), seller.batchId())).isEqualTo(700);
        assertThat(registry.unitsOfBatch(escrow, seller.batchId())).isEqualTo(300);
        JsonNode entered = order(seller.user(), orderId);
        assertThat(entered.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(entered.get("escrowedCreditUnits").asLong()).isEqualTo(300);
        assertThat(entered.get("tradingUnits").asLong()).isEqualTo(30);
        long sequence = entered.get("entrySequence").asLong();

        // A smaller quantity keeps time priority and returns the difference.
        change(seller.user(), orderId, 20, null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.entrySequence").value(sequence))
                .andExpect(jsonPath("$.escrowedCreditUnits").value(200));
        assertThat(registry.unitsOfBatch(seller.accountId(), seller.batchId())).isEqualTo(800);
        assertThat(registry.unitsOfBatch(escrow, seller.batchId())).isEqualTo(200);

        // A larger quantity escrows the difference and loses time priority.
        long larger = read(change(seller.user(), orderId, 25, null).andExpect(status().isOk()))
                .get("entrySequence")
                .asLong();
        assertThat(larger).isGreaterThan(sequence);
        assertThat(registry.unitsOfBatch(seller.accountId(), seller.batchId())).isEqualTo(750);
        assertThat(registry.unitsOfBatch(escrow, seller.batchId())).isEqualTo(250);

        // A new price loses time priority and moves nothing.
        long repriced = read(change(seller.user(), orderId, null, 1_100).andExpect(status().isOk()))
                .get("entrySequence")
                .asLong();
        assertThat(repriced).isGreaterThan(larger);
        assertThat(registry.unitsOfBatch(escrow, seller.batchId())).isEqualTo(250);

        mvc.perform(get("/api/v1/exchange/instruments/{id}/depth", id))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.priceJpy == 1100)].sellTradingUnits")
                        .value(org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.greaterThanOrEqualTo(25))));

        mvc.perform(delete("/api/v1/exchange/orders/{id}", orderId).with(as(seller.user())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CANCELLED"))
                .andExpect(jsonPath("$.escrowedCreditUnits").value(0));
        assertThat(registry.unitsOfBatch(seller.accountId(), seller.batchId())).isEqualTo(1_000);
        assertThat(registry.unitsOfBatch(escrow, seller.batchId())).isZero();
        refusedAt(mvc.perform(delete("/api/v1/exchange/orders/{id}", orderId).with(as(seller.user()))), 409, "$");
    }

    @Test
    void onlyBuyersTheSecretariatApprovedMayBuyAndOnlyTheOwnerChangesOrCancels() throws Exception {
        long id = instrument("REMOVAL", "none").get("id").asLong();
        AmamoPrincipal buyer = users.create(Role.HOLDER);
        refusedAt(buy(buyer, id, 10, 900), 403, "side");
        assertThat(read(mvc.perform(get("/api/v1/exchange/orders").with(as(buyer)))))
                .isEmpty();

        mvc.perform(put("/api/v1/exchange/traders/{userId}", buyer.userId()).with(as(buyer)))
                .andExpect(status().isForbidden());
        AmamoPrincipal applicant = users.create(Role.APPLICANT);
        refusedAt(
                mvc.perform(put("/api/v1/exchange/traders/{userId}", applicant.userId())
                        .with(as(secretariat))),
                409,
                "$");
        mvc.perform(put("/api/v1/exchange/traders/{userId}", buyer.userId()).with(as(secretariat)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/exchange/traders").with(as(secretariat)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.userId == " + buyer.userId() + ")].status")
                        .value("APPROVED"));

        long orderId = read(buy(buyer, id, 10, 900).andExpect(status().isCreated()))
                .get("id")
                .asLong();
        long sequence = order(buyer, orderId).get("entrySequence").asLong();
        assertThat(order(buyer, orderId).get("validity").asText()).isEqualTo("DAY");
        change(buyer, orderId, 5, null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.entrySequence").value(sequence));

        AmamoPrincipal other = users.create(Role.HOLDER);
        refusedAt(change(other, orderId, 50, 950), 403, "$");
        refusedAt(mvc.perform(delete("/api/v1/exchange/orders/{id}", orderId).with(as(other))), 403, "$");
        refusedAt(change(secretariat, orderId, 50, 950), 403, "$");
        JsonNode unchanged = order(buyer, orderId);
        assertThat(unchanged.get("tradingUnits").asLong()).isEqualTo(5);
        assertThat(unchanged.get("limitPriceJpy").asLong()).isEqualTo(900);
        assertThat(unchanged.get("status").asText()).isEqualTo("ACTIVE");
        mvc.perform(delete("/api/v1/exchange/orders/{id}", 999_999).with(as(buyer)))
                .andExpect(status().isNotFound());

        mvc.perform(delete("/api/v1/exchange/traders/{userId}", buyer.userId()).with(as(secretariat)))
                .andExpect(status().isOk());
        refusedAt(buy(buyer, id, 10, 900), 403, "side");
        // A revoked buyer may still cancel.
        mvc.perform(delete("/api/v1/exchange/orders/{id}", orderId).with(as(buyer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CANCELLED"));
    }

    @Test
    void everyBadOrderIsRefusedAtItsFieldOrForItsStateAndNothingMoves() throws Exception {
        JsonNode instrument = instrument("REMOVAL", "none");
        long id = instrument.get("id").asLong();
        long escrow = escrowOf(instrument);
        Seller seller = seller(1_000, CreditType.REMOVAL);
        long orderId = read(sell(seller, id, 10, 1_000).andExpect(status().isCreated()))
                .get("id")
                .asLong();

        refusedAt(sell(seller, id, 10, 1_901), 400, "limitPriceJpy")
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("1,900")));
        refusedAt(sell(seller, id, 10, 99), 400, "limitPriceJpy");
        refusedAt(sell(seller, id, 10, -5), 400, "limitPriceJpy");
        refusedAt(sell(seller, id, 10, "1000.5"), 400, "limitPriceJpy");
        refusedAt(sell(seller, id, "2.5", 1_000), 400, "tradingUnits");
        refusedAt(sell(seller, id, 0, 1_000), 400, "tradingUnits");
        refusedAt(sell(seller, id, 1_000_001, 1_000), 400, "tradingUnits");
        refusedAt(sell(seller, id, 91, 1_000), 409, "tradingUnits");
        refusedAt(sell(seller, 999_999, 1, 1_000), 404, "$");
        Seller reductions = seller(100, CreditType.REDUCTION);
        refusedAt(sell(reductions, id, 1, 1_000), 409, "batchId");
        Seller stranger = seller(100, CreditType.REMOVAL);
        Map<String, Object> theirs = new HashMap<>(Map.of(
                "side",
                "SELL",
                "tradingUnits",
                1,
                "limitPriceJpy",
                1_000,
                "fromAccountId",
                stranger.accountId(),
                "batchId",
                stranger.batchId()));
        refusedAt(
                mvc.perform(post("/api/v1/exchange/instruments/{id}/orders", id)
                        .with(as(seller.user()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(theirs))),
                409,
                "tradingUnits");
        refusedAt(change(seller.user(), orderId, 10, "1000.5"), 400, "limitPriceJpy");
        // 10 t in escrow and 90 t held: 101 t would need 91 t more.
        refusedAt(change(seller.user(), orderId, 101, null), 409, "tradingUnits");

        // Outside the order window: the lunch break, the auction's minute, a weekend, a holiday.
        for (String closed : List.of(
                "2027-01-05T11:30:00",
                "2027-01-05T12:29:59",
                "2027-01-05T15:00:00",
                "2027-01-09T10:00:00",
                "2026-12-31T10:00:00")) {
            ExchangeTestCalendar.CLOCK.setTokyo(closed);
            refusedAt(sell(seller, id, 1, 1_000), 409, "$");
            refusedAt(change(seller.user(), orderId, 5, null), 409, "$");
            refusedAt(
                    mvc.perform(delete("/api/v1/exchange/orders/{id}", orderId).with(as(seller.user()))), 409, "$");
        }
        ExchangeTestCalendar.CLOCK.setTokyo("2027-01-05T14:59:59");
        mvc.perform(post("/api/v1/exchange/instruments/{id}/suspend", id).with(as(secretariat)))
                .andExpect(status().isOk());
        try {
            refusedAt(sell(seller, id, 1, 1_000), 409, "$");
            refusedAt(change(seller.user(), orderId, 5, null), 409, "$");
        } finally {
            mvc.perform(post("/api/v1/exchange/instruments/{id}/reopen", id).with(as(secretariat)))
                    .andExpect(status().isOk());
        }

        assertThat(registry.unitsOfBatch(seller.accountId(), seller.batchId())).isEqualTo(900);
        assertThat(registry.unitsOfBatch(escrow, seller.batchId())).isEqualTo(100);
        assertThat(registry.unitsOfBatch(stranger.accountId(), stranger.batchId()))
                .isEqualTo(100);
        assertThat(registry.unitsOfBatch(reductions.accountId(), reductions.batchId()))
                .isEqualTo(100);
        JsonNode orders = read(mvc.perform(get("/api/v1/exchange/orders").with(as(seller.user()))));
        assertThat(orders).hasSize(1);
        assertThat(orders.get(0).get("tradingUnits").asLong()).isEqualTo(10);
        assertThat(orders.get(0).get("limitPriceJpy").asLong()).isEqualTo(1_000);
        assertThat(orders.get(0).get("status").asText()).isEqualTo("ACTIVE");
        assertThat(orders.get(0).get("escrowedCreditUnits").asLong()).isEqualTo(100);

        // A good-till-cancelled order stands the next day; cancelled, its units come back.
        ExchangeTestCalendar.CLOCK.setTokyo("2027-01-06T09:00:00");
        assertThat(order(seller.user(), orderId).get("status").asText()).isEqualTo("ACTIVE");
        mvc.perform(delete("/api/v1/exchange/orders/{id}", orderId).with(as(seller.user())))
                .andExpect(status().isOk());
        assertThat(registry.unitsOfBatch(seller.accountId(), seller.batchId())).isEqualTo(1_000);
    }
}
