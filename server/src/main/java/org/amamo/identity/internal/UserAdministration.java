package org.amamo.identity.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
import org.amamo.platform.AuditTrail;
import org.amamo.platform.Outcome;
import org.amamo.platform.Refusal;
import org.amamo.platform.RefusalKind;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The secretariat's user management (seed 002 "ユーザー管理"). Rules: the secretariat grants and takes
 * away the applicant, reviewer and holder roles; only an administrator grants or takes away the
 * secretariat and administrator roles; nobody disables their own account or takes away their own
 * administrator role, so an installation always keeps someone able to manage it. Each change is recorded in the
 * {@link AuditTrail}.
 */
@Service
class UserAdministration {

    static final int PAGE_SIZE = 50;

    private static final Refusal NOT_FOUND = Refusal.of("$", "users.not-found");

    private final UserRepository users;
    private final AuditTrail audit;

    UserAdministration(UserRepository users, AuditTrail audit) {
        this.users = users;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    List<StoredUser> search(String text, Role role, int page) {
        return users.search(text, role, Math.max(page, 0) * PAGE_SIZE, PAGE_SIZE);
    }

    @Transactional(readOnly = true)
    Optional<StoredUser> find(long userId) {
        return users.findById(userId);
    }

    /** Sets the user's roles; refused as forbidden, leaving them unchanged, if the actor may not. */
    @Transactional
    Outcome<Void> assignRoles(AmamoPrincipal actor, long userId, Set<Role> requested) {
        StoredUser target = users.findById(userId).orElse(null);
        if (target == null) {
            return Outcome.refused(RefusalKind.NOT_FOUND, NOT_FOUND);
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
        if (!refusals.isEmpty()) {
            return Outcome.refused(RefusalKind.FORBIDDEN, refusals);
        }
        users.replaceRoles(userId, wanted);
        audit.record(actor.userId(), AuditTrail.Kind.ROLES, subject(target), roles(target.roles()), roles(wanted));
        return Outcome.done();
    }

    /** Enables or disables a user's account; a disabled user cannot log in or use API tokens. */
    @Transactional
    Outcome<Void> setEnabled(AmamoPrincipal actor, long userId, boolean enabled) {
        StoredUser target = users.findById(userId).orElse(null);
        if (target == null) {
            return Outcome.refused(RefusalKind.NOT_FOUND, NOT_FOUND);
        }
        if (actor.userId() == userId && !enabled) {
            return Outcome.refused(RefusalKind.FORBIDDEN, Refusal.of("enabled", "users.disable-self"));
        }
        boolean privileged =
                target.roles().contains(Role.ADMINISTRATOR) || target.roles().contains(Role.SECRETARIAT);
        if (privileged && !actor.has(Role.ADMINISTRATOR)) {
            return Outcome.refused(RefusalKind.FORBIDDEN, Refusal.of("enabled", "users.disable.administrator-only"));
        }
        users.setEnabled(userId, enabled);
        audit.record(actor.userId(), AuditTrail.Kind.ACCOUNT, subject(target), state(target.enabled()), state(enabled));
        return Outcome.done();
    }

    /** How the audit history names the user changed: name and e-mail. */
    private static String subject(StoredUser user) {
        return user.fullName() + " <" + user.email() + ">";
    }

    /** Role names in the order of {@link Role}, comma-separated (the audit history's ROLES value). */
    private static String roles(Set<Role> roles) {
        return String.join(
                ",",
                java.util.Arrays.stream(Role.values())
                        .filter(roles::contains)
                        .map(Role::name)
                        .toList());
    }

    private static String state(boolean enabled) {
        return enabled ? "ENABLED" : "DISABLED";
    }
}
