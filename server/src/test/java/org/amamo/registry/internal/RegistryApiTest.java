package org.amamo.registry.internal;

import static org.amamo.testing.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.amamo.identity.AmamoPrincipal;
import org.amamo.registry.internal.RegistryFixture.Holder;
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
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The REST API: every bad input answers a clear 4xx with a message and changes nothing; retries apply once. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(RegistryFixture.class)
class RegistryApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    RegistryFixture fixture;

    @Autowired
    JdbcClient jdbc;

    Holder alice;
    Holder bob;
    String batch;
    long entriesBefore;

    @BeforeEach
    void aliceHoldsOneHundredUnits() {
        alice = fixture.holder();
        bob = fixture.holder();
        batch = fixture.issue(2024, 100, alice).lines().get(0).serialRange().substring(0, 17);
        entriesBefore = entries();
    }

    @AfterEach
    void ledgerStaysSound() {
        fixture.assertLedgerSound();
    }

    @Test
    void transfersAndAnswersWithTheSerialRanges() throws Exception {
        mvc.perform(transfer(alice, alice.accountId(), bob.accountId(), 25))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.serialRanges[0]").value(batch + "000001-000025"))
                .andExpect(jsonPath("$.creditUnits").value(25));
        assertThat(fixture.balance(bob)).isEqualTo(25);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReturnsTheFirstResultAndChangesNothing() throws Exception {
        String first = mvc.perform(transfer(alice, alice.accountId(), bob.accountId(), 10)
                        .header("Idempotency-Key", "k-" + alice.accountId()))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        mvc.perform(transfer(alice, alice.accountId(), bob.accountId(), 10)
                        .header("Idempotency-Key", "k-" + alice.accountId()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.replayed").value(true))
                .andExpect(jsonPath("$.entryId").value(com.jayway.jsonpath.JsonPath.<Integer>read(first, "$.entryId")));
        assertThat(fixture.balance(bob)).isEqualTo(10);
        assertThat(entries()).isEqualTo(entriesBefore + 1);
    }

    @Test
    void aRetryOfARefusedRequestGetsTheSameRefusal() throws Exception {
        String key = "refused-" + alice.accountId();
        refused(
                transfer(alice, alice.accountId(), bob.accountId(), 101).header("Idempotency-Key", key),
                status().isConflict(),
                "creditUnits");
        refused(
                transfer(alice, alice.accountId(), bob.accountId(), 101).header("Idempotency-Key", key),
                status().isConflict(),
                "creditUnits");
        refused(
                transfer(alice, alice.accountId(), bob.accountId(), 1).header("Idempotency-Key", key),
                status().isConflict(),
                "Idempotency-Key");
    }

    @Test
    void refusesMoreThanTheBalance() throws Exception {
        refused(transfer(alice, alice.accountId(), bob.accountId(), 101), status().isConflict(), "creditUnits");
    }

    @Test
    void refusesZeroAndNegativeQuantities() throws Exception {
        refused(transfer(alice, alice.accountId(), bob.accountId(), 0), status().isBadRequest(), "creditUnits");
        refused(transfer(alice, alice.accountId(), bob.accountId(), -5), status().isBadRequest(), "creditUnits");
        refused(retire(alice, alice.accountId(), 0, "横浜市"), status().isBadRequest(), "creditUnits");
    }

    @Test
    void refusesAQuantityOneBeyondTheLimit() throws Exception {
        refused(
                transfer(alice, alice.accountId(), bob.accountId(), Registry.MAX_OPERATION_UNITS + 1),
                status().isBadRequest(),
                "creditUnits");
    }

    @Test
    void refusesUnknownAccounts() throws Exception {
        refused(transfer(alice, alice.accountId(), 999_999, 1), status().isNotFound(), "toAccountId");
        refused(transfer(alice, 999_999, bob.accountId(), 1), status().isNotFound(), "fromAccountId");
    }

    @Test
    void refusesAClosedOrUnopenedReceivingAccount() throws Exception {
        Holder carol = fixture.holder();
        assertThat(fixture.desk.close(Actor.SYSTEM, carol.accountId()).refused())
                .isFalse();
        AmamoPrincipal dave = fixture.users.create(org.amamo.identity.Role.HOLDER);
        long requested = fixture.desk.request(Actor.of(dave), false).value();
        entriesBefore = entries();
        refused(transfer(alice, alice.accountId(), carol.accountId(), 1), status().isConflict(), "toAccountId");
        refused(transfer(alice, alice.accountId(), requested, 1), status().isConflict(), "toAccountId");
    }

    @Test
    void refusesToMoveSomeoneElsesCredits() throws Exception {
        refused(transfer(bob, alice.accountId(), bob.accountId(), 1), status().isForbidden(), "fromAccountId");
        refused(retire(bob, alice.accountId(), 1, "横浜市"), status().isForbidden(), "fromAccountId");
        refused(
                get("/api/v1/registry/accounts/" + alice.accountId() + "/statement")
                        .with(as(bob.user())),
                status().isForbidden(),
                "$");
    }

    @Test
    void refusesATransferToTheSameAccount() throws Exception {
        refused(transfer(alice, alice.accountId(), alice.accountId(), 1), status().isBadRequest(), "toAccountId");
    }

    @Test
    void refusesARetirementWithoutItsDisclosure() throws Exception {
        refused(retire(alice, alice.accountId(), 1, " "), status().isBadRequest(), "beneficiary");
        refused(
                post("/api/v1/registry/retirements")
                        .with(as(alice.user()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fromAccountId\":" + alice.accountId() + ",\"creditUnits\":1,\"beneficiary\":\"x\","
                                + "\"purpose\":\"HOLIDAY\",\"emissionsOffset\":\"y\"}"),
                status().isBadRequest(),
                "purpose");
        refused(
                post("/api/v1/registry/transfers")
                        .with(as(alice.user()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fromAccountId\":" + alice.accountId() + "}"),
                status().isBadRequest(),
                "creditUnits");
    }

    @Test
    void refusesToCancelRetiredUnits() throws Exception {
        mvc.perform(retire(alice, alice.accountId(), 10, "横浜市")).andExpect(status().isCreated());
        entriesBefore = entries();
        AmamoPrincipal secretariat = fixture.secretariat();
        refused(cancel(secretariat, batch + "000005-000012"), status().isConflict(), "serialRange");
        refused(cancel(secretariat, "JBC-2024-XX"), status().isBadRequest(), "serialRange");
        refused(cancel(secretariat, batch + "000090-000101"), status().isNotFound(), "serialRange");
        refused(cancel(secretariat, "JBC-1999-9999-01-000001-000001"), status().isNotFound(), "serialRange");
    }

    @Test
    void refusesRetiredUnitsToMoveEvenByTheirFormerOwner() throws Exception {
        mvc.perform(retire(alice, alice.accountId(), 100, "横浜市")).andExpect(status().isCreated());
        entriesBefore = entries();
        refused(transfer(alice, alice.accountId(), bob.accountId(), 1), status().isConflict(), "creditUnits");
        long retirementAccount =
                fixture.accountStore.accountByOwnerKey("R:2024").orElseThrow().id();
        refused(transfer(alice, retirementAccount, bob.accountId(), 1), status().isForbidden(), "fromAccountId");
    }

    @Test
    void refusesIssuanceWhoseSharesDoNotAddUpOrWhoseHolderIsUnknown() throws Exception {
        AmamoPrincipal secretariat = fixture.secretariat();
        refused(
                issue(
                        secretariat,
                        "[{\"userId\":" + alice.user().userId() + ",\"sharePercent\":60},{\"userId\":"
                                + bob.user().userId() + ",\"sharePercent\":39.9}]"),
                status().isBadRequest(),
                "holders");
        refused(issue(secretariat, "[{\"userId\":999999,\"sharePercent\":100}]"), status().isNotFound(), "holders[0]");
        refused(
                issue(secretariat, "[{\"userId\":1,\"organisationId\":1,\"sharePercent\":100}]"),
                status().isBadRequest(),
                "holders[0]");
    }

    @Test
    void refusesAnIdempotencyKeyLongerThanTheLimit() throws Exception {
        refused(
                transfer(alice, alice.accountId(), bob.accountId(), 1)
                        .header("Idempotency-Key", "k".repeat(Registry.MAX_KEY_LENGTH + 1)),
                status().isBadRequest(),
                "Idempotency-Key");
    }

    @Test
    void refusesAnonymousChanges() throws Exception {
        mvc.perform(post("/api/v1/registry/transfers")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isUnauthorized());
        assertThat(entries()).isEqualTo(entriesBefore);
    }

    @Test
    void showsBatchesRetirementsAndSerialsToEveryone() throws Exception {
        mvc.perform(retire(alice, alice.accountId(), 7, "横浜市")).andExpect(status().isCreated());
        mvc.perform(get("/api/v1/registry/batches").param("projectCode", batch.substring(9, 13)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].issuedUnits").value(100))
                .andExpect(jsonPath("$[0].retiredUnits").value(7))
                .andExpect(jsonPath("$[0].activeUnits").value(93));
        mvc.perform(get("/api/v1/registry/retirements"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].beneficiary").value("横浜市"))
                .andExpect(jsonPath("$[0].serialRanges[0]").value(batch + "000001-000007"))
                .andExpect(jsonPath("$[0].batches[0].methodologyVersion").value("JBE-2.3"));
        mvc.perform(get("/api/v1/registry/serials/" + batch + "000005-000010"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.blocks[0].status").value("RETIRED"))
                .andExpect(jsonPath("$.blocks[0].retirementId").isNumber())
                .andExpect(jsonPath("$.blocks[1].status").value("ACTIVE"));
        mvc.perform(get("/api/v1/registry/serials/nonsense")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/registry/serials/JBC-2024-ZZZZ-01-000001")).andExpect(status().isNotFound());
    }

    @Test
    void giveTheOwnerAStatementAsJsonAndCsv() throws Exception {
        mvc.perform(transfer(alice, alice.accountId(), bob.accountId(), 5)).andExpect(status().isCreated());
        mvc.perform(get("/api/v1/registry/accounts/" + alice.accountId() + "/statement")
                        .with(as(alice.user())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].operation").value("TRANSFER"))
                .andExpect(jsonPath("$[0].creditUnits").value(-5))
                .andExpect(jsonPath("$[1].operation").value("ISSUE"));
        mvc.perform(get("/api/v1/registry/accounts/" + alice.accountId() + "/statement.csv")
                        .with(as(alice.user())))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("TRANSFER," + bob.accountId())));
    }

    private void refused(MockHttpServletRequestBuilder request, ResultMatcher status, String field) throws Exception {
        long blocks = jdbc.sql("SELECT COUNT(*) FROM registry_block")
                .query(Long.class)
                .single();
        long aliceBalance = fixture.balance(alice);
        mvc.perform(request)
                .andExpect(status)
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].message").isNotEmpty());
        assertThat(entries()).as("journal entries").isEqualTo(entriesBefore);
        assertThat(fixture.balance(alice)).isEqualTo(aliceBalance);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM registry_block")
                        .query(Long.class)
                        .single())
                .isEqualTo(blocks);
    }

    private long entries() {
        return jdbc.sql("SELECT COUNT(*) FROM registry_journal_entry")
                .query(Long.class)
                .single();
    }

    static MockHttpServletRequestBuilder transfer(Holder by, long from, long to, long units) {
        return post("/api/v1/registry/transfers")
                .with(as(by.user()))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"fromAccountId\":" + from + ",\"toAccountId\":" + to + ",\"creditUnits\":" + units + "}");
    }

    static MockHttpServletRequestBuilder retire(Holder by, long from, long units, String beneficiary) {
        return post("/api/v1/registry/retirements")
                .with(as(by.user()))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                        "{\"fromAccountId\":" + from + ",\"creditUnits\":" + units + ",\"beneficiary\":\"" + beneficiary
                                + "\",\"purpose\":\"EVENT\",\"emissionsOffset\":\"イベントの電力\",\"reportingYear\":2024}");
    }

    static MockHttpServletRequestBuilder cancel(AmamoPrincipal by, String serialRange) {
        return post("/api/v1/registry/cancellations")
                .with(as(by))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"serialRange\":\"" + serialRange + "\",\"reason\":\"誤発行\"}");
    }

    static MockHttpServletRequestBuilder issue(AmamoPrincipal by, String holdersJson) {
        return post("/api/v1/registry/issuances")
                .with(as(by))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"projectId\":1,\"projectCode\":\"0099\",\"projectName\":\"p\",\"programmePrefix\":\"JBC\","
                        + "\"vintage\":2024,\"methodologyVersion\":\"JBE-2.3\",\"creditType\":\"REMOVAL\","
                        + "\"certifier\":\"c\",\"creditUnits\":10,\"holders\":" + holdersJson + "}");
    }
}
