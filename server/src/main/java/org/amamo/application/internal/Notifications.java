package org.amamo.application.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.amamo.identity.NotificationKind;
import org.amamo.identity.NotificationMail;
import org.amamo.platform.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * In-app notifications: each workflow move tells the users it concerns, with a link to the application. The one
 * place notifications are made: a notification of a kind users may receive by e-mail ({@link #KINDS}) is also handed
 * to {@link NotificationMail}, in the same transaction.
 */
@Component
class Notifications {

    /**
     * The notifications that are also mailed, by message key, with their kind; the others (a submission, a confirmed
     * fee, a recorded hearing, a comment, a consultation's messages, a takeover) stay in-app only.
     */
    static final Map<String, NotificationKind> KINDS = Map.of(
            "notification.moved.RETURNED", NotificationKind.APPLICATION_RETURNED,
            "notification.fee-requested", NotificationKind.FEE_REQUESTED,
            "notification.review-assigned", NotificationKind.REVIEW_ASSIGNED,
            "notification.hearing-scheduled", NotificationKind.HEARING_SCHEDULED,
            "notification.moved.PUBLIC_COMMENT", NotificationKind.PUBLIC_COMMENT_OPENED,
            "notification.moved.CERTIFIED", NotificationKind.CERTIFIED_OR_REJECTED,
            "notification.moved.REJECTED", NotificationKind.CERTIFIED_OR_REJECTED);

    static final int SHOWN = 50;
    /** The badge counts unread notifications of the last 30 days: older news is no longer a call to act. */
    static final Duration CURRENT = Duration.ofDays(30);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final NotificationMail mail;

    Notifications(JdbcClient jdbc, Clock clock, NotificationMail mail) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.mail = mail;
    }

    /** A notification as listed to its user. */
    record Notification(long id, String messageKey, String argument, String link, Instant createdAt, boolean read) {}

    void send(Collection<Long> userIds, String messageKey, String argument, String link) {
        for (long userId : new LinkedHashSet<>(userIds)) {
            jdbc.sql(
                            "INSERT INTO notification (user_id, message_key, argument, link, created_at) VALUES (?, ?, ?, ?, ?)")
                    .params(userId, messageKey, argument, link, SqlTime.utc(clock.instant()))
                    .update();
        }
        kind(messageKey).ifPresent(kind -> mail.send(userIds, kind, messageKey, argument, link));
    }

    static Optional<NotificationKind> kind(String messageKey) {
        return Optional.ofNullable(KINDS.get(messageKey));
    }

    List<Notification> of(long userId) {
        return jdbc.sql("""
                SELECT id, message_key, argument, link, created_at, read_at FROM notification
                 WHERE user_id = ? ORDER BY id DESC LIMIT ?""").params(userId, SHOWN).query(this::map).list();
    }

    /** Unread notifications that are still current (see {@link #CURRENT}): the badge's count. */
    long unread(long userId) {
        return jdbc.sql("SELECT COUNT(*) FROM notification WHERE user_id = ? AND read_at IS NULL AND created_at >= ?")
                .params(userId, SqlTime.utc(clock.instant().minus(CURRENT)))
                .query(Long.class)
                .single();
    }

    void markAllRead(long userId) {
        jdbc.sql("UPDATE notification SET read_at = ? WHERE user_id = ? AND read_at IS NULL")
                .params(SqlTime.utc(clock.instant()), userId)
                .update();
    }

    private Notification map(ResultSet row, int rowNumber) throws SQLException {
        return new Notification(
                row.getLong("id"),
                row.getString("message_key"),
                row.getString("argument"),
                row.getString("link"),
                row.getObject("created_at", OffsetDateTime.class).toInstant(),
                row.getObject("read_at", OffsetDateTime.class) != null);
    }
}
