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
import org.amamo.platform.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** In-app notifications: each workflow move tells the users it concerns, with a link to the application. */
@Component
class Notifications {

    static final int SHOWN = 50;
    /** The badge counts unread notifications of the last 30 days: older news is no longer a call to act. */
    static final Duration CURRENT = Duration.ofDays(30);

    private final JdbcClient jdbc;
    private final Clock clock;

    Notifications(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
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
