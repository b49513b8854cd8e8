package org.amamo.mail.internal;

import static org.amamo.platform.SqlTime.instant;
import static org.amamo.platform.SqlTime.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.amamo.mail.Mailer;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The outbox (table {@code mail_outbox}): messages are written in the caller's transaction and handed to
 * {@link MailDelivery} once it commits. A message is QUEUED until sent (SENT), kept without a mail server (KEPT), or
 * given up after {@link #MAX_ATTEMPTS} failures (FAILED); SENDING while one instance sends it.
 */
@Service
class MailOutbox implements Mailer {

    /** Tries before a message is given up as FAILED; the wait doubles after each failure from one minute. */
    static final int MAX_ATTEMPTS = 6;
    /** Messages claimed per run of the delivery, so one run stays short. */
    static final int BATCH = 20;
    /** A message still SENDING after this long was abandoned by a stopped instance and is queued again. */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(10);

    static final int SUBJECT_MAX = 300;
    static final int BODY_MAX = 20000;
    static final int ERROR_MAX = 500;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final MessageSource messages;
    private final Clock clock;
    private final MailDelivery delivery;

    MailOutbox(JdbcClient jdbc, JdbcTemplate batch, MessageSource messages, Clock clock, MailDelivery delivery) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.messages = messages;
        this.clock = clock;
        this.delivery = delivery;
    }

    /** A message as kept in the outbox. */
    record OutboxMessage(
            long id,
            String recipient,
            String subject,
            String body,
            String status,
            int attempts,
            Instant nextAttemptAt,
            String lastError,
            Instant createdAt,
            Instant sentAt) {}

    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public void queue(String recipient, Locale locale, String subjectKey, String bodyKey, Object... arguments) {
        queueAll(List.of(new Message(recipient, locale, subjectKey, bodyKey, arguments)));
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public void queueAll(List<Message> queued) {
        if (queued.isEmpty()) {
            return;
        }
        OffsetDateTime now = utc(clock.instant());
        List<Object[]> rows = new ArrayList<>(queued.size());
        for (Message message : queued) {
            String subject = messages.getMessage(message.subjectKey(), message.arguments(), message.locale());
            String body = messages.getMessage(message.bodyKey(), message.arguments(), message.locale());
            rows.add(new Object[] {message.recipient(), cut(subject, SUBJECT_MAX), cut(body, BODY_MAX), now, now});
        }
        batch.batchUpdate("""
                INSERT INTO mail_outbox (recipient, subject, body, status, next_attempt_at, created_at)
                VALUES (?, ?, ?, 'QUEUED', ?, ?)
                """, rows);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    delivery.soon();
                }
            });
        } else {
            delivery.soon();
        }
    }

    /** The newest messages, newest first, optionally of one status. */
    List<OutboxMessage> newest(String status, int limit) {
        return jdbc.sql("""
                SELECT * FROM mail_outbox WHERE (CAST(:status AS VARCHAR(10)) IS NULL OR status = :status)
                 ORDER BY id DESC LIMIT :limit
                """)
                .param("status", status)
                .param("limit", limit)
                .query(MailOutbox::map)
                .list();
    }

    /** Claims up to {@link #BATCH} due messages for sending; only one instance claims each. */
    List<OutboxMessage> claimDue() {
        Instant now = clock.instant();
        jdbc.sql("UPDATE mail_outbox SET status = 'QUEUED' WHERE status = 'SENDING' AND next_attempt_at < ?")
                .param(utc(now.minus(ABANDONED_AFTER)))
                .update();
        List<Long> due = jdbc.sql("""
                SELECT id FROM mail_outbox WHERE status = 'QUEUED' AND next_attempt_at <= ? ORDER BY id LIMIT ?
                """).params(utc(now), BATCH).query(Long.class).list();
        return due.stream()
                .filter(id -> jdbc.sql("""
                                UPDATE mail_outbox SET status = 'SENDING', next_attempt_at = ?
                                 WHERE id = ? AND status = 'QUEUED'
                                """).params(utc(now), id).update() == 1)
                .map(id -> find(id).orElseThrow())
                .toList();
    }

    Optional<OutboxMessage> find(long id) {
        return jdbc.sql("SELECT * FROM mail_outbox WHERE id = ?")
                .param(id)
                .query(MailOutbox::map)
                .optional();
    }

    void sent(long id) {
        finish(id, "SENT");
    }

    /** Kept only: no mail server is configured. */
    void kept(long id) {
        finish(id, "KEPT");
    }

    /** A failed try: queued again after a doubling wait, or FAILED after the last try. */
    void failed(long id, int attemptsBefore, String error) {
        int attempts = attemptsBefore + 1;
        Instant next = clock.instant().plus(Duration.ofMinutes(1L << Math.min(attempts - 1, 10)));
        jdbc.sql("""
                UPDATE mail_outbox SET status = ?, attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?
                """)
                .params(
                        attempts >= MAX_ATTEMPTS ? "FAILED" : "QUEUED",
                        attempts,
                        utc(next),
                        cut(error == null ? "unknown error" : error, ERROR_MAX),
                        id)
                .update();
    }

    /** An administrator sends a failed message again: one more round of tries. */
    @Transactional
    boolean retry(long id) {
        return jdbc.sql("""
                        UPDATE mail_outbox SET status = 'QUEUED', attempts = 0, next_attempt_at = ?
                         WHERE id = ? AND status = 'FAILED'
                        """).params(utc(clock.instant()), id).update() == 1;
    }

    private void finish(long id, String status) {
        jdbc.sql("UPDATE mail_outbox SET status = ?, attempts = attempts + 1, sent_at = ?, last_error = NULL"
                        + " WHERE id = ?")
                .params(status, utc(clock.instant()), id)
                .update();
    }

    private static String cut(String text, int max) {
        return text.length() > max ? text.substring(0, max) : text;
    }

    private static OutboxMessage map(ResultSet row, int number) throws SQLException {
        return new OutboxMessage(
                row.getLong("id"),
                row.getString("recipient"),
                row.getString("subject"),
                row.getString("body"),
                row.getString("status"),
                row.getInt("attempts"),
                instant(row, "next_attempt_at"),
                row.getString("last_error"),
                instant(row, "created_at"),
                instant(row, "sent_at"));
    }
}
