package org.amamo.identity.internal;

import java.time.Instant;
import java.util.Set;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
import org.amamo.identity.UserSummary;

/** A user as stored, with organisation and roles. */
record StoredUser(
        long id,
        AccountKind kind,
        String email,
        String passwordHash,
        String fullName,
        Long organisationId,
        String organisationName,
        String corporateNumber,
        String title,
        String address,
        String phone,
        boolean enabled,
        int failedLogins,
        Instant lockedUntil,
        Instant createdAt,
        Set<Role> roles) {

    StoredUser {
        roles = Set.copyOf(roles);
    }

    StoredUser withRoles(Set<Role> newRoles) {
        return new StoredUser(
                id,
                kind,
                email,
                passwordHash,
                fullName,
                organisationId,
                organisationName,
                corporateNumber,
                title,
                address,
                phone,
                enabled,
                failedLogins,
                lockedUntil,
                createdAt,
                newRoles);
    }

    boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    AmamoPrincipal principal(Instant now) {
        return new AmamoPrincipal(id, email, fullName, organisationId, roles, enabled, lockedAt(now), passwordHash);
    }

    UserSummary summary() {
        return new UserSummary(id, email, fullName, organisationId, organisationName, roles, enabled);
    }
}
