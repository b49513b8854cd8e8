package org.amamo.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.amamo.platform.Outcome;
import org.amamo.platform.Refusal;
import org.amamo.registry.internal.RegistryFixture.Holder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A group of transfers applied in one transaction ({@link OperationGroup}) from accounts whose units lie in many
 * small blocks: the group reads more of them until they cover what it takes, and decides as one by one would, or
 * leaves a request to a later group where memory cannot tell which serials it takes.
 */
@SpringBootTest
@Import(RegistryFixture.class)
class RegistryOperationGroupTest {

    @Autowired
    RegistryFixture fixture;

    @Autowired
    OperationGroup group;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void ledgerStaysSound() {
        fixture.assertLedgerSound();
    }

    /** Three holders b, c and d, and the batch whose serials 1..2n b and c hold (see {@link #interleave}). */
    private record Holders(Holder b, Holder c, Holder d, String batch) {}

    private Holders interleaved(int n) {
        Holder a = fixture.holder();
        Holder b = fixture.holder();
        Holder c = fixture.holder();
        Holder d = fixture.holder();
        return new Holders(b, c, d, interleave(a, b, c, n));
    }

    /** Serials 1..2n of a new batch, held by a: b gets the odd ones and c the even ones, one block per serial. */
    private String interleave(Holder a, Holder b, Holder c, int n) {
        Receipt issued = fixture.issue(2024, 2L * n + 10, a);
        for (int i = 0; i < n; i++) {
            fixture.registry.transfer(a.actor(), new Registry.Transfer(a.accountId(), b.accountId(), 1), null);
            fixture.registry.transfer(a.actor(), new Registry.Transfer(a.accountId(), c.accountId(), 1), null);
        }
        return issued.lines().get(0).serialRange().substring(0, 17);
    }

    private List<Outcome<Receipt>> applyAsOneGroup(List<OperationGroup.Request> requests) {
        return new TransactionTemplate(transactionManager).execute(status -> group.apply(requests));
    }

    private static OperationGroup.Request transfer(Holder from, Holder to, long units, String key) {
        String fingerprint =
                Registry.fingerprint(Operation.TRANSFER, from.actor(), from.accountId(), to.accountId(), units);
        return OperationGroup.Request.transfer(
                from.actor(), new Registry.Transfer(from.accountId(), to.accountId(), units), key, fingerprint);
    }

    private static List<String> singles(String batch, LongStream serials) {
        List<String> ranges = new ArrayList<>();
        serials.forEach(serial -> ranges.add(batch + "%06d-%06d".formatted(serial, serial)));
        return ranges;
    }

    private int blocksOf(Holder holder) {
        return jdbc.sql("SELECT COUNT(*) FROM registry_block WHERE account_id = ? AND status = 'ACTIVE'")
                .param(holder.accountId())
                .query(Integer.class)
                .single();
    }

    @Test
    void readsMoreBlocksUntilTheyCoverTheGroupAndRefusesWithTheExactBalance() {
        Holders h = interleaved(60);
        Holder b = h.b();
        Holder c = h.c();
        Holder d = h.d();
        String batch = h.batch();
        assertThat(blocksOf(b)).isEqualTo(60);

        List<Outcome<Receipt>> outcomes =
                applyAsOneGroup(List.of(transfer(b, d, 50, null), transfer(b, d, 20, null), transfer(c, d, 5, null)));

        // 50 units from b lie in 50 blocks, more than the first read of 16 takes.
        assertThat(outcomes.get(0).value().serialRanges())
                .isEqualTo(singles(
                        batch, LongStream.iterate(1, serial -> serial + 2).limit(50)));
        assertThat(outcomes.get(1).refused()).isTrue();
        assertThat(outcomes.get(1).refusals())
                .containsExactly(Refusal.of("creditUnits", "registry.balance.insufficient", 20L, 10L));
        assertThat(outcomes.get(2).value().serialRanges())
                .isEqualTo(singles(
                        batch, LongStream.iterate(2, serial -> serial + 2).limit(5)));
        assertThat(fixture.balance(b)).isEqualTo(10);
        assertThat(fixture.balance(d)).isEqualTo(55);
        // d holds 1..11 in one block (odd serials from b, even from c) and the odd serials 13..99 one by one.
        assertThat(blocksOf(d)).isEqualTo(1 + 44);
    }

    @Test
    void takesFromTheFirstBlocksReadWhenTheyCoverTheGroup() {
        Holders h = interleaved(40);
        Holder b = h.b();
        Holder c = h.c();
        Holder d = h.d();
        String batch = h.batch();

        List<Outcome<Receipt>> outcomes = applyAsOneGroup(
                List.of(transfer(b, d, 3, "first"), transfer(b, c, 10, "second"), transfer(b, d, 2, "first")));

        assertThat(outcomes.get(0).value().serialRanges()).isEqualTo(singles(batch, LongStream.of(1, 3, 5)));
        assertThat(outcomes.get(1).value().serialRanges())
                .isEqualTo(singles(
                        batch, LongStream.iterate(7, serial -> serial + 2).limit(10)));
        // The same key again in the group with another request: refused, nothing moved.
        assertThat(outcomes.get(2).refusals())
                .containsExactly(Refusal.of("Idempotency-Key", "registry.idempotency.reused"));
        assertThat(fixture.balance(b)).isEqualTo(27);
        assertThat(fixture.balance(d)).isEqualTo(3);
        // c's even serials 6..26 and b's odd ones 7..25 join into one block.
        assertThat(blocksOf(c)).isEqualTo(40 - 11 + 1);
    }

    @Test
    void aSourceThatReceivedUnitsEarlierInTheGroupIsLeftToALaterGroup() {
        Holders h = interleaved(40);
        Holder b = h.b();
        Holder c = h.c();
        Holder d = h.d();
        String batch = h.batch();

        List<Outcome<Receipt>> outcomes =
                applyAsOneGroup(List.of(transfer(c, b, 1, null), transfer(b, d, 2, "b-to-d"), transfer(c, d, 1, null)));

        // c's serial 2 joins b's 1 and 3 (a block of three in the database), which memory did not load: b's take
        // cannot be decided in the group, and takes nothing.
        assertThat(outcomes.get(0).value().serialRanges()).isEqualTo(singles(batch, LongStream.of(2)));
        assertThat(outcomes.get(1)).isNull();
        assertThat(outcomes.get(2).value().serialRanges()).isEqualTo(singles(batch, LongStream.of(4)));
        assertThat(fixture.balance(b)).isEqualTo(41);
        assertThat(fixture.balance(d)).isEqualTo(1);

        // Alone, the same request takes from the block of three that serial 2 made, its largest.
        List<Outcome<Receipt>> later = applyAsOneGroup(List.of(transfer(b, d, 2, "b-to-d")));
        assertThat(later.get(0).value().serialRanges()).containsExactly(batch + "000001-000002");
        assertThat(fixture.balance(d)).isEqualTo(3);
    }
}
