package org.amamo.exchange.internal;

import static org.amamo.testing.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
import org.amamo.platform.SchemeTime;
import org.amamo.registry.CreditIssuance;
import org.amamo.registry.CreditType;
import org.amamo.registry.HeldCredits;
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
 * The settlement of the exchange's contracts. Each test makes one contract in an auction of its own (a day and
 * session of January 2027, Japan time, on the exchange's set clock): a seller's 5 t of a new YBC removal batch sold
 * at 1,000 yen to an approved buyer, 5,000 yen in all, settling 5 business days later. The seller confirms payment and
 * the buyer's account holds the credits; a buyer's request has them retired on its behalf instead; a contract unpaid
 * after its settlement date lapses, the credits back with the seller and the lapse counted against the buyer; only
 * the parties act and read the contract note; every bad input is refused at its field with nothing changed; and the
 * pages show it all in Japanese and English. The ledger's invariants and journal hold after each test.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({TestUsers.class, ExchangeTestCalendar.class})
class ExchangeSettlementTest {

    private static final AtomicInteger PROJECTS = new AtomicInteger(800);
    private static final long SOLD_UNITS = 50;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    CreditIssuance issuance;

    @Autowired
    MarketSettlement registry;

    @Autowired
    AuctionRun auctionRun;

    @Autowired
    ContractSettlement settlement;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    private AmamoPrincipal secretariat;

    @BeforeEach
    void theSecretariat() {
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

    /** A contract of one auction: its id, its parties, and the batch and account the units came from. */
    record Traded(long id, AmamoPrincipal buyer, AmamoPrincipal seller, long sellerAccountId, long batchId) {}

    /**
     * Makes one contract: on {@code day}, the seller (10 t of a new batch) sells 5 t at 1,000 yen and an approved
     * buyer buys 5 t at 1,000 yen in the session whose auction is at {@code auction} ("11:30" or "15:00").
     */
    private Traded contract(String day, String auction) throws Exception {
        long instrumentId = instrument();
        ExchangeTestCalendar.CLOCK.setTokyo(day + (auction.equals("11:30") ? "T10:00:00" : "T13:00:00"));
        AmamoPrincipal seller = users.create(Role.HOLDER);
        int project = PROJECTS.incrementAndGet();
        String code = String.format("%04d", project);
        IssuanceResult issued = issuance.issue(new IssuanceRequest(
                project,
                code,
                "アマモ場 " + code,
                "YBC",
                2025,
                "yokohama-2019",
                CreditType.REMOVAL,
                "横浜市",
                100,
                List.of(InitialHolder.user(seller.userId(), "100")),
                "exchange-settlement-test-" + code));
        assertThat(issued.refusals()).isEmpty();
        long accountId = issued.allocations().get(0).accountId();
        AmamoPrincipal buyer = users.create(Role.HOLDER);
        mvc.perform(put("/api/v1/exchange/traders/{id}", buyer.userId()).with(as(secretariat)))
                .andExpect(status().isOk());
        Map<String, Object> sell =
                new HashMap<>(Map.of("side", "SELL", "tradingUnits", 5, "limitPriceJpy", 1000, "validity", "GTC"));
        sell.put("fromAccountId", accountId);
        sell.put("batchId", issued.batchId());
        order(seller, instrumentId, sell);
        order(buyer, instrumentId, Map.of("side", "BUY", "tradingUnits", 5, "limitPriceJpy", 1000, "validity", "GTC"));
        ExchangeTestCalendar.CLOCK.setTokyo(day + "T" + auction + ":00");
        assertThat(auctionRun.run(
                        instrumentId,
                        LocalDateTime.parse(day + "T" + auction)
                                .atZone(SchemeTime.ZONE)
                                .toInstant()))
                .hasValueSatisfying(
                        run -> assertThat(run.executedTradingUnits()).isEqualTo(5));
        JsonNode mine = read(mvc.perform(get("/api/v1/exchange/contracts").with(as(buyer))));
        assertThat(mine).hasSize(1);
        return new Traded(mine.get(0).get("id").asLong(), buyer, seller, accountId, issued.batchId());
    }

    /** The instrument of YBC removals without an ecosystem, which only these tests trade. */
    private long instrument() throws Exception {
        List<Long> found = jdbc.sql("SELECT id FROM exchange_instrument WHERE programme_code = 'YBC' "
                        + "AND credit_type = 'REMOVAL' AND ecosystem_group = 'none'")
                .query(Long.class)
                .list();
        if (!found.isEmpty()) {
            return found.get(0);
        }
        Map<String, Object> body = Map.of(
                "programmeCode", "YBC", "creditType", "REMOVAL", "ecosystemGroup", "none", "referencePriceJpy", 1000);
        return read(mvc.perform(post("/api/v1/exchange/instruments")
                                .with(as(secretariat))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(json.writeValueAsString(body)))
                        .andExpect(status().isCreated()))
                .get("id")
                .asLong();
    }

    private void order(AmamoPrincipal user, long instrumentId, Map<String, Object> body) throws Exception {
        mvc.perform(post("/api/v1/exchange/instruments/{id}/orders", instrumentId)
                        .with(as(user))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(body)))
                .andExpect(status().isCreated());
    }

