package org.amamo.identity;

import java.util.Collection;

/**
 * Mails an in-app notification to the users it concerns who receive its kind by e-mail (always, for a kind they must
 * act on), each in the user's language, through the outbox and within the caller's transaction.
 */
public interface NotificationMail {

    /**
     * Queues the notification {@code messageKey} (formatted with {@code argument}) with a link to {@code link} (a path
     * of the site) for each of {@code userIds} who is enabled, has a confirmed address and has not turned {@code
     * kind} off.
     */
    void send(Collection<Long> userIds, NotificationKind kind, String messageKey, String argument, String link);
}
