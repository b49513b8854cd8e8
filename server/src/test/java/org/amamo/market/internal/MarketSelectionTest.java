package org.amamo.market.internal;

import static org.amamo.testing.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Consignments and reported trades name their credits by {@code batchId} as before, or by the registry's selection:
 * a batch serial, a serial range within one batch, or a project and vintage whose credits lie in one batch. A request
 * that names both, or credits the account cannot give (not held, retired, cancelled, malformed, past the batch's last
 * serial, spread over two batches), is refused naming the field, and nothing changes: no lot, no trade, no journal
 * entry, no unit moved.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestUsers.class)
class MarketSelectionTest {

    private static final AtomicInteger PROJECTS = new AtomicInteger(8000);

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
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    ObjectMapper json;

    AmamoPrincipal seller;
    AmamoPrincipal receiver;
    long sellerAccount;
    long receiverAccount;
    /** The seller's first batch of project {@link #code}, vintage 2024: 100 units. */
    IssuanceResult first;
    /** The seller's second batch of the same project and vintage: 40 units. */
    IssuanceResult second;

    String code;
    String firstSerial;
    long roundId;

    @BeforeEach
    void aSellerHoldsTwoBatchesOfOneProjectAndADraftRoundTakesConsignments() {
        seller = users.create(Role.APPLICANT, Role.HOLDER);
        receiver = users.create(Role.HOLDER);
        int project = PROJECTS.incrementAndGet();
        code = String.format("%04d", project);
        first = issue(project, 100, seller, "a");
        second = issue(project, 40, seller, "b");
        sellerAccount = first.allocations().get(0).accountId();
        receiverAccount = issue(PROJECTS.incrementAndGet(), 1, receiver, "c")
                .allocations()
                .get(0)
                .accountId();
        firstSerial = registry.batch(first.batchId()).orElseThrow().batchSerial();
        AmamoPrincipal secretariat = users.create(Role.SECRETARIAT);
        roundId = rounds.create(
                        secretariat,
                        new Rounds.RoundTerms(
                                "公募",
                                "要領",
                                new BigDecimal("10000"),
                                clock.instant().minusSeconds(60),
                                clock.instant().plus(Duration.ofDays(7)),
                                14))
                .value();
    }

    @AfterEach
    void ledgerStaysSound() throws Exception {
        AmamoPrincipal auditor = users.create(Role.SECRETARIAT);
        mvc.perform(get("/api/v1/registry/invariants").with(as(auditor)))
                .andExpect(jsonPath("$.violations").isEmpty());
        mvc.perform(get("/api/v1/registry/journal/verify").with(as(auditor)))
                .andExpect(jsonPath("$.intact").value(true));
    }

    private IssuanceResult issue(int project, long units, AmamoPrincipal holder, String key) {
        String projectCode = String.format("%04d", project);
        IssuanceResult issued = issuance.issue(new IssuanceRequest(
                project,
                projectCode,
                "アマモ場 " + projectCode,
                "JBC",
                2024,
                "JBE-2.3",
                CreditType.REMOVAL,
                "JBE",
                units,
                List.of(InitialHolder.user(holder.userId(), "100")),
                "selection-test-" + projectCode + "-" + key));
        assertThat(issued.refusals()).isEmpty();
        return issued;
    }

    // ---- consignments

    @Test
    void consignsTheNamedBatchByItsSerial() throws Exception {
        consign(body(10, "batch", firstSerial)).andExpect(status().isCreated());
        assertThat(registry.unitsOfBatch(sellerAccount, first.batchId())).isEqualTo(90);
        assertThat(lotSerials()).containsExactly(firstSerial);
    }

