package org.amamo.identity;

import java.util.Collection;
import java.util.List;

/**
 * The one place every notification e-mail goes through, whichever feature makes it (the application workflow and
 * the review through the application module's in-app notifications, the market's settlement, the registry's
 * holder notices): it applies the recipient's opt-outs and the must-act rule of {@link NotificationKind}, writes in
 * the recipient's language and links to the page concerned and to the settings.
 *
 * <p>Mails a notification to the users it concerns who receive its kind by e-mail (always, for a kind they must act
 * on), each in the user's language, through the outbox and within the caller's transaction.
 */
public interface NotificationMail {

    /**
     * Queues the notification {@code messageKey} (formatted with {@code argument}) with a link to {@code link} (a path
     * of the site) for each of {@code userIds} who is enabled, has a confirmed address and has not turned {@code
     * kind} off.
     */
    void send(Collection<Long> userIds, NotificationKind kind, String messageKey, String argument, String link);

    /**
     * As {@link #send(Collection, NotificationKind, String, String, String)}, with a message of several arguments
     * (message arguments; pass numbers and dates already formatted, as the message bundles use plain {@code {n}}).
     */
    void sendFormatted(
            Collection<Long> userIds, NotificationKind kind, String messageKey, String link, Object... arguments);

    /**
     * Queues every notification as {@link #sendFormatted} does, in this order, with one look-up of all their users
     * and one batch of outbox inserts: for a job that tells many users at once (the registry's holder notices).
     */
    void sendAll(List<Notification> notifications);

    /** A notification to send, as {@link #sendFormatted} takes it. */
    record Notification(
            Collection<Long> userIds, NotificationKind kind, String messageKey, String link, Object... arguments) {}
}
