package org.amamo.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.amamo.platform.Outcome;
import org.amamo.platform.RefusalKind;
import org.amamo.registry.CreditType;
import org.amamo.registry.InitialHolder;
import org.amamo.registry.IssuanceRequest;
import org.amamo.registry.IssuanceResult;
import org.amamo.registry.internal.RegistryFixture.Holder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The ledger's operations against the database: what moves where, and that the invariants hold after each. */
@SpringBootTest
@Import(RegistryFixture.class)
class RegistryLedgerTest {

    @Autowired
    RegistryFixture fixture;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void ledgerStaysSound() {
        fixture.assertLedgerSound();
    }

    @Test
    void issuesConsecutiveRangesToHoldersByLargestRemainder() {
        Holder a = fixture.holder();
        Holder b = fixture.holder();
        Holder c = fixture.holder();
        IssuanceRequest request = RegistryFixture.request(2024, 1000, a, b, c);
        IssuanceResult result = fixture.issuer.issue(request);

        assertThat(result.issued()).isTrue();
        assertThat(result.allocations())
                .extracting(IssuanceResult.Allocation::creditUnits)
                .containsExactly(333L, 333L, 334L);
        String batch = "JBC-2024-" + request.projectCode() + "-01-";
        assertThat(result.allocations())
                .extracting(IssuanceResult.Allocation::serialRange)
                .containsExactly(batch + "000001-000333", batch + "000334-000666", batch + "000667-001000");
        assertThat(fixture.balance(c)).isEqualTo(334);
    }

    @Test
    void numbersBatchesOfAProjectAndVintageInOrder() {
        Holder a = fixture.holder();
        IssuanceRequest first = RegistryFixture.request(2024, 10, a);
        fixture.issuer.issue(first);
        IssuanceRequest second = new IssuanceRequest(
                first.projectId(),
                first.projectCode(),
                first.projectName(),
                "JBC",
                2024,
                "JBE-2.3",
                CreditType.REMOVAL,
                "certifier",
                5,
                List.of(InitialHolder.user(a.user().userId(), "100")),
                null);
        assertThat(fixture.issuer.issue(second).allocations().get(0).serialRange())
                .isEqualTo("JBC-2024-" + first.projectCode() + "-02-000001-000005");
    }

    @Test
    void transfersTheLowestSerialsFirstAndMergesThemBack() {
        Holder a = fixture.holder();
        Holder b = fixture.holder();
        Receipt issued = fixture.issue(2023, 100, a);
        String batch = issued.lines().get(0).serialRange().substring(0, 17);

        Outcome<Receipt> out =
                fixture.registry.transfer(a.actor(), new Registry.Transfer(a.accountId(), b.accountId(), 30), null);
        assertThat(out.value().serialRanges()).containsExactly(batch + "000001-000030");
        assertThat(fixture.balance(a)).isEqualTo(70);
        assertThat(fixture.balance(b)).isEqualTo(30);

        fixture.registry.transfer(b.actor(), new Registry.Transfer(b.accountId(), a.accountId(), 30), null);
        assertThat(blocksOf(a.accountId())).isEqualTo(1);
        assertThat(blocksOf(b.accountId())).isZero();
    }

    @Test
    void severalArrivingPiecesMergeWithTheirNeighboursIntoOneBlock() {
        Holder a = fixture.holder();
        Holder b = fixture.holder();
        Holder c = fixture.holder();
        String batch = fixture.issue(2023, 100, a).lines().get(0).serialRange().substring(0, 17);
        // B holds 1-10 and 21-30, C holds 11-20 and 31-40.
        for (Holder to : List.of(b, c, b, c)) {
            fixture.registry.transfer(a.actor(), new Registry.Transfer(a.accountId(), to.accountId(), 10), null);
        }
        assertThat(blocksOf(b.accountId())).isEqualTo(2);
        assertThat(blocksOf(c.accountId())).isEqualTo(2);

        // C's two blocks arrive together: 11-20 closes the gap between B's blocks, and 31-40 then extends the
        // block that gap-closing made.
        Outcome<Receipt> out =
                fixture.registry.transfer(c.actor(), new Registry.Transfer(c.accountId(), b.accountId(), 20), null);
        assertThat(out.value().serialRanges()).containsExactly(batch + "000011-000020", batch + "000031-000040");
        assertThat(blocksOf(b.accountId())).isEqualTo(1);
        assertThat(blocksOf(c.accountId())).isZero();
        assertThat(fixture.balance(b)).isEqualTo(40);
        fixture.assertLedgerSound();
    }

