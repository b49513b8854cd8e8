package org.amamo.identity.internal;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.amamo.identity.AmamoPrincipal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing: after {@code amamo.login.max-failures} wrong passwords in a row an account is
 * locked for {@code amamo.login.lock-minutes}. The count lives in the database, so it holds across
 * application instances. A successful login resets it.
 */
@Component
class LoginThrottle extends SavedRequestAwareAuthenticationSuccessHandler implements AuthenticationFailureHandler {

    private final UserRepository users;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockDuration;

    LoginThrottle(
            UserRepository users,
            Clock clock,
            @Value("${amamo.login.max-failures}") int maxFailures,
            @Value("${amamo.login.lock-minutes}") int lockMinutes) {
        this.users = users;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockDuration = Duration.ofMinutes(lockMinutes);
        setDefaultTargetUrl("/");
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        String email = request.getParameter("username");
        if (exception instanceof BadCredentialsException && email != null && !email.isBlank()) {
            users.recordFailedLogin(email, maxFailures, clock.instant().plus(lockDuration));
        }
        String reason = "failed";
        if (exception instanceof LockedException) {
            reason = "locked";
        } else if (exception instanceof DisabledException) {
            reason = "disabled";
        }
        response.sendRedirect(request.getContextPath() + "/login?error=" + reason);
    }

    @Override
    public void onAuthenticationSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, ServletException {
        if (authentication.getPrincipal() instanceof AmamoPrincipal principal) {
            users.recordSuccessfulLogin(principal.userId());
        }
        super.onAuthenticationSuccess(request, response, authentication);
    }
}
