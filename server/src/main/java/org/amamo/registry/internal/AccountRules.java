package org.amamo.registry.internal;

import java.util.Optional;
import org.amamo.platform.Outcome;
import org.amamo.platform.Refusal;
import org.amamo.platform.RefusalKind;

/**
 * The rules on the accounts an operation takes units from and gives them to, each stated once: transfers and
 * retirements ({@link OperationGroup}), cancellations ({@link Registry}) and the market's moves ({@link MarketDesk})
 * apply the same ones. An allowed account costs nothing (an empty optional); a refusal names the request's field.
 */
final class AccountRules {

    private AccountRules() {}

    /** Refuses an account that does not exist (a null row). */
    static <T> Optional<Outcome<T>> exists(AccountRow account, String field) {
        return account != null
                ? Optional.empty()
                : Optional.of(Outcome.refused(RefusalKind.NOT_FOUND, Refusal.of(field, "registry.account.not-found")));
    }

    /** Refuses a source that does not exist or is not the actor's own holding account. */
    static <T> Optional<Outcome<T>> ownSource(Actor actor, AccountRow from) {
        if (from == null) {
            return exists(null, "fromAccountId");
        }
        return actor.owns(from)
                ? Optional.empty()
                : Optional.of(Outcome.refused(
                        RefusalKind.FORBIDDEN, Refusal.of("fromAccountId", "registry.account.not-yours")));
    }

    /** Refuses an account that is not an open holding account (requested, rejected, closed, or not a holder's). */
    static <T> Optional<Outcome<T>> openHolding(AccountRow account, String field) {
        return open(account.openHolding(), field);
    }

    /** Refuses an account that is not an open escrow account. */
    static <T> Optional<Outcome<T>> openEscrow(AccountRow account, String field) {
        return open(escrowed(account) && account.status() == AccountStatus.OPEN, field);
    }

    /** Whether the account is a market round's escrow, whose units only the round's settlement may move. */
    static boolean escrowed(AccountRow account) {
        return account.kind() == AccountKind.ESCROW;
    }

    private static <T> Optional<Outcome<T>> open(boolean open, String field) {
        return open
                ? Optional.empty()
                : Optional.of(Outcome.refused(RefusalKind.CONFLICT, Refusal.of(field, "registry.account.not-open")));
    }
}
