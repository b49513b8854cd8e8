package org.amamo.mail;

import java.util.List;
import java.util.Locale;

/** Queues e-mail; never blocks on, nor fails because of, the mail server. */
public interface Mailer {

    /**
     * Queues a message to {@code recipient} in {@code locale}: its subject and body are the messages
     * {@code subjectKey} and {@code bodyKey}, both formatted with {@code arguments}. Part of the caller's
     * transaction: if that rolls back, nothing is sent.
     */
    void queue(String recipient, Locale locale, String subjectKey, String bodyKey, Object... arguments);

    /**
     * Queues every message as {@link #queue} does, in this order, with one batch of inserts: a job that mails many
     * users at once (the registry's holder notices) writes them together instead of one statement each.
     */
    void queueAll(List<Message> messages);

    /** A message to queue, as {@link #queue} takes it. */
    record Message(String recipient, Locale locale, String subjectKey, String bodyKey, Object... arguments) {}
}
