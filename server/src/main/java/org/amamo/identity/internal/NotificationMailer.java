package org.amamo.identity.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.amamo.identity.NotificationKind;
import org.amamo.identity.NotificationMail;
import org.amamo.mail.Mailer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Mails notifications through the outbox: to each concerned user who is enabled, whose address is confirmed and who
 * has not turned the kind off, in the user's language, with a link to the page the notification names and to the
 * settings.
 */
@Component
class NotificationMailer implements NotificationMail {

    private final NotificationSettings settings;
    private final Mailer mailer;
    private final MessageSource messages;
    private final String siteUrl;

    NotificationMailer(
            NotificationSettings settings,
            Mailer mailer,
            MessageSource messages,
            @Value("${amamo.mail.site-url:}") String siteUrl) {
        this.settings = settings;
        this.mailer = mailer;
        this.messages = messages;
        this.siteUrl = siteUrl;
    }

    @Override
    public void send(Collection<Long> userIds, NotificationKind kind, String messageKey, String argument, String link) {
        sendFormatted(userIds, kind, messageKey, link, argument);
    }

    @Override
    public void sendFormatted(
            Collection<Long> userIds, NotificationKind kind, String messageKey, String link, Object... arguments) {
        sendAll(List.of(new Notification(userIds, kind, messageKey, link, arguments)));
    }

    @Override
    public void sendAll(List<Notification> notifications) {
        Set<Long> userIds = new LinkedHashSet<>();
        notifications.forEach(notification -> userIds.addAll(notification.userIds()));
        if (userIds.isEmpty()) {
            return;
        }
        Map<Long, NotificationSettings.Recipient> recipients = settings.recipients(userIds);
        String site = site();
        List<Mailer.Message> queued = new ArrayList<>();
        for (Notification notification : notifications) {
            for (long userId : new LinkedHashSet<>(notification.userIds())) {
                NotificationSettings.Recipient user = recipients.get(userId);
                if (user != null && user.mails(notification.kind())) {
                    queued.add(new Mailer.Message(
                            user.email(),
                            user.locale(),
                            "accounts.mail.notification.subject",
                            "accounts.mail.notification.body",
                            user.fullName(),
                            messages.getMessage(notification.messageKey(), notification.arguments(), user.locale()),
                            site + notification.link(),
                            site + "/account/notification-mail"));
                }
            }
        }
        mailer.queueAll(queued);
    }

    /** The configured site address, else that of the current request, else none (links stay paths). */
    private String site() {
        if (!siteUrl.isBlank()) {
            return siteUrl.endsWith("/") ? siteUrl.substring(0, siteUrl.length() - 1) : siteUrl;
        }
        return RequestContextHolder.getRequestAttributes() != null ? SiteUrl.current() : "";
    }
}
