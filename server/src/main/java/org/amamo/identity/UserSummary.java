package org.amamo.identity;

import java.util.Set;

/** What other features may know of a user: who they are, whom they act for, what they may do. */
public record UserSummary(
        long userId,
        String email,
        String fullName,
        Long organisationId,
        String organisationName,
        Set<Role> roles,
        boolean enabled) {

    public UserSummary {
        roles = Set.copyOf(roles);
    }

    /** The name to show: the organisation's name for an organisation's user, else the person's. */
    public String displayName() {
        return organisationName == null ? fullName : organisationName + " " + fullName;
    }
}
