package org.amamo.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
import org.amamo.platform.DatabaseUnreachable;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows password guessing without letting a stranger lock anyone out: wrong passwords are counted per account and
 * client address ({@link LoginAttempts}), and only that address is made to wait before trying that account again.
 * The same account signs in from any other address, and its API tokens keep working. A successful login clears the
 * address's count.
 */
@Component
class LoginThrottle extends SavedRequestAwareAuthenticationSuccessHandler implements AuthenticationFailureHandler {

    static final String LOGIN_PATH = "/login";
    static final String USERNAME = "username";
    static final String TODO_PATH = "/todo";
    private static final Set<Role> STAFF = EnumSet.of(Role.SECRETARIAT, Role.REVIEWER, Role.ADMINISTRATOR);

    private final UserRepository users;
    private final LoginAttempts attempts;
    private final TwoFactor twoFactor;
    private final SignInRecord record;

    LoginThrottle(UserRepository users, LoginAttempts attempts, TwoFactor twoFactor, SignInRecord record) {
        this.users = users;
        this.attempts = attempts;
        this.twoFactor = twoFactor;
        this.record = record;
        setDefaultTargetUrl("/");
    }

    /** Turns away a blocked address's login before its password is checked, so waiting cannot be skipped. */
    OncePerRequestFilter gate() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String email = request.getParameter(USERNAME);
                if ("POST".equals(request.getMethod())
                        && (request.getContextPath() + LOGIN_PATH).equals(request.getRequestURI())
                        && email != null
                        && attempts.blockedUntil(email, request.getRemoteAddr()).isPresent()) {
                    record.record(email, SignInRecord.Result.THROTTLED, false, request);
                    response.sendRedirect(request.getContextPath() + LOGIN_PATH + "?error=throttled");
                    return;
                }
                chain.doFilter(request, response);
            }
        };
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        if (DatabaseUnreachable.causedBy(exception)) {
            // Not a wrong password: the user store could not be read. Answered 503 by DatabaseOutageFilter.
            throw exception;
        }
        String email = request.getParameter(USERNAME);
        if (exception instanceof BadCredentialsException && email != null && !email.isBlank()) {
            attempts.failed(email, request.getRemoteAddr());
        }
        String reason = "failed";
        if (exception instanceof LockedException) {
            reason = "locked";
        } else if (exception instanceof DisabledException) {
            reason = "disabled";
        }
        response.sendRedirect(request.getContextPath() + LOGIN_PATH + "?error=" + reason);
    }

    @Override
    public void onAuthenticationSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, ServletException {
        if (authentication.getPrincipal() instanceof AmamoPrincipal principal
                && twoFactor.enabled(principal.userId())) {
            // The password was right; the address's count stays until the code is, so wrong codes add to it.
            SecondFactorController.begin(request, response, principal);
            return;
        }
        if (authentication.getPrincipal() instanceof AmamoPrincipal principal) {
            users.recordSuccessfulLogin(principal.userId());
            attempts.succeeded(principal.email(), request.getRemoteAddr());
        }
        super.onAuthenticationSuccess(request, response, authentication);
    }

    /**
     * Where a sign-in lands when no page asked for it: staff (secretariat, reviewers, administrators) on their to-do
     * page, everyone else on the home page.
     */
    @Override
    protected String determineTargetUrl(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        if (authentication.getPrincipal() instanceof AmamoPrincipal principal) {
            return landing(principal);
        }
        return super.determineTargetUrl(request, response, authentication);
    }

    /** Where a user lands after signing in, when no page asked for it. */
    static String landing(AmamoPrincipal user) {
        return user.roles().stream().anyMatch(STAFF::contains) ? TODO_PATH : "/";
    }
}
