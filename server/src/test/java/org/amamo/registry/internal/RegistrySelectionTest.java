package org.amamo.registry.internal;

import static org.amamo.testing.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.function.Supplier;
import org.amamo.platform.Outcome;
import org.amamo.platform.Refusal;
import org.amamo.platform.RefusalKind;
import org.amamo.registry.IssuanceRequest;
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

/**
 * The holder chooses its credits: a transfer or retirement that names a batch, a serial range or a project and
 * vintage takes exactly those credits, under the same account rules as any other; a selection the account cannot
 * give is refused naming its field and changes nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(RegistryFixture.class)
class RegistrySelectionTest {

    @Autowired
    RegistryFixture fixture;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    Holder alice;
    Holder bob;
    /** Alice's larger batch (50 units, vintage 2023), which the largest-block rule draws first. */
    String large;
    /** Alice's smaller batch (30 units, vintage 2024), the one she selects. */
    String small;

    @BeforeEach
    void aliceHoldsTwoProjectsCredits() {
        alice = fixture.holder();
        bob = fixture.holder();
        large = batchOf(fixture.issue(2023, 50, alice));
        small = batchOf(fixture.issue(2024, 30, alice));
    }

    @AfterEach
    void ledgerStaysSound() {
        fixture.assertLedgerSound();
    }

    private static String batchOf(Receipt issued) {
        return issued.lines().get(0).serialRange().substring(0, 16);
    }

    private static RetirementDisclosure disclosure() {
        return new RetirementDisclosure("株式会社テスト", RetirementPurpose.CORPORATE, "2024年度の排出", 2024, null);
    }

    private Outcome<Receipt> transfer(long units, Registry.Selection selection, String key) {
        return fixture.registry.transfer(
                alice.actor(), new Registry.Transfer(alice.accountId(), bob.accountId(), units, selection), key);
    }

    private Outcome<Receipt> retire(long units, Registry.Selection selection, String key) {
        return fixture.registry.retire(
                alice.actor(), new Registry.Retirement(alice.accountId(), units, disclosure(), selection), key);
    }

    private static List<String> ranges(Outcome<Receipt> outcome) {
        assertThat(outcome.refusals()).isEmpty();
        return outcome.value().lines().stream().map(Receipt.Line::serialRange).toList();
    }

    @Test
    void transfersTheLowestSerialsOfTheNamedBatchNotTheLargestBlock() {
        assertThat(ranges(transfer(10, Registry.Selection.ofBatch(small), null)))
                .containsExactly(small + "-000001-000010");
        assertThat(fixture.balance(bob)).isEqualTo(10);
        assertThat(fixture.balance(alice)).isEqualTo(70);
        // Lower case and blanks are read as the serial is.
        assertThat(ranges(transfer(5, Registry.Selection.ofBatch(" " + small.toLowerCase() + " "), null)))
                .containsExactly(small + "-000011-000015");
    }

    @Test
    void transfersExactlyTheNamedSerialRange() {
        assertThat(ranges(transfer(10, Registry.Selection.ofSerialRange(small + "-000005-000014"), null)))
                .containsExactly(small + "-000005-000014");
        // The serials on either side of the range just moved are still alice's to name.
        assertThat(ranges(transfer(4, Registry.Selection.ofSerialRange(small + "-000001-000004"), null)))
                .containsExactly(small + "-000001-000004");
        assertThat(fixture.balance(bob)).isEqualTo(14);
    }

    @Test
    void transfersByProjectAndVintageLowestBatchFirst() {
        IssuanceRequest first = RegistryFixture.request(2022, 10, alice);
        fixture.issuer.issue(Actor.SYSTEM, first);
        IssuanceRequest second = new IssuanceRequest(
                first.projectId(),
                first.projectCode(),
                first.projectName(),
                first.programmePrefix(),
                first.vintage(),
                first.methodologyVersion(),
                first.creditType(),
                first.certifier(),
                20,
                first.holders(),
                null);
        assertThat(fixture.issuer.issue(Actor.SYSTEM, second).refusals()).isEmpty();
        String prefix = "JBC-2022-" + first.projectCode() + "-";
        assertThat(ranges(transfer(15, Registry.Selection.ofProject(first.projectCode(), 2022), null)))
                .containsExactly(prefix + "01-000001-000010", prefix + "02-000001-000005");
    }

    @Test
    void retiresTheNamedBatchAndTheRecordNamesIt() throws Exception {
        Outcome<Receipt> retired = retire(20, Registry.Selection.ofBatch(small), "retire-small");
        assertThat(ranges(retired)).containsExactly(small + "-000001-000020");
        Long retirementId = retired.value().retirementId();
        assertThat(retirementId).isNotNull();
        mvc.perform(get("/api/v1/registry/retirements/" + retirementId))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.creditUnits").value(20))
                .andExpect(jsonPath("$.serialRanges.length()").value(1))
                .andExpect(jsonPath("$.serialRanges[0]").value(small + "-000001-000020"))
                .andExpect(jsonPath("$.batches.length()").value(1));
        Outcome<Receipt> again = retire(20, Registry.Selection.ofBatch(small), "retire-small");
        assertThat(again.value().replayed()).isTrue();
        assertThat(again.value().entryId()).isEqualTo(retired.value().entryId());
        assertThat(again.value().retirementId()).isEqualTo(retirementId);
        assertThat(fixture.balance(alice)).isEqualTo(60);
    }

    @Test
    void aReplayedKeyGivesTheFirstReceiptAndAnotherSelectionUnderItIsRefused() {
        Outcome<Receipt> first = transfer(10, Registry.Selection.ofBatch(small), "pick-1");
        Outcome<Receipt> again = transfer(10, Registry.Selection.ofBatch(small), "pick-1");
        assertThat(again.value().replayed()).isTrue();
        assertThat(again.value().entryId()).isEqualTo(first.value().entryId());
        assertThat(fixture.balance(bob)).isEqualTo(10);
        Outcome<Receipt> other = transfer(10, Registry.Selection.ofBatch(large), "pick-1");
        assertThat(other.kind()).isEqualTo(RefusalKind.CONFLICT);
        assertThat(other.refusals()).extracting(Refusal::messageKey).containsExactly("registry.idempotency.reused");
        assertThat(transfer(10, Registry.Selection.NONE, "pick-1").refusals())
                .extracting(Refusal::messageKey)
                .containsExactly("registry.idempotency.reused");
    }

    @Test
    void anUnselectedTransferStillTakesTheLargestBlockFirst() {
        assertThat(ranges(transfer(10, Registry.Selection.NONE, null))).containsExactly(large + "-000001-000010");
        assertThat(ranges(fixture.registry.transfer(
                        alice.actor(), new Registry.Transfer(alice.accountId(), bob.accountId(), 5), null)))
                .containsExactly(large + "-000011-000015");
    }

    @Test
    void refusesMalformedOrDoubleSelectionsAsInvalid() {
        refused(() -> transfer(1, Registry.Selection.ofBatch("JBC-24-X"), null), RefusalKind.INVALID, "batch");
        refused(
                () -> transfer(1, Registry.Selection.ofSerialRange("nonsense"), null),
                RefusalKind.INVALID,
                "serialRange");
        refused(
                () -> transfer(5, Registry.Selection.ofSerialRange(small + "-000001-000004"), null),
                RefusalKind.INVALID,
                "serialRange");
        refused(
                () -> transfer(1, new Registry.Selection(small, small + "-000001", null, null), null),
                RefusalKind.INVALID,
                "serialRange");
        refused(
                () -> retire(1, new Registry.Selection(small, null, "0001", 2024), null),
                RefusalKind.INVALID,
                "projectCode");
        refused(() -> transfer(1, Registry.Selection.ofProject("0001", null), null), RefusalKind.INVALID, "vintage");
        refused(() -> transfer(1, Registry.Selection.ofProject(null, 2024), null), RefusalKind.INVALID, "projectCode");
        refused(() -> transfer(1, Registry.Selection.ofProject("a-b", 2024), null), RefusalKind.INVALID, "projectCode");
    }

    @Test
    void refusesUnknownBatchesAndSerialsAsNotFound() {
        refused(
                () -> transfer(1, Registry.Selection.ofBatch("JBC-2024-ZZZZ-01"), null),
                RefusalKind.NOT_FOUND,
                "batch");
        refused(
                () -> retire(2, Registry.Selection.ofSerialRange(small + "-000031-000032"), null),
                RefusalKind.NOT_FOUND,
                "serialRange");
        refused(
                () -> transfer(1, Registry.Selection.ofProject("ZZZZ", 2024), null),
                RefusalKind.NOT_FOUND,
                "projectCode");
    }

    @Test
    void refusesARangeThatRunsPastItsBatchAsAConflict() {
        // Serial 30 is the small batch's last: a range on to 31 would reach into another batch.
        refused(
                () -> retire(2, Registry.Selection.ofSerialRange(small + "-000030-000031"), null),
                RefusalKind.CONFLICT,
                "serialRange",
                "registry.selection.beyond-batch");
    }

    @Test
    void readsARangeAtMostTheLimitOfBlocksDeepAndAsksForASmallerOneBeyondIt() {
        String fragmented = batchOf(fixture.issue(2025, 110, alice));
        // Every second serial up to 102 goes to bob, so serials 1..102 lie in 102 blocks of one serial each.
        for (long serial = 2; serial <= 102; serial += 2) {
            String one = fragmented + String.format("-%06d", serial);
            assertThat(transfer(1, Registry.Selection.ofSerialRange(one), null).refused())
                    .isFalse();
        }
        int limit = Registry.MAX_RANGE_PIECES;
        // At the limit the range is read in full, and refused for what it is: not all alice's.
        refused(
                () -> transfer(limit, Registry.Selection.ofSerialRange(fragmented + "-000001-000100"), null),
                RefusalKind.CONFLICT,
                "serialRange",
                "registry.selection.not-held");
        // One block past it, the read stops and the holder is asked for a smaller range.
        refused(
                () -> transfer(limit + 1, Registry.Selection.ofSerialRange(fragmented + "-000001-000101"), null),
                RefusalKind.CONFLICT,
                "serialRange",
                "registry.selection.range-too-fragmented");
        refused(
                () -> retire(limit + 1, Registry.Selection.ofSerialRange(fragmented + "-000002-000102"), null),
                RefusalKind.CONFLICT,
                "serialRange",
                "registry.selection.range-too-fragmented");
        // A range alice holds is one block, however fragmented the batch around it.
        assertThat(ranges(transfer(3, Registry.Selection.ofSerialRange(fragmented + "-000103-000105"), null)))
                .containsExactly(fragmented + "-000103-000105");
    }

    @Test
    void refusesCreditsTheAccountDoesNotHoldRetiredOrCancelled() {
        String bobs = batchOf(fixture.issue(2024, 10, bob));
        refused(() -> transfer(1, Registry.Selection.ofBatch(bobs), "not-mine"), RefusalKind.CONFLICT, "batch");
        refused(
                () -> transfer(31, Registry.Selection.ofBatch(small), "too-many"),
                RefusalKind.CONFLICT,
                "batch",
                "registry.selection.insufficient");
        refused(
                () -> transfer(2, Registry.Selection.ofSerialRange(bobs + "-000001-000002"), null),
                RefusalKind.CONFLICT,
                "serialRange",
                "registry.selection.not-held");
        assertThat(retire(5, Registry.Selection.ofBatch(small), null).refused()).isFalse();
        refused(
                () -> transfer(10, Registry.Selection.ofSerialRange(small + "-000001-000010"), null),
                RefusalKind.CONFLICT,
                "serialRange",
                "registry.selection.retired");
        assertThat(fixture.registry
                        .cancel(
                                Actor.of(fixture.secretariat()),
                                new Registry.Cancellation(small + "-000021-000025", "誤発行"),
                                null)
                        .refused())
                .isFalse();
        refused(
                () -> retire(3, Registry.Selection.ofSerialRange(small + "-000020-000022"), null),
                RefusalKind.CONFLICT,
                "serialRange",
                "registry.selection.cancelled");
        // A kept refusal answers the retry the same way without evaluating it again.
        refused(() -> transfer(1, Registry.Selection.ofBatch(bobs), "not-mine"), RefusalKind.CONFLICT, "batch");
    }

    @Test
    void appliesTheAccountRulesOfAnyTransfer() {
        refused(
                () -> fixture.registry.transfer(
                        bob.actor(),
                        new Registry.Transfer(alice.accountId(), bob.accountId(), 1, Registry.Selection.ofBatch(small)),
                        null),
                RefusalKind.FORBIDDEN,
                "fromAccountId");
        refused(
                () -> fixture.registry.transfer(
                        alice.actor(),
                        new Registry.Transfer(alice.accountId(), 99_999_999L, 1, Registry.Selection.ofBatch(small)),
                        null),
                RefusalKind.NOT_FOUND,
                "toAccountId");
        long retirementAccount =
                fixture.accountStore.accountByOwnerKey("R:2024").orElseThrow().id();
        refused(
                () -> fixture.registry.transfer(
                        alice.actor(),
                        new Registry.Transfer(
                                alice.accountId(), retirementAccount, 1, Registry.Selection.ofBatch(small)),
                        null),
                RefusalKind.CONFLICT,
                "toAccountId");
    }

    @Test
    void theApiAcceptsASelectionAndRefusesABadOneNamingTheField() throws Exception {
        mvc.perform(post("/api/v1/registry/transfers")
                        .with(as(alice.user()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(transferJson(7, "\"batch\":\"" + small + "\"")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.lines[0].serialRange").value(small + "-000001-000007"));
        long entries = entries();
        mvc.perform(post("/api/v1/registry/transfers")
                        .with(as(alice.user()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(transferJson(7, "\"batch\":\"JBC\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("batch"));
        mvc.perform(post("/api/v1/registry/retirements")
                        .with(as(alice.user()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fromAccountId\":" + alice.accountId() + ",\"creditUnits\":3,\"beneficiary\":\"b\","
                                + "\"purpose\":\"EVENT\",\"emissionsOffset\":\"e\",\"serialRange\":\"" + small
                                + "-000001-000003\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("serialRange"));
        assertThat(entries()).isEqualTo(entries);
    }

    @Test
    void theAccountPageListsBatchesAndItsFormsTakeTheNamedBatch() throws Exception {
        mvc.perform(get("/account/registry/accounts/" + alice.accountId()).with(as(alice.user())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-batch=\"" + small + "\"")))
                .andExpect(content().string(containsString("data-batch=\"" + large + "\"")));
        mvc.perform(get("/account/registry/accounts/" + alice.accountId())
                        .param("batch", small)
                        .with(as(alice.user())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"" + small + "\"")));
        mvc.perform(post("/account/registry/accounts/" + alice.accountId() + "/transfer")
                        .with(as(alice.user()))
                        .with(csrf())
                        .param("toAccountId", Long.toString(bob.accountId()))
                        .param("tonnes", "0.4")
                        .param("batch", small))
                .andExpect(redirectedUrl("/account/registry/accounts/" + alice.accountId()));
        assertThat(fixture.balance(bob)).isEqualTo(4);
        mvc.perform(post("/account/registry/accounts/" + alice.accountId() + "/retire")
                        .with(as(alice.user()))
                        .with(csrf())
                        .param("confirmed", "yes")
                        .param("tonnes", "2.0")
                        .param("beneficiary", "Yokohama City")
                        .param("purpose", "EVENT")
                        .param("emissionsOffset", "Umi no Hi event")
                        .param("offsetTonnesCo2", "100000")
                        .param("offsetCoverage", "PART")
                        .param("batch", small))
                .andExpect(redirectedUrlPattern("/registry/retirements/*"));
        mvc.perform(get("/registry/retirements"))
                .andExpect(content().string(containsString(small + "-000005-000024")))
                .andExpect(content().string(not(containsString(large + "-000001"))));
        long entries = entries();
        mvc.perform(post("/account/registry/accounts/" + alice.accountId() + "/retire")
                        .with(as(alice.user()))
                        .with(csrf())
                        .param("confirmed", "yes")
                        .param("tonnes", "1.0")
                        .param("beneficiary", "Yokohama City")
                        .param("purpose", "EVENT")
                        .param("emissionsOffset", "Umi no Hi event")
                        .param("offsetTonnesCo2", "100000")
                        .param("offsetCoverage", "PART")
                        .param("batch", "JBC-nonsense"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("JBC-2025-0003-01")));
        assertThat(entries()).isEqualTo(entries);
    }

    private String transferJson(long units, String selection) {
        return "{\"fromAccountId\":" + alice.accountId() + ",\"toAccountId\":" + bob.accountId() + ",\"creditUnits\":"
                + units + "," + selection + "}";
    }

    private void refused(Supplier<Outcome<Receipt>> operation, RefusalKind kind, String field, String... messageKeys) {
        long entries = entries();
        long blocks = jdbc.sql("SELECT COUNT(*) FROM registry_block")
                .query(Long.class)
                .single();
        long aliceBalance = fixture.balance(alice);
        long bobBalance = fixture.balance(bob);
        Outcome<Receipt> outcome = operation.get();
        assertThat(outcome.kind()).isEqualTo(kind);
        assertThat(outcome.refusals()).extracting(Refusal::field).contains(field);
        if (messageKeys.length > 0) {
            assertThat(outcome.refusals()).extracting(Refusal::messageKey).containsExactly(messageKeys);
        }
        assertThat(entries()).as("journal entries").isEqualTo(entries);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM registry_block")
                        .query(Long.class)
                        .single())
                .isEqualTo(blocks);
        assertThat(fixture.balance(alice)).isEqualTo(aliceBalance);
        assertThat(fixture.balance(bob)).isEqualTo(bobBalance);
    }

    private long entries() {
        return jdbc.sql("SELECT COUNT(*) FROM registry_journal_entry")
                .query(Long.class)
                .single();
    }
}