    @Test
    void consignsExactlyTheNamedSerialRange() throws Exception {
        consign(body(10, "serialRange", firstSerial + "-000011-000020")).andExpect(status().isCreated());
        assertThat(registry.unitsOfBatch(sellerAccount, first.batchId())).isEqualTo(90);
        // The serials on either side are still the seller's; the range itself is in escrow.
        consign(body(10, "serialRange", firstSerial + "-000001-000010")).andExpect(status().isCreated());
        refusedConsignment(body(5, "serialRange", firstSerial + "-000016-000020"), 409, "serialRange");
        assertThat(lotSerials()).containsExactly(firstSerial, firstSerial);
    }

    @Test
    void consignsByProjectAndVintageFromTheLowestBatchThatHoldsThem() throws Exception {
        Map<String, Object> request = body(30, "projectCode", code);
        request.put("vintage", 2024);
        consign(request).andExpect(status().isCreated());
        assertThat(registry.unitsOfBatch(sellerAccount, first.batchId())).isEqualTo(70);
        assertThat(registry.unitsOfBatch(sellerAccount, second.batchId())).isEqualTo(40);
    }

    @Test
    void theBatchIdStillWorks() throws Exception {
        consign(body(10, "batchId", second.batchId())).andExpect(status().isCreated());
        assertThat(registry.unitsOfBatch(sellerAccount, second.batchId())).isEqualTo(30);
    }

    @Test
    void refusesABatchIdTogetherWithASelection() throws Exception {
        Map<String, Object> both = body(10, "batchId", first.batchId());
        both.put("serialRange", firstSerial + "-000001-000010");
        refusedConsignment(both, 400, "batchId");
        Map<String, Object> neither = body(10, "creditUnits", 10);
        refusedConsignment(neither, 400, "batchId");
    }

    @Test
    void refusesMalformedSelectionsAsInvalid() throws Exception {
        refusedConsignment(body(10, "serialRange", "JBC-nonsense"), 400, "serialRange");
        refusedConsignment(body(10, "batch", "JBC-24"), 400, "batch");
        // The range's count must be the quantity.
        refusedConsignment(body(10, "serialRange", firstSerial + "-000001-000009"), 400, "serialRange");
        Map<String, Object> two = body(10, "batch", firstSerial);
        two.put("serialRange", firstSerial + "-000001-000010");
        refusedConsignment(two, 400, "serialRange");
        refusedConsignment(body(10, "projectCode", code), 400, "vintage");
    }

    @Test
    void refusesCreditsTheAccountCannotGive() throws Exception {
        String others = registry.batch(
                        issue(PROJECTS.incrementAndGet(), 20, receiver, "d").batchId())
                .orElseThrow()
                .batchSerial();
        // Held by someone else.
        refusedConsignment(body(10, "batch", others), 409, "batch");
        refusedConsignment(body(10, "serialRange", others + "-000001-000010"), 409, "serialRange");
        // More than the account holds of the batch.
        refusedConsignment(body(101, "batch", firstSerial), 409, "batch");
        // A range that runs past the batch's last serial, towards the next batch.
        refusedConsignment(body(10, "serialRange", firstSerial + "-000095-000104"), 409, "serialRange");
        // Unknown batch.
        refusedConsignment(body(10, "batch", "JBC-2024-ZZZZ-01"), 404, "batch");
        // Project and vintage whose units would come from two batches.
        Map<String, Object> spread = body(120, "projectCode", code);
        spread.put("vintage", 2024);
        refusedConsignment(spread, 409, "projectCode");
    }