    private JsonNode read(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }

    private ResultActions confirm(AmamoPrincipal user, long contractId) throws Exception {
        return mvc.perform(post("/api/v1/exchange/contracts/{id}/payment-confirmation", contractId)
                .with(as(user)));
    }

    private ResultActions askRetirement(AmamoPrincipal user, long contractId, Map<String, Object> body)
            throws Exception {
        return mvc.perform(put("/api/v1/exchange/contracts/{id}/retirement", contractId)
                .with(as(user))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)));
    }

    private static Map<String, Object> disclosure() {
        return Map.of(
                "beneficiary", "横浜港湾株式会社",
                "purpose", "CORPORATE",
                "emissionsOffset", "2026年度の本社の電力使用",
                "note", "取引所で購入");
    }

    /** The registry units of a batch a user holds in their accounts. */
    private long held(AmamoPrincipal user, long batchId) {
        return registry.holdings(user).stream()
                .filter(h -> h.batch().batchId() == batchId)
                .mapToLong(HeldCredits::creditUnits)
                .sum();
    }

    private long escrowed(long contractId) {
        return jdbc.sql("SELECT escrow_account_id, batch_id FROM exchange_contract WHERE id = ?")
                .param(contractId)
                .query((row, n) -> registry.unitsOfBatch(row.getLong(1), row.getLong(2)))
                .single();
    }

    private String statusOf(long contractId) {
        return jdbc.sql("SELECT status FROM exchange_contract WHERE id = ?")
                .param(contractId)
                .query(String.class)
                .single();
    }

    @Test
    void theSellerConfirmsPaymentAndTheBuyersAccountHoldsTheCreditsOnce() throws Exception {
        Traded traded = contract("2027-01-05", "11:30");
        mvc.perform(get("/api/v1/exchange/contracts/{id}", traded.id()).with(as(traded.seller())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("AWAITING_PAYMENT"))
                .andExpect(jsonPath("$.seller").value(true))
                .andExpect(jsonPath("$.buyer").value(false))
                .andExpect(jsonPath("$.tradingUnits").value(5))
                .andExpect(jsonPath("$.creditUnits").value(SOLD_UNITS))
                .andExpect(jsonPath("$.priceJpy").value(1000))
                .andExpect(jsonPath("$.amountJpy").value(5000))
                .andExpect(jsonPath("$.tradeDate").value("2027-01-05"))
                .andExpect(jsonPath("$.settlementDate").value("2027-01-12"))
                .andExpect(jsonPath("$.payable").value(true));
        long escrowBefore = escrowed(traded.id());
        assertThat(held(traded.buyer(), traded.batchId())).isZero();

        ExchangeTestCalendar.CLOCK.setTokyo("2027-01-12T16:00:00");
        confirm(traded.seller(), traded.id())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SETTLED"))
                .andExpect(jsonPath("$.retireForBuyer").value(false))
                .andExpect(jsonPath("$.deliveredAccountId").isNumber())
                .andExpect(jsonPath("$.serialRanges").isString());
        assertThat(held(traded.buyer(), traded.batchId())).isEqualTo(SOLD_UNITS);
        assertThat(escrowed(traded.id())).isEqualTo(escrowBefore - SOLD_UNITS);
        assertThat(held(traded.seller(), traded.batchId())).isEqualTo(100 - SOLD_UNITS);

        confirm(traded.seller(), traded.id())
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("$"));
        // A PAID contract (as one whose delivery failed stays) is delivered again under the same key: nothing moves.
        jdbc.sql("UPDATE exchange_contract SET status = 'PAID' WHERE id = ?")
                .param(traded.id())
                .update();
        confirm(traded.seller(), traded.id())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SETTLED"));
        assertThat(held(traded.buyer(), traded.batchId())).isEqualTo(SOLD_UNITS);
        assertThat(escrowed(traded.id())).isEqualTo(escrowBefore - SOLD_UNITS);
    }

    @Test
    void aBuyersRequestHasTheCreditsRetiredOnItsBehalfAndItMayWithdrawItUntilPaid() throws Exception {
        Traded traded = contract("2027-01-05", "15:00");
        askRetirement(
                        traded.buyer(),
                        traded.id(),
                        Map.of("beneficiary", "x", "purpose", "CORPORATE", "emissionsOffset", "y"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.retireForBuyer").value(true));
        mvc.perform(delete("/api/v1/exchange/contracts/{id}/retirement", traded.id())
                        .with(as(traded.buyer())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.retireForBuyer").value(false))
                .andExpect(jsonPath("$.beneficiary").doesNotExist());
        askRetirement(traded.buyer(), traded.id(), disclosure())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.retireForBuyer").value(true))
                .andExpect(jsonPath("$.beneficiary").value("横浜港湾株式会社"))
                .andExpect(jsonPath("$.purpose").value("CORPORATE"));

        JsonNode settled = read(confirm(traded.seller(), traded.id()).andExpect(status().isOk()));
        assertThat(settled.get("status").asText()).isEqualTo("SETTLED");
        long retirementId = settled.get("retirementId").asLong();
        mvc.perform(get("/api/v1/registry/retirements/{id}", retirementId))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.beneficiary").value("横浜港湾株式会社"))
                .andExpect(jsonPath("$.purpose").value("CORPORATE"))
                .andExpect(jsonPath("$.emissionsOffset").value("2026年度の本社の電力使用"))
                .andExpect(jsonPath("$.note").value("取引所で購入"))
                .andExpect(jsonPath("$.creditUnits").value(SOLD_UNITS));
        assertThat(held(traded.buyer(), traded.batchId())).isZero();

        askRetirement(traded.buyer(), traded.id(), disclosure()).andExpect(status().isConflict());
        mvc.perform(delete("/api/v1/exchange/contracts/{id}/retirement", traded.id())
                        .with(as(traded.buyer())))
                .andExpect(status().isConflict());
    }

    @Test
    void aContractUnpaidAfterItsSettlementDateLapsesTheCreditsGoBackAndTheBuyerHasALapse() throws Exception {
        Traded traded = contract("2027-01-06", "11:30");
        long escrowBefore = escrowed(traded.id());
        assertThat(held(traded.seller(), traded.batchId())).isEqualTo(100 - SOLD_UNITS);

        ExchangeTestCalendar.CLOCK.setTokyo("2027-01-13T23:59:00");
        settlement.lapseDue();
        assertThat(statusOf(traded.id())).isEqualTo("AWAITING_PAYMENT");
        mvc.perform(post("/api/v1/exchange/contracts/{id}/lapse", traded.id()).with(as(secretariat)))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("2027-01-13")));

        ExchangeTestCalendar.CLOCK.setTokyo("2027-01-14T00:00:00");
        confirm(traded.seller(), traded.id()).andExpect(status().isConflict());
        askRetirement(traded.buyer(), traded.id(), disclosure()).andExpect(status().isConflict());
        assertThat(settlement.lapseDue()).isGreaterThanOrEqualTo(1);

        assertThat(statusOf(traded.id())).isEqualTo("LAPSED");
        assertThat(held(traded.seller(), traded.batchId())).isEqualTo(100);
        assertThat(escrowed(traded.id())).isEqualTo(escrowBefore - SOLD_UNITS);
        assertThat(settlement.lapseDue()).isZero();
        assertThat(held(traded.seller(), traded.batchId())).isEqualTo(100);

        mvc.perform(get("/api/v1/exchange/contracts/{id}", traded.id()).with(as(traded.buyer())))
                .andExpect(jsonPath("$.status").value("LAPSED"))
                .andExpect(jsonPath("$.lapsedAt").isString());
        JsonNode traders = read(mvc.perform(get("/api/v1/exchange/traders").with(as(secretariat))));
        for (JsonNode trader : traders) {
            if (trader.get("userId").asLong() == traded.buyer().userId()) {
                assertThat(trader.get("lapses").asLong()).isEqualTo(1);
            }
            if (trader.get("userId").asLong() == traded.seller().userId()) {
                assertThat(trader.get("lapses").asLong()).isZero();
            }
        }
        mvc.perform(get("/account/exchange").with(as(traded.buyer())))
                .andExpect(content().string(containsString("あなたが買い手として失効させた約定：1件")));
        mvc.perform(post("/api/v1/exchange/contracts/{id}/lapse", traded.id()).with(as(secretariat)))
                .andExpect(status().isConflict());
    }

    @Test
    void theSecretariatLapsesOneContractPastItsDateAndOnlyTheSecretariat() throws Exception {
        Traded traded = contract("2027-01-06", "15:00");
        ExchangeTestCalendar.CLOCK.setTokyo("2027-01-14T09:00:00");
        mvc.perform(post("/api/v1/exchange/contracts/{id}/lapse", traded.id()).with(as(traded.seller())))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/exchange/contracts/{id}/lapse", 999_999_999L).with(as(secretariat)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/exchange/contracts/{id}/lapse", traded.id()).with(as(secretariat)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("LAPSED"));
        assertThat(held(traded.seller(), traded.batchId())).isEqualTo(100);
        mvc.perform(get("/api/v1/exchange/contracts")
                        .param("all", "true")
                        .param("status", "LAPSED")
                        .with(as(secretariat)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == " + traded.id() + ")].status").value("LAPSED"));
    }

    @Test
    void onlyThePartiesActAndEveryBadInputIsRefusedAtItsFieldWithNothingChanged() throws Exception {
        Traded traded = contract("2027-01-07", "11:30");
        AmamoPrincipal stranger = users.create(Role.HOLDER);
        long escrowBefore = escrowed(traded.id());

        confirm(traded.buyer(), traded.id()).andExpect(status().isForbidden());
        confirm(stranger, traded.id()).andExpect(status().isForbidden());
        confirm(secretariat, traded.id()).andExpect(status().isForbidden());
        confirm(traded.seller(), 999_999_999L).andExpect(status().isNotFound());
        askRetirement(traded.seller(), traded.id(), disclosure()).andExpect(status().isForbidden());
        askRetirement(stranger, traded.id(), disclosure()).andExpect(status().isForbidden());
        mvc.perform(delete("/api/v1/exchange/contracts/{id}/retirement", traded.id())
                        .with(as(stranger)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/exchange/contracts/{id}", traded.id()).with(as(stranger)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/exchange/contracts/{id}", 999_999_999L).with(as(stranger)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/exchange/contracts").param("all", "true").with(as(stranger)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/exchange/contracts").param("status", "DONE").with(as(stranger)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"));
        assertThat(read(mvc.perform(get("/api/v1/exchange/contracts").with(as(stranger)))))
                .isEmpty();

        Map<String, Object> bad = new HashMap<>();
        bad.put("beneficiary", " ");
        bad.put("purpose", "FUN");
        bad.put("emissionsOffset", "x".repeat(501));
        bad.put("note", "a\u0000b");
        JsonNode refused = read(askRetirement(traded.buyer(), traded.id(), bad).andExpect(status().isBadRequest()));
        assertThat(refused.get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("beneficiary", "purpose", "emissionsOffset", "note");
        Map<String, Object> longBeneficiary = new HashMap<>(disclosure());
        longBeneficiary.put("beneficiary", "あ".repeat(201));
        askRetirement(traded.buyer(), traded.id(), longBeneficiary)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("beneficiary"));
        Map<String, Object> atTheLimit = new HashMap<>(disclosure());
        atTheLimit.put("beneficiary", "あ".repeat(200));
        atTheLimit.put("note", "n".repeat(1000));
        askRetirement(traded.buyer(), traded.id(), atTheLimit).andExpect(status().isOk());
        mvc.perform(delete("/api/v1/exchange/contracts/{id}/retirement", traded.id())
                        .with(as(traded.buyer())))
                .andExpect(status().isOk());

        mvc.perform(get("/api/v1/exchange/contracts/{id}", traded.id()).with(as(traded.buyer())))
                .andExpect(jsonPath("$.status").value("AWAITING_PAYMENT"))
                .andExpect(jsonPath("$.retireForBuyer").value(false));
        assertThat(escrowed(traded.id())).isEqualTo(escrowBefore);
        assertThat(held(traded.buyer(), traded.batchId())).isZero();
    }

    @Test
    void theContractNoteIsForTheBuyerAndTheSellerOnly() throws Exception {
        Traded traded = contract("2027-01-07", "15:00");
        for (AmamoPrincipal party : List.of(traded.buyer(), traded.seller())) {
            byte[] pdf = mvc.perform(get("/api/v1/exchange/contracts/{id}/note.pdf", traded.id())
                            .with(as(party)))
                    .andExpect(status().isOk())
                    .andExpect(content().contentType(MediaType.APPLICATION_PDF))
                    .andReturn()
                    .getResponse()
                    .getContentAsByteArray();
            assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1))
                    .isEqualTo("%PDF-");
        }
        mvc.perform(get("/account/exchange/contracts/{id}/note.pdf", traded.id())
                        .with(as(traded.buyer()))
                        .param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF));
        AmamoPrincipal stranger = users.create(Role.HOLDER);
        mvc.perform(get("/api/v1/exchange/contracts/{id}/note.pdf", traded.id()).with(as(stranger)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/exchange/contracts/{id}/note.pdf", traded.id()).with(as(secretariat)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/exchange/contracts/{id}/note.pdf", 999_999_999L)
                        .with(as(stranger)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/account/exchange/contracts/{id}/note.pdf", traded.id())
                        .with(as(stranger)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/account/exchange/contracts/{id}/note.pdf", 999_999_999L)
                        .with(as(stranger)))
                .andExpect(status().isNotFound());
    }

    @Test
    void thePagesShowTheContractsAskForRetirementAndConfirmPaymentOnlyAfterTheAmountIsTyped() throws Exception {
        Traded traded = contract("2027-01-08", "11:30");
        String row = "id=\"contract-" + traded.id() + "\"";
        mvc.perform(get("/account/exchange").with(as(traded.buyer())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(row)))
                .andExpect(content().string(containsString("入金待ち")))
                .andExpect(content().string(containsString("id=\"request-retirement-" + traded.id() + "\"")))
                .andExpect(content().string(containsString("id=\"note-" + traded.id() + "\"")));
        mvc.perform(get("/account/exchange").with(as(traded.seller())).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Awaiting payment")))
                .andExpect(content().string(containsString("id=\"confirm-payment-" + traded.id() + "\"")));

        mvc.perform(post("/account/exchange/contracts/{id}/retirement", traded.id())
                        .with(as(traded.buyer()))
                        .with(csrf())
                        .param("beneficiary", "")
                        .param("purpose", "CORPORATE")
                        .param("emissionsOffset", "社用車"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("入力してください")));
        mvc.perform(post("/account/exchange/contracts/{id}/retirement", traded.id())
                        .with(as(traded.buyer()))
                        .with(csrf())
                        .param("beneficiary", "Yokohama Port Ltd")
                        .param("purpose", "CORPORATE")
                        .param("emissionsOffset", "Company cars"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/account/exchange#contract-" + traded.id()));
        mvc.perform(post("/account/exchange/contracts/{id}/confirm-payment", traded.id())
                        .with(as(traded.buyer()))
                        .with(csrf()))
                .andExpect(status().isForbidden());

        mvc.perform(post("/account/exchange/contracts/{id}/confirm-payment", traded.id())
                        .with(as(traded.seller()))
                        .with(csrf())
                        .param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Confirm the payment?")))
                .andExpect(content().string(containsString("Yokohama Port Ltd")))
                .andExpect(content().string(containsString("typedConfirmation")));
        mvc.perform(post("/account/exchange/contracts/{id}/confirm-payment", traded.id())
                        .with(as(traded.seller()))
                        .with(csrf())
                        .param("confirmed", "yes")
                        .param("typedConfirmation", "4,000"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"confirm-form\"")));
        assertThat(statusOf(traded.id())).isEqualTo("AWAITING_PAYMENT");
        mvc.perform(post("/account/exchange/contracts/{id}/confirm-payment", traded.id())
                        .with(as(traded.seller()))
                        .with(csrf())
                        .param("confirmed", "yes")
                        .param("typedConfirmation", "5,000"))
                .andExpect(status().is3xxRedirection());
        assertThat(statusOf(traded.id())).isEqualTo("SETTLED");
        mvc.perform(get("/account/exchange").with(as(traded.buyer())).param("lang", "en"))
                .andExpect(content().string(containsString("Settled")))
                .andExpect(content().string(containsString("Retirement certificate")));

        mvc.perform(get("/secretariat/exchange").with(as(secretariat)).param("status", "SETTLED"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(row)))
                .andExpect(content().string(containsString("決済済み")));
        mvc.perform(get("/secretariat/exchange")
                        .with(as(secretariat))
                        .param("lang", "en")
                        .param("status", "LAPSED"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Lapses")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString(row))));
        mvc.perform(get("/secretariat/exchange").with(as(secretariat)).param("status", "GONE"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/secretariat/exchange").with(as(traded.buyer()))).andExpect(status().isForbidden());
    }

    @Test
    void theSecretariatLapsesOnItsPageAfterAConfirmationStep() throws Exception {
        Traded traded = contract("2027-01-08", "15:00");
        ExchangeTestCalendar.CLOCK.setTokyo("2027-01-18T09:00:00");
        mvc.perform(get("/secretariat/exchange").with(as(secretariat)).param("status", "AWAITING_PAYMENT"))
                .andExpect(content().string(containsString("id=\"lapse-" + traded.id() + "\"")));
        mvc.perform(post("/secretariat/exchange/contracts/{id}/lapse", traded.id())
                        .with(as(secretariat))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("約定を失効させますか")));
        assertThat(statusOf(traded.id())).isEqualTo("AWAITING_PAYMENT");
        mvc.perform(post("/secretariat/exchange/contracts/{id}/lapse", traded.id())
                        .with(as(secretariat))
                        .with(csrf())
                        .param("confirmed", "yes"))
                .andExpect(status().is3xxRedirection());
        assertThat(statusOf(traded.id())).isEqualTo("LAPSED");
        assertThat(held(traded.seller(), traded.batchId())).isEqualTo(100);
    }
}
