package org.amamo.identity.internal;

import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.amamo.identity.NotificationKind;
import org.amamo.platform.Outcome;
import org.amamo.platform.Refusal;
import org.amamo.platform.RefusalKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which kinds of notification each user receives by e-mail (table {@code notification_mail_optout}: only the kinds
 * turned off are kept, so every kind is on until the user turns it off). The kinds a user must act on cannot be
 * turned off.
 */
@Service
class NotificationSettings {

    /** Users looked up per statement by {@link #recipients}. */
    static final int LOOK_UP = 1000;

    private final JdbcClient jdbc;

    NotificationSettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The kinds the user receives by e-mail. */
    @Transactional(readOnly = true)
    Set<NotificationKind> mailed(long userId) {
        Set<NotificationKind> kinds = EnumSet.allOf(NotificationKind.class);
        kinds.removeAll(off(userId));
        return kinds;
    }

    /**
     * The user receives exactly {@code chosen} (kind names, as the form sends them) by e-mail. Refused as INVALID,
     * changing nothing, when a kind is unknown or a kind the user must act on is missing.
     */
    @Transactional
    Outcome<Void> choose(long userId, Set<String> chosen) {
        Set<NotificationKind> on = EnumSet.noneOf(NotificationKind.class);
        for (String name : chosen) {
            try {
                on.add(NotificationKind.valueOf(name));
            } catch (IllegalArgumentException unknown) {
                return Outcome.refused(RefusalKind.INVALID, Refusal.of("kinds", "accounts.notifications.unknown-kind"));
            }
        }
        for (NotificationKind kind : NotificationKind.values()) {
            if (kind.mustAct() && !on.contains(kind)) {
                return Outcome.refused(
                        RefusalKind.INVALID, Refusal.of("kinds", "accounts.notifications.must-act-refused"));
            }
        }
        jdbc.sql("DELETE FROM notification_mail_optout WHERE user_id = ?")
                .param(userId)
                .update();
        for (NotificationKind kind : NotificationKind.values()) {
            if (!on.contains(kind)) {
                jdbc.sql("INSERT INTO notification_mail_optout (user_id, kind) VALUES (?, ?)")
                        .params(userId, kind.name())
                        .update();
            }
        }
        return Outcome.done();
    }

    /** A user who can be mailed (enabled, address confirmed), with what a mail to the user needs. */
    record Recipient(long userId, String email, String fullName, Locale locale, Set<NotificationKind> off) {

        /** Whether the user receives this kind by e-mail. */
        boolean mails(NotificationKind kind) {
            return kind.mustAct() || !off.contains(kind);
        }
    }

    /**
     * The users among {@code userIds} who can be mailed, by id, each with the kinds turned off: one statement per
     * {@link #LOOK_UP} users, however many there are.
     */
    Map<Long, Recipient> recipients(Collection<Long> userIds) {
        Map<Long, Recipient> recipients = new HashMap<>();
        List<Long> ids = List.copyOf(new LinkedHashSet<>(userIds));
        for (int from = 0; from < ids.size(); from += LOOK_UP) {
            jdbc.sql("""
                    SELECT u.id, u.email, u.full_name, u.language, o.kind AS off
                      FROM user_account u LEFT JOIN notification_mail_optout o ON o.user_id = u.id
                     WHERE u.id IN (:ids) AND u.enabled AND u.email_confirmed_at IS NOT NULL
                    """)
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + LOOK_UP)))
                    .query(row -> {
                        long id = row.getLong("id");
                        Recipient recipient = recipients.get(id);
                        if (recipient == null) {
                            recipient = new Recipient(
                                    id,
                                    row.getString("email"),
                                    row.getString("full_name"),
                                    Locale.forLanguageTag(row.getString("language")),
                                    EnumSet.noneOf(NotificationKind.class));
                            recipients.put(id, recipient);
                        }
                        kind(row.getString("off")).ifPresent(recipient.off()::add);
                    });
        }
        return recipients;
    }

    private static Optional<NotificationKind> kind(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(NotificationKind.valueOf(name));
        } catch (IllegalArgumentException retired) {
            // a kind no longer known is no choice any more
            return Optional.empty();
        }
    }

    private Set<NotificationKind> off(long userId) {
        Set<NotificationKind> kinds = EnumSet.noneOf(NotificationKind.class);
        jdbc.sql("SELECT kind FROM notification_mail_optout WHERE user_id = ?")
                .param(userId)
                .query(String.class)
                .list()
                .forEach(name -> kind(name).ifPresent(kinds::add));
        return kinds;
    }
}
