package org.amamo.application.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.amamo.identity.AmamoPrincipal;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Every page shows a signed-in user how many notifications they have not read. The count is added after the handler
 * ran, and only to a page about to be rendered: an API answer or a redirect has no page, so it neither pays for the
 * query nor carries the count (a redirect would put it in the URL).
 */
@Configuration(proxyBeanMethods = false)
class NotificationBadge implements WebMvcConfigurer {

    static final String ATTRIBUTE = "unreadNotifications";

    private final Notifications notifications;

    NotificationBadge(Notifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public void postHandle(
                    HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView page) {
                Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
                if (page != null
                        && rendersPage(page)
                        && signedIn != null
                        && signedIn.getPrincipal() instanceof AmamoPrincipal user) {
                    page.addObject(ATTRIBUTE, notifications.unread(user.userId()));
                }
            }
        });
    }

    private static boolean rendersPage(ModelAndView page) {
        return page.getViewName() != null
                ? !page.getViewName().startsWith("redirect:")
                : page.getView() != null && !(page.getView() instanceof RedirectView);
    }
}