    @Test
    void refusesRetiredAndCancelledSerials() throws Exception {
        mvc.perform(post("/api/v1/registry/retirements")
                        .with(as(seller))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fromAccountId\":" + sellerAccount + ",\"creditUnits\":5,\"beneficiary\":\"b\","
                                + "\"purpose\":\"EVENT\",\"emissionsOffset\":\"e\",\"serialRange\":\"" + firstSerial
                                + "-000001-000005\"}"))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/registry/cancellations")
                        .with(as(users.create(Role.SECRETARIAT)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"serialRange\":\"" + firstSerial + "-000006-000010\",\"reason\":\"誤発行\"}"))
                .andExpect(status().isCreated());
        refusedConsignment(body(5, "serialRange", firstSerial + "-000001-000005"), 409, "serialRange")
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("無効化済み")));
        refusedConsignment(body(5, "serialRange", firstSerial + "-000006-000010"), 409, "serialRange")
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("取消済み")));
    }

    @Test
    void aRepeatedSelectedConsignmentAppliesOnce() throws Exception {
        Map<String, Object> request = body(10, "serialRange", firstSerial + "-000001-000010");
        consign(request, "c-1").andExpect(status().isCreated());
        consign(request, "c-1").andExpect(status().isConflict());
        assertThat(registry.unitsOfBatch(sellerAccount, first.batchId())).isEqualTo(90);
        assertThat(lotSerials()).hasSize(1);
        // The same key with another selection is another request: refused.
        consign(body(10, "serialRange", firstSerial + "-000011-000020"), "c-1").andExpect(status().isConflict());
        assertThat(registry.unitsOfBatch(sellerAccount, first.batchId())).isEqualTo(90);
    }

    // ---- reported trades

    @Test
    void aReportedTradeTransfersTheSelectedSerials() throws Exception {
        trade(body(10, "serialRange", firstSerial + "-000031-000040")).andExpect(status().isCreated());
        assertThat(registry.unitsOfBatch(receiverAccount, first.batchId())).isEqualTo(10);
        assertThat(tradeSerials()).containsExactly(firstSerial);
        // Those serials are now the receiver's: the seller cannot trade them again.
        refusedTrade(body(10, "serialRange", firstSerial + "-000031-000040"), 409, "serialRange");
        trade(body(5, "batch", firstSerial)).andExpect(status().isCreated());
        assertThat(registry.unitsOfBatch(receiverAccount, first.batchId())).isEqualTo(15);
    }

    @Test
    void refusesBadTradesNamingTheField() throws Exception {
        Map<String, Object> both = body(10, "batchId", first.batchId());
        both.put("batch", firstSerial);
        refusedTrade(both, 400, "batchId");
        refusedTrade(body(10, "serialRange", "JBC-2024-" + code + "-01-x"), 400, "serialRange");
        refusedTrade(body(10, "serialRange", firstSerial + "-000095-000104"), 409, "serialRange");
        Map<String, Object> spread = body(120, "projectCode", code);
        spread.put("vintage", 2024);
        refusedTrade(spread, 409, "projectCode");
        refusedTrade(
                body(41, "batch", registry.batch(second.batchId()).orElseThrow().batchSerial()), 409, "batch");
    }

    @Test
    void theApiDescriptionDocumentsTheSelection() throws Exception {
        String description = mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(description)
                .contains("Instead of batchId: take exactly these serials of one batch")
                .contains("or name the credits by batch, serialRange, or projectCode with vintage instead (not both)");
    }

    // ---- web forms

    @Test
    void theFormsTakeASerialRangeWithinTheChosenBatch() throws Exception {
        mvc.perform(post("/account/market/rounds/{id}/consign", roundId)
                        .with(as(seller))
                        .with(csrf())
                        .param("holding", sellerAccount + ":" + first.batchId())
                        .param("tonnes", "1.0")
                        .param("serialRange", firstSerial + "-000041-000050"))
                .andExpect(redirectedUrl("/account/market"));
        assertThat(registry.unitsOfBatch(sellerAccount, first.batchId())).isEqualTo(90);
        long entries = entries();
        String page = mvc.perform(post("/account/market/rounds/{id}/consign", roundId)
                        .with(as(seller))
                        .with(csrf())
                        .param("holding", sellerAccount + ":" + second.batchId())
                        .param("tonnes", "1.0")
                        .param("serialRange", firstSerial + "-000051-000060"))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("serial-range-" + roundId).contains("選んだバッチ");
        mvc.perform(post("/account/market/trades")
                        .with(as(seller))
                        .with(csrf())
                        .param("holding", sellerAccount + ":" + first.batchId())
                        .param("toAccountId", Long.toString(receiverAccount))
                        .param("tonnes", "1.0")
                        .param("priceJpy", "70000")
                        .param("serialRange", firstSerial + "-000041-000050"))
                .andExpect(status().isConflict());
        mvc.perform(post("/account/market/trades")
                        .with(as(seller))
                        .with(csrf())
                        .param("holding", sellerAccount + ":" + first.batchId())
                        .param("toAccountId", Long.toString(receiverAccount))
                        .param("tonnes", "1.0")
                        .param("priceJpy", "70000")
                        .param("serialRange", firstSerial + "-000051-000060"))
                .andExpect(redirectedUrl("/account/market"));
        assertThat(entries()).isEqualTo(entries + 1);
        assertThat(registry.unitsOfBatch(receiverAccount, first.batchId())).isEqualTo(10);
    }

    // ---- helpers

    private Map<String, Object> body(long units, String field, Object value) {
        Map<String, Object> body = new HashMap<>();
        body.put("fromAccountId", sellerAccount);
        body.put("creditUnits", units);
        body.put(field, value);
        return body;
    }

    private ResultActions consign(Map<String, Object> body) throws Exception {
        return consign(body, null);
    }

    private ResultActions consign(Map<String, Object> body, String key) throws Exception {
        var request = post("/api/v1/market/rounds/{id}/consignments", roundId)
                .with(as(seller))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body));
        return mvc.perform(key == null ? request : request.header("Idempotency-Key", key));
    }

    private ResultActions trade(Map<String, Object> body) throws Exception {
        Map<String, Object> trade = new HashMap<>(body);
        trade.put("toAccountId", receiverAccount);
        // The price other tests of this context expect as the year's reported average (MarketRoundTest).
        trade.put("priceJpy", "70000");
        return mvc.perform(post("/api/v1/market/trades")
                .with(as(seller))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(trade)));
    }

    private ResultActions refusedConsignment(Map<String, Object> body, int status, String field) throws Exception {
        return refused(() -> consign(body), status, field);
    }

    private ResultActions refusedTrade(Map<String, Object> body, int status, String field) throws Exception {
        return refused(() -> trade(body), status, field);
    }

    private interface Call {
        ResultActions perform() throws Exception;
    }

    /** Performs a call that must be refused with the status, naming the field, and change nothing. */
    private ResultActions refused(Call call, int status, String field) throws Exception {
        long entries = entries();
        int lots = lotSerials().size();
        int trades = tradeSerials().size();
        long first = registry.unitsOfBatch(sellerAccount, this.first.batchId());
        long second = registry.unitsOfBatch(sellerAccount, this.second.batchId());
        ResultActions result = call.perform()
                .andExpect(status().is(status))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItem(field)));
        assertThat(entries()).as("journal entries").isEqualTo(entries);
        assertThat(lotSerials()).hasSize(lots);
        assertThat(tradeSerials()).hasSize(trades);
        assertThat(registry.unitsOfBatch(sellerAccount, this.first.batchId())).isEqualTo(first);
        assertThat(registry.unitsOfBatch(sellerAccount, this.second.batchId())).isEqualTo(second);
        return result;
    }

    private List<String> lotSerials() {
        return jdbc.sql("SELECT batch_serial FROM market_consignment WHERE round_id = ? ORDER BY id")
                .param(roundId)
                .query(String.class)
                .list();
    }

    private List<String> tradeSerials() {
        return jdbc.sql("SELECT batch_serial FROM market_reported_trade WHERE from_account_id = ? ORDER BY id")
                .param(sellerAccount)
                .query(String.class)
                .list();
    }

    private long entries() {
        return jdbc.sql("SELECT COUNT(*) FROM registry_journal_entry")
                .query(Long.class)
                .single();
    }
}
