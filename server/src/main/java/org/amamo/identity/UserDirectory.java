package org.amamo.identity;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Looks users up for other features (reviewer assignment, account holders, notifications). */
public interface UserDirectory {

    Optional<UserSummary> find(long userId);

    /** The user with this e-mail address (case-insensitive), enabled or not. */
    Optional<UserSummary> findByEmail(String email);

    /** Enabled users holding {@code role}, by name. */
    List<UserSummary> withRole(Role role);

    /**
     * The ids of the enabled users of an organisation: each acts for it (for instance for its registry holding
     * account), in id order.
     */
    List<Long> usersOf(long organisationId);

    /**
     * As {@link #usersOf(long)} for several organisations at once, in one look-up: each organisation's enabled users
     * in id order, an organisation without any absent.
     */
    Map<Long, List<Long>> usersOf(Collection<Long> organisationIds);
}
