package org.amamo.application.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.amamo.identity.AmamoPrincipal;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

/** Every page shows a signed-in user how many notifications they have not read. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class NotificationBadge {

    private final Notifications notifications;

    NotificationBadge(Notifications notifications) {
        this.notifications = notifications;
    }

    /**
     * The count, for pages only: REST controllers are {@code @Controller}s too, but their answers have no model, so
     * an API request does not pay for the query.
     */
    @ModelAttribute("unreadNotifications")
    Long unread(@AuthenticationPrincipal AmamoPrincipal user, HttpServletRequest request) {
        if (user == null || request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod
                handler && AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ResponseBody.class)) {
            return null;
        }
        return notifications.unread(user.userId());
    }
}
