package org.amamo.identity.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
import org.amamo.platform.Refusal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The secretariat's user management (seed 002 "ユーザー管理"). Rules: the secretariat grants and takes
 * away the applicant, reviewer and holder roles; only an administrator grants or takes away the
 * secretariat and administrator roles; nobody disables their own account or takes away their own
 * administrator role, so an installation always keeps someone able to manage it.
 */
@Service
class UserAdministration {

    static final int PAGE_SIZE = 50;

    private final UserRepository users;

    UserAdministration(UserRepository users) {
        this.users = users;
    }

    @Transactional(readOnly = true)
    List<StoredUser> search(String text, Role role, int page) {
        return users.search(text, role, Math.max(page, 0) * PAGE_SIZE, PAGE_SIZE);
    }

    @Transactional(readOnly = true)
    Optional<StoredUser> find(long userId) {
        return users.findById(userId);
    }

    /** Sets the user's roles; returns why not, leaving them unchanged, if the actor may not. */
    @Transactional
    List<Refusal> assignRoles(AmamoPrincipal actor, long userId, Set<Role> requested) {
        StoredUser target = users.findById(userId).orElse(null);
        if (target == null) {
            return List.of(Refusal.of("$", "users.not-found"));
        }
        Set<Role> wanted = requested.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(requested);
        List<Refusal> refusals = new ArrayList<>();
        for (Role role : Role.values()) {
            boolean changes = wanted.contains(role) != target.roles().contains(role);
            if (changes && !role.grantableBySecretariat() && !actor.has(Role.ADMINISTRATOR)) {
                refusals.add(Refusal.of("roles", "users.role.administrator-only", role.name()));
            }
        }
        if (actor.userId() == userId && actor.has(Role.ADMINISTRATOR) && !wanted.contains(Role.ADMINISTRATOR)) {
            refusals.add(Refusal.of("roles", "users.role.keep-own-administrator"));
        }
        if (refusals.isEmpty()) {
            users.replaceRoles(userId, wanted);
        }
        return refusals;
    }

    /** Enables or disables a user's account; a disabled user cannot log in or use API tokens. */
    @Transactional
    List<Refusal> setEnabled(AmamoPrincipal actor, long userId, boolean enabled) {
        StoredUser target = users.findById(userId).orElse(null);
        if (target == null) {
            return List.of(Refusal.of("$", "users.not-found"));
        }
        if (actor.userId() == userId && !enabled) {
            return List.of(Refusal.of("enabled", "users.disable-self"));
        }
        boolean privileged =
                target.roles().contains(Role.ADMINISTRATOR) || target.roles().contains(Role.SECRETARIAT);
        if (privileged && !actor.has(Role.ADMINISTRATOR)) {
            return List.of(Refusal.of("enabled", "users.disable.administrator-only"));
        }
        users.setEnabled(userId, enabled);
        return List.of();
    }
}