    @Test
    void transferSpansBlocksAndBatches() {
        Holder a = fixture.holder();
        Holder b = fixture.holder();
        fixture.issue(2022, 10, a);
        fixture.issue(2023, 10, a);
        Outcome<Receipt> out =
                fixture.registry.transfer(a.actor(), new Registry.Transfer(a.accountId(), b.accountId(), 15), null);
        assertThat(out.value().lines()).extracting(Receipt.Line::creditUnits).containsExactly(10L, 5L);
        assertThat(fixture.balance(b)).isEqualTo(15);
    }

    @Test
    void retiresIntoTheVintagesRetirementAccountWithTheDisclosure() {
        Holder a = fixture.holder();
        fixture.issue(2021, 50, a);
        RetirementDisclosure disclosure =
                new RetirementDisclosure("横浜市", RetirementPurpose.EVENT, "海の日イベントの電力使用", 2024, "note");
        Outcome<Receipt> retired =
                fixture.registry.retire(a.actor(), new Registry.Retirement(a.accountId(), 20, disclosure), null);

        assertThat(retired.refused()).isFalse();
        assertThat(retired.value().retirementId()).isNotNull();
        assertThat(fixture.balance(a)).isEqualTo(30);
        long retirementAccount =
                fixture.accountStore.accountByOwnerKey("R:2021").orElseThrow().id();
        assertThat(retired.value().lines()).allMatch(line -> line.toAccountId() == retirementAccount);
    }

    @Test
    void refusesToCancelRetiredUnitsAndCancelsActiveOnes() {
        Holder a = fixture.holder();
        Receipt issued = fixture.issue(2020, 50, a);
        String batch = issued.lines().get(0).serialRange().substring(0, 17);
        fixture.registry.retire(
                a.actor(),
                new Registry.Retirement(
                        a.accountId(), 10, new RetirementDisclosure("x", RetirementPurpose.OTHER, "y", null, null)),
                null);

        Outcome<Receipt> refused =
                fixture.registry.cancel(Actor.SYSTEM, new Registry.Cancellation(batch + "000005-000015", "誤発行"), null);
        assertThat(refused.kind()).isEqualTo(RefusalKind.CONFLICT);
        assertThat(fixture.balance(a)).isEqualTo(40);

        Outcome<Receipt> cancelled =
                fixture.registry.cancel(Actor.SYSTEM, new Registry.Cancellation(batch + "000020-000029", "誤発行"), null);
        assertThat(cancelled.refused()).isFalse();
        assertThat(fixture.balance(a)).isEqualTo(30);
        assertThat(blocksOf(a.accountId())).isEqualTo(2);
    }

    @Test
    void aRetryWithTheSameKeyReturnsTheFirstReceiptAndMovesNothing() {
        Holder a = fixture.holder();
        Holder b = fixture.holder();
        fixture.issue(2024, 10, a);
        Registry.Transfer transfer = new Registry.Transfer(a.accountId(), b.accountId(), 4);
        Outcome<Receipt> first = fixture.registry.transfer(a.actor(), transfer, "retry-" + a.accountId());
        Outcome<Receipt> again = fixture.registry.transfer(a.actor(), transfer, "retry-" + a.accountId());

        assertThat(again.value().entryId()).isEqualTo(first.value().entryId());
        assertThat(again.value().replayed()).isTrue();
        assertThat(again.value().serialRanges()).isEqualTo(first.value().serialRanges());
        assertThat(fixture.balance(b)).isEqualTo(4);

        Outcome<Receipt> different = fixture.registry.transfer(
                a.actor(), new Registry.Transfer(a.accountId(), b.accountId(), 5), "retry-" + a.accountId());
        assertThat(different.kind()).isEqualTo(RefusalKind.CONFLICT);
        assertThat(fixture.balance(b)).isEqualTo(4);
    }

