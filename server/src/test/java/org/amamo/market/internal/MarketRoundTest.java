package org.amamo.market.internal;

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
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A whole solicitation round through the REST API: consignment, opening, sealed bids and every refusal (outside the
 * window, below the minimum, above the offer, by a non-buyer, on a closed round, someone else's bid, payment
 * confirmed by anyone but the seller) with nothing changed by any of them; allocation by the rule, settlement through
 * the registry (delivery and retirement on the buyer's behalf), lapse, return of unsold units, results, prices and
 * statistics. The ledger's invariants and journal hold after each test.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestUsers.class)
class MarketRoundTest {

    private static final AtomicInteger PROJECTS = new AtomicInteger(500);

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    CreditIssuance issuance;

    @Autowired
    MarketSettlement registry;

    @Autowired
    Rounds rounds;

    @Autowired
    Settlement settlement;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    ObjectMapper json;

    private AmamoPrincipal secretariat;

    @AfterEach
    void ledgerStaysSound() throws Exception {
        AmamoPrincipal auditor = users.create(Role.SECRETARIAT);
        mvc.perform(get("/api/v1/registry/invariants").with(as(auditor)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.violations").isEmpty());
        mvc.perform(get("/api/v1/registry/journal/verify").with(as(auditor)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.intact").value(true));
    }

    /** A holder with {@code units} of a new project's batch; answers the holder, account and batch. */
    record Seller(AmamoPrincipal user, long accountId, long batchId, String projectCode) {}

    private Seller seller(long units) {
        AmamoPrincipal user = users.create(Role.APPLICANT, Role.HOLDER);
        int project = PROJECTS.incrementAndGet();
        String code = String.format("%04d", project);
        IssuanceResult issued = issuance.issue(new IssuanceRequest(
                project,
                code,
                "アマモ場 " + code,
                "JBC",
                2024,
                "JBE-2.3",
                CreditType.REMOVAL,
                "JBE",
                units,
                List.of(InitialHolder.user(user.userId(), "100")),
                "market-test-" + code));
        assertThat(issued.refusals()).isEmpty();
        return new Seller(user, issued.allocations().get(0).accountId(), issued.batchId(), code);
    }

    private long round(Instant opensAt, Instant closesAt, String minimum) throws Exception {
        secretariat = secretariat == null ? users.create(Role.SECRETARIAT) : secretariat;
        String body = json.writeValueAsString(Map.of(
                "title",
                "2025年度 第1回 購入者公募",
                "rules",
                "公募要領",
                "minimumPriceJpy",
                minimum,
                "opensAt",
                opensAt.toString(),
                "closesAt",
                closesAt.toString(),
                "paymentDays",
                14));
        return id(mvc.perform(post("/api/v1/market/rounds")
                        .with(as(secretariat))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated()));
    }

    private long openRound(String minimum, Seller... sellers) throws Exception {
        long id = round(clock.instant().minusSeconds(60), clock.instant().plus(Duration.ofDays(7)), minimum);
        for (Seller seller : sellers) {
            consign(seller, id, registry.unitsOfBatch(seller.accountId(), seller.batchId()))
                    .andExpect(status().isCreated());
        }
        mvc.perform(post("/api/v1/market/rounds/{id}/open", id).with(as(secretariat)))
                .andExpect(status().isOk());
        return id;
    }

    private org.springframework.test.web.servlet.ResultActions consign(Seller seller, long roundId, long units)
            throws Exception {
        return mvc.perform(post("/api/v1/market/rounds/{id}/consignments", roundId)
                .with(as(seller.user()))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of(
                        "fromAccountId", seller.accountId(), "batchId", seller.batchId(), "creditUnits", units))));
    }

    private MockHttpServletRequestBuilder bid(
            AmamoPrincipal buyer, long roundId, String project, long units, String price, boolean retire)
            throws Exception {
        return post("/api/v1/market/rounds/{id}/bids", roundId)
                .with(as(buyer))
                .contentType(MediaType.APPLICATION_JSON)
                .content(bidBody(project, units, price, retire));
    }

    private String bidBody(String project, long units, String price, boolean retire) throws Exception {
        java.util.HashMap<String, Object> body = new java.util.HashMap<>(Map.of(
                "creditUnits",
                units,
                "priceJpy",
                price,
                "purpose",
                "CORPORATE",
                "retireAtOnce",
                retire,
                "beneficiary",
                "株式会社みなと",
                "emissionsOffset",
                "2025年度の本社の電力",
                "discloseName",
                retire));
        if (project != null) {
            body.put("projectCode", project);
        }
        return json.writeValueAsString(body);
    }

    private long id(org.springframework.test.web.servlet.ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString())
                .get("id")
                .asLong();
    }

    /** The subjects of the mails queued for the user, oldest first. */
    private java.util.List<String> mailSubjects(AmamoPrincipal user) {
        return jdbc.sql("SELECT subject FROM mail_outbox WHERE recipient = ? ORDER BY id")
                .param(user.email())
                .query(String.class)
                .list();
    }

    private long bids(long roundId) {
        return jdbc.sql("SELECT COUNT(*) FROM market_bid WHERE round_id = ? AND status = 'ACTIVE'")
                .param(roundId)
                .query(Long.class)
                .single();
    }

    private static ResultMatcher error(String field) {
        return jsonPath("$.errors[0].field").value(field);
    }

    @Test
    void aRoundFromConsignmentToResultsWithEveryRefusalChangingNothing() throws Exception {
        Seller seller = seller(1000);
        AmamoPrincipal first = users.create(Role.HOLDER);
        AmamoPrincipal second = users.create(Role.HOLDER);
        AmamoPrincipal applicant = users.create(Role.APPLICANT);
        long roundId = openRound("10000", seller);
        assertThat(registry.unitsOfBatch(seller.accountId(), seller.batchId())).isZero();

        // Refusals: below the minimum, above the offer, a project not on offer, a non-buyer. Nothing is recorded.
        mvc.perform(bid(first, roundId, null, 10, "9999", false))
                .andExpect(status().isBadRequest())
                .andExpect(error("priceJpy"));
        mvc.perform(bid(first, roundId, null, 1001, "12000", false))
                .andExpect(status().isBadRequest())
                .andExpect(error("creditUnits"));
        mvc.perform(bid(first, roundId, "ZZZZ", 10, "12000", false))
                .andExpect(status().isBadRequest())
                .andExpect(error("projectCode"));
        mvc.perform(bid(applicant, roundId, null, 10, "12000", false)).andExpect(status().isForbidden());
        mvc.perform(bid(first, 999_999, null, 10, "12000", false)).andExpect(status().isNotFound());
        assertThat(bids(roundId)).isZero();

        long firstBid = id(mvc.perform(bid(first, roundId, seller.projectCode(), 600, "15000", true))
                .andExpect(status().isCreated()));
        long secondBid =
                id(mvc.perform(bid(second, roundId, null, 300, "12000", false)).andExpect(status().isCreated()));
        long withdrawn =
                id(mvc.perform(bid(second, roundId, null, 50, "11000", false)).andExpect(status().isCreated()));
        // Someone else's bid may be neither changed nor withdrawn; the owner may do both.
        mvc.perform(put("/api/v1/market/bids/{id}", firstBid)
                        .with(as(second))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(bidBody(null, 1, "99999", false)))
                .andExpect(status().isForbidden());
        mvc.perform(delete("/api/v1/market/bids/{id}", firstBid).with(as(second)))
                .andExpect(status().isForbidden());
        mvc.perform(delete("/api/v1/market/bids/{id}", withdrawn).with(as(second)))
                .andExpect(status().isOk());
        mvc.perform(put("/api/v1/market/bids/{id}", secondBid)
                        .with(as(second))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(bidBody(null, 500, "12000", false)))
                .andExpect(status().isOk());
        assertThat(bids(roundId)).isEqualTo(2);
        // Sealed: a buyer sees only their own bids.
        mvc.perform(get("/api/v1/market/bids").with(as(second)))
                .andExpect(jsonPath("$.length()").value(2));

        // Only the secretariat closes; then bids are refused as on a closed round.
        mvc.perform(post("/api/v1/market/rounds/{id}/close", roundId).with(as(first)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/market/rounds/{id}/allocate", roundId).with(as(secretariat)))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/v1/market/rounds/{id}/close", roundId).with(as(secretariat)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLOSED"));
        mvc.perform(bid(first, roundId, null, 10, "20000", false))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].message").isNotEmpty());
        mvc.perform(put("/api/v1/market/bids/{id}", secondBid)
                        .with(as(second))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(bidBody(null, 1, "99999", false)))
                .andExpect(status().isConflict());
        assertThat(bids(roundId)).isEqualTo(2);

        // Allocation: 600 at 15,000 to the first buyer (its project), 400 of the 500 asked at 12,000 to the second.
        JsonNode allocations = json.readTree(
                mvc.perform(post("/api/v1/market/rounds/{id}/allocate", roundId).with(as(secretariat)))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        assertThat(allocations).hasSize(2);
        assertThat(allocations.get(0).get("creditUnits").asLong()).isEqualTo(600);
        assertThat(allocations.get(0).get("amountJpy").decimalValue()).isEqualByComparingTo("900000");
        assertThat(allocations.get(1).get("creditUnits").asLong()).isEqualTo(400);
        assertThat(allocations.get(1).get("priceJpy").decimalValue()).isEqualByComparingTo("12000");
        long toFirst = allocations.get(0).get("id").asLong();
        long toSecond = allocations.get(1).get("id").asLong();

        // The contract note is for the parties (and the secretariat) only.
        mvc.perform(get("/account/market/allocations/{id}/contract-note.pdf", toFirst)
                        .with(as(first)))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .contentType(MediaType.APPLICATION_PDF));
        mvc.perform(get("/account/market/allocations/{id}/contract-note.pdf", toFirst)
                        .with(as(second)))
                .andExpect(status().isForbidden());

        // Only the seller confirms payment.
        mvc.perform(post("/api/v1/market/allocations/{id}/payment", toFirst).with(as(first)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/market/allocations/{id}/payment", toFirst).with(as(secretariat)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/market/rounds/{id}/results", roundId)).andExpect(status().isNotFound());

        mvc.perform(post("/api/v1/market/allocations/{id}/payment", toFirst).with(as(seller.user())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SETTLED"))
                .andExpect(jsonPath("$.retirementId").isNumber());
        mvc.perform(post("/api/v1/market/allocations/{id}/payment", toFirst).with(as(seller.user())))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/v1/market/allocations/{id}/payment", toSecond).with(as(seller.user())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SETTLED"));

        // The second buyer holds 40.0 t in an account opened for them; the first buyer's 60.0 t are retired.
        JsonNode held = json.readTree(mvc.perform(get("/api/v1/market/holdings").with(as(second)))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(held.get(0).get("creditUnits").asLong()).isEqualTo(400);
        mvc.perform(get("/api/v1/market/holdings").with(as(first)))
                .andExpect(jsonPath("$.length()").value(0));
        long retirementId = jdbc.sql("SELECT retirement_id FROM market_allocation WHERE id = ?")
                .param(toFirst)
                .query(Long.class)
                .single();
        mvc.perform(get("/registry/retirements/{id}/certificate.pdf", retirementId))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/registry/retirements/{id}", retirementId))
                .andExpect(jsonPath("$.beneficiary").value("株式会社みなと"));

        // All sold: nothing to return, the round is settled and its results public.
        mvc.perform(get("/api/v1/market/rounds/{id}", roundId))
                .andExpect(jsonPath("$.status").value("SETTLED"));
        mvc.perform(get("/api/v1/market/rounds/{id}/results", roundId))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.bids").value(2))
                .andExpect(jsonPath("$.soldUnits").value(1000))
                .andExpect(jsonPath("$.projects[0].minimumPriceJpy").value(12000))
                .andExpect(jsonPath("$.projects[0].averagePriceJpy").value(13800))
                .andExpect(jsonPath("$.projects[0].maximumPriceJpy").value(15000))
                .andExpect(jsonPath("$.namedBuyers.length()").value(1));
        int year = MarketQueries.fiscalYear(clock.instant());
        mvc.perform(get("/api/v1/statistics"))
                .andExpect(jsonPath("$[?(@.fiscalYear == " + year + " && @.imported == false)].averagePriceJpy")
                        .value(13800));
        String csv =
                mvc.perform(get("/market/prices.csv")).andReturn().getResponse().getContentAsString();
        assertThat(csv.lines())
                .startsWith("\uFEFF" + String.join(",", MarketPublicController.PRICES_HEADER))
                .anyMatch(line -> line.startsWith(year + "," + seller.projectCode() + ",")
                        && line.endsWith(",round,2,100.0,12000,13800,15000"));
    }

    @Test
    void bidsOutsideTheWindowAreRefusedAndTheDeadlineJobClosesTheRound() throws Exception {
        Seller seller = seller(100);
        AmamoPrincipal buyer = users.create(Role.HOLDER);
        long roundId =
                round(clock.instant().plus(Duration.ofHours(1)), clock.instant().plus(Duration.ofHours(2)), "10000");
        consign(seller, roundId, 100).andExpect(status().isCreated());
        mvc.perform(bid(buyer, roundId, null, 10, "12000", false)).andExpect(status().isConflict());
        mvc.perform(post("/api/v1/market/rounds/{id}/open", roundId).with(as(secretariat)))
                .andExpect(status().isOk());
        mvc.perform(bid(buyer, roundId, null, 10, "12000", false)).andExpect(status().isConflict());
        // A draft round no longer takes consignments once open.
        consign(seller(10), roundId, 10).andExpect(status().isConflict());
        assertThat(bids(roundId)).isZero();

        Instant afterClose = clock.instant().plus(Duration.ofHours(3));
        new MarketDeadlines(rounds, settlement, Clock.fixed(afterClose, clock.getZone())).run();
        mvc.perform(get("/api/v1/market/rounds/{id}", roundId))
                .andExpect(jsonPath("$.status").value("CLOSED"));
    }

    @Test
    void aBuyerStillUnpaidShortlyBeforeTheDeadlineIsRemindedOnceInTheirLanguage() throws Exception {
        Seller one = seller(100);
        AmamoPrincipal buyer = users.create(Role.HOLDER);
        AmamoPrincipal english = users.create(Role.HOLDER);
        AmamoPrincipal payer = users.create(Role.HOLDER);
        jdbc.sql("UPDATE user_account SET language = 'en' WHERE id = ?")
                .param(english.userId())
                .update();
        long roundId = openRound("10000", one);
        mvc.perform(bid(buyer, roundId, one.projectCode(), 30, "20000", false)).andExpect(status().isCreated());
        mvc.perform(bid(english, roundId, one.projectCode(), 20, "15000", false))
                .andExpect(status().isCreated());
        mvc.perform(bid(payer, roundId, one.projectCode(), 10, "12000", false)).andExpect(status().isCreated());
        mvc.perform(post("/api/v1/market/rounds/{id}/close", roundId).with(as(secretariat)))
                .andExpect(status().isOk());
        JsonNode allocations = json.readTree(
                mvc.perform(post("/api/v1/market/rounds/{id}/allocate", roundId).with(as(secretariat)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        for (JsonNode allocation : allocations) {
            if (allocation.get("creditUnits").asLong() == 10) {
                mvc.perform(post(
                                        "/api/v1/market/allocations/{id}/payment",
                                        allocation.get("id").asLong())
                                .with(as(one.user())))
                        .andExpect(status().isOk());
            }
        }
        Instant due = jdbc.sql("SELECT payment_due_at FROM market_round WHERE id = ?")
                .param(roundId)
                .query(java.time.OffsetDateTime.class)
                .single()
                .toInstant();

        settlement.remindDue(due.minus(Duration.ofDays(3)));
        assertThat(mailSubjects(buyer)).as("three days before: not yet").hasSize(1);
        settlement.remindDue(due.minus(Duration.ofDays(2)).plusSeconds(60));
        settlement.remindDue(due.minus(Duration.ofDays(1)));
        new MarketDeadlines(rounds, settlement, Clock.fixed(due.minusSeconds(60), clock.getZone())).run();

        assertThat(mailSubjects(buyer))
                .as("reminded once, however often the job passes")
                .hasSize(2)
                .last()
                .asString()
                .contains("60,000 円が、まだ支払われていません");
        assertThat(mailSubjects(english))
                .hasSize(2)
                .last()
                .asString()
                .startsWith("[Amamo] The payment of 30,000 JPY for the credits allocated to you in")
                .contains("Japan time");
        assertThat(jdbc.sql("SELECT body FROM mail_outbox WHERE recipient = ? ORDER BY id DESC")
                        .param(buyer.email())
                        .query(String.class)
                        .list()
                        .get(0))
                .contains("/account/market");
        assertThat(mailSubjects(payer))
                .as("an allocation already paid is not reminded")
                .noneMatch(subject -> subject.contains("まだ支払われていません"));
        // Leaves no allocation awaiting payment behind for the other tests' deadline sweeps.
        settlement.lapseDue(due);
    }

    @Test
    void anUnpaidAllocationLapsesAtTheDeadlineAndTheUnsoldUnitsReturnToTheirHolders() throws Exception {
        Seller one = seller(100);
        Seller two = seller(50);
        AmamoPrincipal buyer = users.create(Role.HOLDER);
        long roundId = openRound("10000", one, two);
        mvc.perform(bid(buyer, roundId, one.projectCode(), 30, "20000", false)).andExpect(status().isCreated());
        mvc.perform(post("/api/v1/market/rounds/{id}/close", roundId).with(as(secretariat)))
                .andExpect(status().isOk());
        long allocation = json.readTree(mvc.perform(post("/api/v1/market/rounds/{id}/allocate", roundId)
                                .with(as(secretariat)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .get(0)
                .get("id")
                .asLong();
        assertThat(mailSubjects(buyer))
                .as("the buyer is told of the allocation, and that payment is due")
                .singleElement()
                .asString()
                .contains("入札に配分がありました");
        // Still in escrow: the former holder cannot move them, and the lapse waits for the deadline.
        mvc.perform(post("/api/v1/market/allocations/{id}/lapse", allocation).with(as(secretariat)))
                .andExpect(status().isConflict());
        assertThat(registry.unitsOfBatch(two.accountId(), two.batchId())).isZero();

        assertThat(settlement.lapseDue(clock.instant().plus(Duration.ofDays(15))))
                .isEqualTo(1);
        assertThat(mailSubjects(buyer)).hasSize(2).last().asString().contains("失効しました");
        assertThat(mailSubjects(one.user()))
                .as("a seller is not mailed about a buyer's allocation")
                .noneMatch(subject -> subject.contains("配分"));
        mvc.perform(post("/api/v1/market/allocations/{id}/payment", allocation).with(as(one.user())))
                .andExpect(status().isConflict());
        assertThat(registry.unitsOfBatch(one.accountId(), one.batchId())).isEqualTo(100);
        assertThat(registry.unitsOfBatch(two.accountId(), two.batchId())).isEqualTo(50);
        mvc.perform(get("/api/v1/market/rounds/{id}/results", roundId))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.soldUnits").value(0))
                .andExpect(jsonPath("$.bids").value(1));
    }

    @Test
    void aReportedTradeTransfersThroughTheRegistryAndIsPublishedAsReported() throws Exception {
        Seller seller = seller(100);
        Seller receiver = seller(1);
        String body = json.writeValueAsString(Map.of(
                "fromAccountId",
                seller.accountId(),
                "toAccountId",
                receiver.accountId(),
                "batchId",
                seller.batchId(),
                "creditUnits",
                25,
                "priceJpy",
                "70000"));
        mvc.perform(post("/api/v1/market/trades")
                        .with(as(receiver.user()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/market/trades")
                        .with(as(seller.user()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body.replace("70000", "0")))
                .andExpect(status().isBadRequest())
                .andExpect(error("priceJpy"));
        mvc.perform(post("/api/v1/market/trades")
                        .with(as(seller.user()))
                        .header("Idempotency-Key", "t-1")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/market/trades")
                        .with(as(seller.user()))
                        .header("Idempotency-Key", "t-1")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated());
        assertThat(registry.unitsOfBatch(receiver.accountId(), seller.batchId()))
                .isEqualTo(25);
        int year = MarketQueries.fiscalYear(clock.instant());
        mvc.perform(get("/api/v1/market/prices/yearly"))
                .andExpect(jsonPath("$[?(@.source == 'REPORTED' && @.fiscalYear == " + year + ")].averagePriceJpy")
                        .value(70000));
        mvc.perform(get("/api/v1/statistics"))
                .andExpect(jsonPath("$[?(@.fiscalYear == " + year + " && @.imported == false)].reportedAveragePriceJpy")
                        .value(70000));
    }

    @Test
    void onlyTheSecretariatCreatesRoundsAndBadTermsAreRefusedFieldByField() throws Exception {
        AmamoPrincipal holder = users.create(Role.HOLDER);
        String body = json.writeValueAsString(Map.of(
                "title",
                "",
                "rules",
                "r",
                "minimumPriceJpy",
                "100.5",
                "opensAt",
                clock.instant().toString(),
                "closesAt",
                clock.instant().minusSeconds(1).toString(),
                "paymentDays",
                0));
        mvc.perform(post("/api/v1/market/rounds")
                        .with(as(holder))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isForbidden());
        long before =
                jdbc.sql("SELECT COUNT(*) FROM market_round").query(Long.class).single();
        mvc.perform(post("/api/v1/market/rounds")
                        .with(as(users.create(Role.SECRETARIAT)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field")
                        .value(org.hamcrest.Matchers.containsInAnyOrder(
                                "title", "minimumPriceJpy", "closesAt", "paymentDays")));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM market_round")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
        assertThat(new BigDecimal("100.5").stripTrailingZeros().scale()).isPositive();
    }
}
