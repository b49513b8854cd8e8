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
        Instant emailConfirmedAt,
        String language,
        boolean secondFactorEnrolled,
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
                emailConfirmedAt,
                language,
                secondFactorEnrolled,
                newRoles);
    }

    boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /** The user as signed in with a password alone (a second factor, if any, is asked next). */
    AmamoPrincipal principal(Instant now) {
        return principal(now, false);
    }

    AmamoPrincipal principal(Instant now, boolean secondFactor) {
        return new AmamoPrincipal(
                id,
                email,
                fullName,
                organisationId,
                roles,
                enabled,
                lockedAt(now),
                passwordHash,
                emailConfirmedAt != null,
                secondFactor);
    }

    /** The language of the user's e-mail. */
    java.util.Locale locale() {
        return java.util.Locale.forLanguageTag(language);
    }

    UserSummary summary() {
        return new UserSummary(id, email, fullName, organisationId, organisationName, roles, enabled);
    }
}
