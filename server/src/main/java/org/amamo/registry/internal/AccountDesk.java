package org.amamo.registry.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.amamo.identity.UserDirectory;
import org.amamo.identity.UserSummary;
import org.amamo.platform.Outcome;
import org.amamo.platform.Refusal;
import org.amamo.platform.RefusalKind;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Holding accounts' life: a user asks for one (for themselves, or for the organisation they act for), the
 * secretariat opens or rejects it, and may close an empty one. Opening and closing are journaled on the account's
 * chain.
 */
@Service
public class AccountDesk {

    private final AccountStore accountStore;

    private final BlockStore blockStore;

    private final JournalStore journalStore;
    private final Journal journal;
    private final UserDirectory users;
    private final Clock clock;

    AccountDesk(
            AccountStore accountStore,
            BlockStore blockStore,
            JournalStore journalStore,
            Journal journal,
            UserDirectory users,
            Clock clock) {
        this.accountStore = accountStore;
        this.blockStore = blockStore;
        this.journalStore = journalStore;
        this.journal = journal;
        this.users = users;
        this.clock = clock;
    }

    /** Asks for a holding account; the answer is the new account's id. */
    @Transactional
    public Outcome<Long> request(Actor actor, boolean forOrganisation) {
        if (forOrganisation && actor.organisationId() == null) {
            return Outcome.refused(
                    RefusalKind.INVALID, Refusal.of("forOrganisation", "registry.account.no-organisation"));
        }
        String ownerKey = forOrganisation ? "O:" + actor.organisationId() : "U:" + actor.userId();
        if (accountStore.accountByOwnerKey(ownerKey).isPresent()) {
            return Outcome.refused(RefusalKind.CONFLICT, Refusal.of("$", "registry.account.exists"));
        }
        Optional<UserSummary> user = users.find(actor.userId());
        String name = forOrganisation
                ? accountStore.organisationName(actor.organisationId()).orElseThrow()
                : user.map(UserSummary::fullName).orElseThrow();
        try {
            return Outcome.done(accountStore.insertAccount(
                    AccountKind.HOLDING,
                    AccountStatus.REQUESTED,
                    ownerKey,
                    forOrganisation ? null : actor.userId(),
                    forOrganisation ? actor.organisationId() : null,
                    null,
                    name,
                    actor.userId(),
                    clock.instant()));
        } catch (DuplicateKeyException e) {
            return Outcome.refused(RefusalKind.CONFLICT, Refusal.of("$", "registry.account.exists"));
        }
    }

    /** Opens a requested account (secretariat). */
    @Transactional
    public Outcome<Long> approve(Actor actor, long accountId) {
        return decide(actor, accountId, AccountStatus.REQUESTED, AccountStatus.OPEN, Operation.ACCOUNT_OPENED);
    }

    /** Rejects a requested account (secretariat); the owner may ask again. */
    @Transactional
    public Outcome<Long> reject(Actor actor, long accountId) {
        return decide(actor, accountId, AccountStatus.REQUESTED, AccountStatus.REJECTED, null);
    }

    /** Closes an open holding account that holds nothing (secretariat). */
    @Transactional
    public Outcome<Long> close(Actor actor, long accountId) {
        if (actor.secretariat() && accountStore.account(accountId).isPresent()) {
            accountStore.lockAccounts(List.of(accountId));
            if (blockStore.balance(accountId) != 0) {
                return Outcome.refused(RefusalKind.CONFLICT, Refusal.of("$", "registry.account.not-empty"));
            }
        }
        return decide(actor, accountId, AccountStatus.OPEN, AccountStatus.CLOSED, Operation.ACCOUNT_CLOSED);
    }

    private Outcome<Long> decide(
            Actor actor, long accountId, AccountStatus from, AccountStatus to, Operation journaled) {
        if (!actor.secretariat()) {
            return Outcome.refused(RefusalKind.FORBIDDEN, Refusal.of("$", "registry.secretariat-only"));
        }
        if (accountStore.account(accountId).isEmpty()) {
            return Outcome.refused(RefusalKind.NOT_FOUND, Refusal.of("$", "registry.account.not-found"));
        }
        List<AccountRow> locked = accountStore.lockAccounts(List.of(accountId));
        AccountRow account = locked.get(0);
        if (account.kind() != AccountKind.HOLDING || account.status() != from) {
            return Outcome.refused(
                    RefusalKind.CONFLICT,
                    Refusal.of("$", "registry.account.state", account.status().name()));
        }
        accountStore.decide(accountId, to, actor.userId(), clock.instant());
        if (journaled != null) {
            journal.append(
                    journalStore.nextEntryId(),
                    journaled,
                    actor,
                    null,
                    null,
                    0,
                    new Payload().with("account", accountId).with("status", to),
                    locked,
                    List.of());
        }
        return Outcome.done(accountId);
    }
}
