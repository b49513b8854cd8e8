package org.amamo.application.internal;

import org.amamo.identity.AmamoPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every page shows a signed-in user how many notifications they have not read. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class NotificationBadge {

    private final Notifications notifications;

    NotificationBadge(Notifications notifications) {
        this.notifications = notifications;
    }

    @ModelAttribute("unreadNotifications")
    Long unread(@AuthenticationPrincipal AmamoPrincipal user) {
        return user == null ? null : notifications.unread(user.userId());
    }
}
