package org.amamo.identity.internal;

import java.util.EnumSet;
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

    /** Whether the user receives this kind by e-mail. */
    boolean mails(long userId, NotificationKind kind) {
        return kind.mustAct() || !off(userId).contains(kind);
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

    private Set<NotificationKind> off(long userId) {
        Set<NotificationKind> kinds = EnumSet.noneOf(NotificationKind.class);
        jdbc.sql("SELECT kind FROM notification_mail_optout WHERE user_id = ?")
                .param(userId)
                .query(String.class)
                .list()
                .forEach(name -> {
                    try {
                        kinds.add(NotificationKind.valueOf(name));
                    } catch (IllegalArgumentException retired) {
                        // a kind no longer known is no choice any more
                    }
                });
        return kinds;
    }
}
