package org.amamo.programme.internal;

import java.util.List;
import org.amamo.identity.Role;
import org.amamo.identity.UserDirectory;
import org.amamo.identity.UserSummary;
import org.amamo.platform.AuditTrail;
import org.amamo.platform.Outcome;
import org.amamo.platform.Refusal;
import org.amamo.platform.RefusalKind;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Membership of a programme's review committee. Only an enabled user with the reviewer role joins; leaving does not
 * undo assignments already made, because the committee is checked when the secretariat assigns a reviewer.
 */
@Service
class ProgrammeCommittee {

    private final ProgrammeRepository programmes;
    private final UserDirectory users;
    private final AuditTrail audit;

    ProgrammeCommittee(ProgrammeRepository programmes, UserDirectory users, AuditTrail audit) {
        this.programmes = programmes;
        this.users = users;
        this.audit = audit;
    }

    /** The committee's members as the admin page lists them. */
    @Transactional(readOnly = true)
    List<UserSummary> members(String code) {
        return programmes.committee(code).stream()
                .flatMap(id -> users.find(id).stream())
                .toList();
    }

    /** Enabled reviewers who are not yet on the committee. */
    @Transactional(readOnly = true)
    List<UserSummary> candidates(String code) {
        List<Long> members = programmes.committee(code);
        return users.withRole(Role.REVIEWER).stream()
                .filter(UserSummary::enabled)
                .filter(user -> !members.contains(user.userId()))
                .toList();
    }

    /**
     * Adds an enabled reviewer; refused as invalid for anyone else, as a conflict for a member already. The change is
     * recorded in the audit history as made by {@code actorId} (null: the installation's own setting up, unrecorded).
     */
    @Transactional
    Outcome<Void> add(Long actorId, String code, Long userId) {
        UserSummary user = userId == null ? null : users.find(userId).orElse(null);
        if (user == null || !user.enabled() || !user.roles().contains(Role.REVIEWER)) {
            return Outcome.refused(RefusalKind.INVALID, Refusal.of("userId", "programme.committee.not-a-reviewer"));
        }
        if (programmes.onCommittee(code, userId)) {
            return Outcome.refused(RefusalKind.CONFLICT, Refusal.of("userId", "programme.committee.already-member"));
        }
        programmes.addMember(code, userId);
        if (actorId != null) {
            audit.record(actorId, AuditTrail.Kind.COMMITTEE, subject(code, user), "", "MEMBER");
        }
        return Outcome.done();
    }

    /** Removes a member, recorded as made by {@code actorId}; refused as a conflict for someone not on it. */
    @Transactional
    Outcome<Void> remove(long actorId, String code, long userId) {
        if (!programmes.removeMember(code, userId)) {
            return Outcome.refused(RefusalKind.CONFLICT, Refusal.of("userId", "programme.committee.not-a-member"));
        }
        String who = users.find(userId).map(user -> subject(code, user)).orElse(code + ": #" + userId);
        audit.record(actorId, AuditTrail.Kind.COMMITTEE, who, "MEMBER", "");
        return Outcome.done();
    }

    /** How the audit history names a membership: the programme and the member's name and e-mail. */
    private static String subject(String code, UserSummary user) {
        return code + ": " + user.fullName() + " <" + user.email() + ">";
    }
}
