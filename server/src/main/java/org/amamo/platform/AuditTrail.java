package org.amamo.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit history of staff settings: each change of a user's roles, an account's being enabled or disabled, a
 * programme's fee rule or its review committee, with who made it, when, and the value before and after. Values are
 * codes (see {@link Kind}), shown in the page's language by the history page. Written in the transaction of the
 * change, so a change and its record stand or fall together.
 */
@Service
public class AuditTrail {

    /** Rows shown at most on the history page. */
    public static final int LIMIT = 200;

    /**
     * What changed, and how its values read: ROLES a comma-separated list of role names; ACCOUNT {@code ENABLED} or
     * {@code DISABLED}; FEE {@code flat;perTonne} in whole yen (empty: no rule); COMMITTEE {@code MEMBER} or empty.
     */
    public enum Kind {
        ROLES,
        ACCOUNT,
        FEE,
        COMMITTEE
    }

    /** One recorded change; {@code actorName} is null if the actor's account was removed. */
    public record Event(
            long id,
            Instant occurredAt,
            String actorName,
            String actorEmail,
            Kind kind,
            String subject,
            String before,
            String after) {

        /** The value before, split into its codes (role names, or the two fee amounts); empty for none. */
        public List<String> beforeParts() {
            return parts(before);
        }

        public List<String> afterParts() {
            return parts(after);
        }

        private List<String> parts(String value) {
            if (value.isEmpty()) {
                return List.of();
            }
            return List.of(value.split(kind == Kind.FEE ? ";" : ","));
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    public AuditTrail(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records a change made by user {@code actorId}; nothing is recorded when the value did not change. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(long actorId, Kind kind, String subject, String before, String after) {
        String was = before == null ? "" : before;
        String now = after == null ? "" : after;
        if (was.equals(now)) {
            return;
        }
        jdbc.sql("""
                INSERT INTO audit_event (occurred_at, actor_id, kind, subject, before_value, after_value)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(
                        SqlTime.utc(clock.instant()),
                        actorId,
                        kind.name(),
                        clip(subject, 400),
                        clip(was, 1000),
                        clip(now, 1000))
                .update();
    }

    /** The newest changes of the given kinds, newest first, at most {@link #LIMIT}. */
    @Transactional(readOnly = true)
    public List<Event> recent(Set<Kind> kinds) {
        if (kinds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT e.id, e.occurred_at, u.full_name, u.email, e.kind, e.subject, e.before_value, e.after_value
                  FROM audit_event e LEFT JOIN user_account u ON u.id = e.actor_id
                 WHERE e.kind IN (:kinds)
                 ORDER BY e.occurred_at DESC, e.id DESC
                 FETCH FIRST %d ROWS ONLY""".formatted(LIMIT))
                .param("kinds", kinds.stream().map(Kind::name).toList())
                .query((row, n) -> new Event(
                        row.getLong(1),
                        row.getObject(2, OffsetDateTime.class).toInstant(),
                        row.getString(3),
                        row.getString(4),
                        Kind.valueOf(row.getString(5)),
                        row.getString(6),
                        row.getString(7),
                        row.getString(8)))
                .list();
    }

    private static String clip(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }
}
