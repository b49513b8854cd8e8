package org.amamo.registry.internal;

import org.amamo.identity.AmamoPrincipal;

/** Who asks for an operation: a signed-in user (and the organisation they act for), or the system. */
public record Actor(Long userId, Long organisationId, boolean secretariat) {

    /** The application workflow issuing on certification: no user, secretariat powers. */
    static final Actor SYSTEM = new Actor(null, null, true);

    public static Actor of(AmamoPrincipal principal) {
        return new Actor(principal.userId(), principal.organisationId(), principal.isSecretariat());
    }

    /** Whether the account is the actor's own: theirs, or their organisation's. */
    public boolean owns(AccountRow account) {
        return account.kind() == AccountKind.HOLDING
                && (userId != null && userId.equals(account.ownerUserId())
                        || organisationId != null && organisationId.equals(account.ownerOrganisationId()));
    }

    /** Owners and the secretariat may read an account's balance and statement. */
    public boolean maySee(AccountRow account) {
        return secretariat || owns(account);
    }
}