    @Test
    void aRetryOfARefusedRequestGetsTheFirstRefusalWithoutBeingWeighedAgain() {
        Holder a = fixture.holder();
        Holder b = fixture.holder();
        fixture.issue(2024, 10, a);
        Registry.Transfer tooMany = new Registry.Transfer(a.accountId(), b.accountId(), 15);
        String key = "refused-" + a.accountId();
        Outcome<Receipt> first = fixture.registry.transfer(a.actor(), tooMany, key);
        assertThat(first.kind()).isEqualTo(RefusalKind.CONFLICT);
        assertThat(first.refusals())
                .extracting(org.amamo.platform.Refusal::messageKey)
                .containsExactly("registry.balance.insufficient");

        // Now the balance would suffice, but the key's answer is already given.
        fixture.issue(2024, 10, a);
        long entries = entries();
        Outcome<Receipt> again = fixture.registry.transfer(a.actor(), tooMany, key);
        assertThat(again.kind()).isEqualTo(RefusalKind.CONFLICT);
        assertThat(again.refusals()).hasToString(first.refusals().toString());
        assertThat(entries()).isEqualTo(entries);
        assertThat(fixture.balance(b)).isZero();

        // The same key for another request is refused as reused; a new key applies.
        Outcome<Receipt> other =
                fixture.registry.transfer(a.actor(), new Registry.Transfer(a.accountId(), b.accountId(), 1), key);
        assertThat(other.refusals())
                .extracting(org.amamo.platform.Refusal::messageKey)
                .containsExactly("registry.idempotency.reused");
        assertThat(fixture.registry.transfer(a.actor(), tooMany, key + "-new").refused())
                .isFalse();
        assertThat(fixture.balance(b)).isEqualTo(15);
    }

    @Test
    void aRefusalTheLedgerNeverWeighedIsNotKept() {
        Holder a = fixture.holder();
        Holder b = fixture.holder();
        fixture.issue(2024, 10, a);
        String key = "invalid-" + a.accountId();
        Outcome<Receipt> invalid =
                fixture.registry.transfer(a.actor(), new Registry.Transfer(a.accountId(), b.accountId(), 0), key);
        assertThat(invalid.kind()).isEqualTo(RefusalKind.INVALID);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM registry_refused_request WHERE idempotency_key = ?")
                        .param(key)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(fixture.registry
                        .transfer(a.actor(), new Registry.Transfer(a.accountId(), b.accountId(), 0), key)
                        .kind())
                .isEqualTo(RefusalKind.INVALID);
    }

    @Test
    void verifyNamesTheRetirementWhosePublicRecordWasAltered() {
        Holder a = fixture.holder();
        fixture.issue(2024, 10, a);
        RetirementDisclosure disclosure =
                new RetirementDisclosure("横浜市", RetirementPurpose.EVENT, "海の日イベント", 2024, null);
        Receipt retired = fixture.registry
                .retire(a.actor(), new Registry.Retirement(a.accountId(), 4, disclosure), null)
                .value();
        fixture.registry.retire(a.actor(), new Registry.Retirement(a.accountId(), 1, disclosure), null);
        assertThat(fixture.audit.verify().intact()).isTrue();

        for (String tamper : List.of(
                "beneficiary = '別の会社'",
                "purpose = 'CORPORATE'",
                "reporting_year = 2023",
                "note = 'added'",
                "credit_units = 40")) {
            String saved = jdbc.sql(
                            "SELECT beneficiary || '|' || purpose || '|' || reporting_year || '|' || credit_units"
                                    + " FROM registry_retirement WHERE id = ?")
                    .param(retired.retirementId())
                    .query(String.class)
                    .single();
            jdbc.sql("UPDATE registry_retirement SET " + tamper + " WHERE id = ?")
                    .param(retired.retirementId())
                    .update();
            try {
                Journal.Verification verification = fixture.audit.verify();
                assertThat(verification.intact()).as(tamper).isFalse();
                assertThat(verification.brokenEntryId()).as(tamper).isEqualTo(retired.entryId());
                assertThat(verification.problem()).as(tamper).contains("retirement record " + retired.retirementId());
            } finally {
                String[] parts = saved.split("\\|");
                jdbc.sql("UPDATE registry_retirement SET beneficiary = ?, purpose = ?, reporting_year = ?, note = NULL,"
                                + " credit_units = ? WHERE id = ?")
                        .params(
                                parts[0],
                                parts[1],
                                Integer.parseInt(parts[2]),
                                Long.parseLong(parts[3]),
                                retired.retirementId())
                        .update();
            }
        }
        assertThat(fixture.audit.verify().intact()).isTrue();
    }

