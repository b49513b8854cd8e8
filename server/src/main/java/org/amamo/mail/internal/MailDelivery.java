package org.amamo.mail.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the outbox's due messages on a thread of its own: right after the transaction that queued one commits, and
 * every {@code amamo.mail.retry-delay-ms} for retries. With no SMTP server configured ({@code spring.mail.host}
 * unset) a message is written to the log and kept for the administrator instead. Nothing here ever reaches the
 * action that queued the message.
 */
@Component
@EnableScheduling
class MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

    private final MailOutbox outbox;
    private final ObjectProvider<JavaMailSender> sender;
    private final String from;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "mail-delivery");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean scheduled = new AtomicBoolean();

    MailDelivery(
            @Lazy MailOutbox outbox, ObjectProvider<JavaMailSender> sender, @Value("${amamo.mail.from}") String from) {
        this.outbox = outbox;
        this.sender = sender;
        this.from = from;
    }

    /** Asks for a delivery run soon, on the mail thread; runs asked for meanwhile are one. */
    void soon() {
        if (scheduled.compareAndSet(false, true)) {
            worker.execute(() -> {
                scheduled.set(false);
                deliverDue();
            });
        }
    }

    @Scheduled(fixedDelayString = "${amamo.mail.retry-delay-ms:30000}", initialDelay = 10_000)
    void deliverDue() {
        try {
            for (MailOutbox.OutboxMessage message : outbox.claimDue()) {
                deliver(message);
            }
        } catch (RuntimeException e) {
            log.warn("Mail delivery run failed; the messages stay queued", e);
        }
    }

    private void deliver(MailOutbox.OutboxMessage message) {
        JavaMailSender smtp = sender.getIfAvailable();
        if (smtp == null) {
            log.info(
                    "Mail kept in the outbox (no SMTP server configured) to {}: {}\n{}",
                    message.recipient(),
                    message.subject(),
                    message.body());
            outbox.kept(message.id());
            return;
        }
        SimpleMailMessage mail = new SimpleMailMessage();
        mail.setFrom(from);
        mail.setTo(message.recipient());
        mail.setSubject(message.subject());
        mail.setText(message.body());
        try {
            smtp.send(mail);
            outbox.sent(message.id());
        } catch (MailException e) {
            log.warn(
                    "Mail {} to {} not sent (try {}): {}",
                    message.id(),
                    message.recipient(),
                    message.attempts() + 1,
                    e.getMessage());
            outbox.failed(message.id(), message.attempts(), e.getMessage());
        }
    }
}
