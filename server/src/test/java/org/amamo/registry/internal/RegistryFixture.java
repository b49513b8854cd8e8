package org.amamo.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
import org.amamo.platform.Outcome;
import org.amamo.registry.CreditType;
import org.amamo.registry.InitialHolder;
import org.amamo.registry.IssuanceRequest;
import org.amamo.testing.TestUsers;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Component;

/** Test fixtures for the registry: holders with open accounts, the secretariat, issued batches. */
@Component
@Import(TestUsers.class)
class RegistryFixture {

    private static final AtomicInteger PROJECTS = new AtomicInteger();

    final TestUsers users;
    final AccountDesk desk;
    final Issuer issuer;
    final Registry registry;
    final LedgerAudit audit;
    final AccountStore accountStore;
    final BlockStore blockStore;
    final JournalStore journalStore;
    final RetirementStore retirementStore;

    RegistryFixture(
            TestUsers users,
            AccountDesk desk,
            Issuer issuer,
            Registry registry,
            LedgerAudit audit,
            AccountStore accountStore,
            BlockStore blockStore,
            JournalStore journalStore,
            RetirementStore retirementStore) {
        this.users = users;
        this.desk = desk;
        this.issuer = issuer;
        this.registry = registry;
        this.audit = audit;
        this.accountStore = accountStore;
        this.blockStore = blockStore;
        this.journalStore = journalStore;
        this.retirementStore = retirementStore;
    }

    /** A user and their open holding account. */
    record Holder(AmamoPrincipal user, long accountId) {
        Actor actor() {
            return Actor.of(user);
        }
    }

    AmamoPrincipal secretariat() {
        return users.create(Role.SECRETARIAT);
    }

    Holder holder() {
        AmamoPrincipal user = users.create(Role.HOLDER);
        long account = desk.request(Actor.of(user), false).value();
        assertThat(desk.approve(Actor.SYSTEM, account).refused()).isFalse();
        return new Holder(user, account);
    }

    /** Issues a new batch of {@code units} shared equally (by largest remainder) among the holders. */
    Receipt issue(int vintage, long units, Holder... holders) {
        Outcome<Receipt> outcome = issuer.issue(Actor.SYSTEM, request(vintage, units, holders));
        assertThat(outcome.refusals()).isEmpty();
        return outcome.value();
    }

    static IssuanceRequest request(int vintage, long units, Holder... holders) {
        List<InitialHolder> initial = new ArrayList<>();
        BigDecimal each = BigDecimal.valueOf(100).divide(BigDecimal.valueOf(holders.length), 2, RoundingMode.DOWN);
        BigDecimal given = BigDecimal.ZERO;
        for (int i = 0; i < holders.length; i++) {
            BigDecimal share = i == holders.length - 1 ? BigDecimal.valueOf(100).subtract(given) : each;
            given = given.add(share);
            initial.add(new InitialHolder(holders[i].user().userId(), null, share));
        }
        int project = PROJECTS.incrementAndGet();
        return new IssuanceRequest(
                project,
                String.format("%04d", project),
                "アマモ場再生 " + project,
                "JBC",
                vintage,
                "JBE-2.3",
                CreditType.REMOVAL,
                "ジャパンブルーエコノミー技術研究組合",
                units,
                initial,
                null);
    }

    long balance(Holder holder) {
        return blockStore.balance(holder.accountId());
    }

    void assertLedgerSound() {
        LedgerInvariants.Check check = audit.invariants();
        assertThat(check.violations()).as("ledger invariants").isEmpty();
        Journal.Verification verification = audit.verify();
        assertThat(verification.problem()).as("journal").isNull();
        assertThat(verification.intact()).isTrue();
    }
}