    @Test
    void verifyNamesARetirementWhosePublicRecordWasDeleted() {
        Holder a = fixture.holder();
        fixture.issue(2024, 10, a);
        RetirementDisclosure disclosure = new RetirementDisclosure("横浜市", RetirementPurpose.OTHER, "電力", null, null);
        Receipt retired = fixture.registry
                .retire(a.actor(), new Registry.Retirement(a.accountId(), 2, disclosure), null)
                .value();
        Receipt kept = fixture.registry
                .retire(a.actor(), new Registry.Retirement(a.accountId(), 3, disclosure), null)
                .value();
        // Point the first record at the second entry and drop the second record: the first entry has lost its record.
        jdbc.sql("DELETE FROM registry_retirement WHERE id = ?")
                .param(kept.retirementId())
                .update();
        jdbc.sql("UPDATE registry_retirement SET entry_id = ? WHERE id = ?")
                .params(kept.entryId(), retired.retirementId())
                .update();
        try {
            Journal.Verification verification = fixture.audit.verify();
            assertThat(verification.brokenEntryId()).isEqualTo(retired.entryId());
            assertThat(verification.problem()).contains("retirement record is missing");
        } finally {
            jdbc.sql("UPDATE registry_retirement SET entry_id = ? WHERE id = ?")
                    .params(retired.entryId(), retired.retirementId())
                    .update();
            fixture.retirementStore.insertRetirement(
                    fixture.journalStore.entry(kept.entryId()).orElseThrow(), a.accountId(), disclosure, 3);
        }
    }

    @Test
    void verifyNamesTheJournalEntryAlteredInTheDatabase() {
        Holder a = fixture.holder();
        Holder b = fixture.holder();
        fixture.issue(2024, 10, a);
        long entry = fixture.registry
                .transfer(a.actor(), new Registry.Transfer(a.accountId(), b.accountId(), 3), null)
                .value()
                .entryId();
        fixture.registry.transfer(b.actor(), new Registry.Transfer(b.accountId(), a.accountId(), 1), null);
        assertThat(fixture.audit.verify().intact()).isTrue();

        jdbc.sql("UPDATE registry_journal_entry SET credit_units = 300 WHERE id = ?")
                .param(entry)
                .update();
        try {
            Journal.Verification verification = fixture.audit.verify();
            assertThat(verification.intact()).isFalse();
            assertThat(verification.brokenEntryId()).isEqualTo(entry);
            assertThat(verification.problem()).contains("entry " + entry);
        } finally {
            jdbc.sql("UPDATE registry_journal_entry SET credit_units = 3 WHERE id = ?")
                    .param(entry)
                    .update();
        }
    }

    @Test
    void verifyNamesAnAlteredMovement() {
        Holder a = fixture.holder();
        Holder b = fixture.holder();
        fixture.issue(2024, 10, a);
        long entry = fixture.registry
                .transfer(a.actor(), new Registry.Transfer(a.accountId(), b.accountId(), 3), null)
                .value()
                .entryId();
        jdbc.sql("UPDATE registry_movement SET to_account_id = ? WHERE entry_id = ?")
                .params(a.accountId(), entry)
                .update();
        try {
            assertThat(fixture.audit.verify().brokenEntryId()).isEqualTo(entry);
        } finally {
            jdbc.sql("UPDATE registry_movement SET to_account_id = ? WHERE entry_id = ?")
                    .params(b.accountId(), entry)
                    .update();
        }
    }

    private long entries() {
        return jdbc.sql("SELECT COUNT(*) FROM registry_journal_entry")
                .query(Long.class)
                .single();
    }

    private long blocksOf(long accountId) {
        return jdbc.sql("SELECT COUNT(*) FROM registry_block WHERE account_id = ?")
                .param(accountId)
                .query(Long.class)
                .single();
    }
}
