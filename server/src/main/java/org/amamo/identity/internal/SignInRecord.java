package org.amamo.identity.internal;

import static org.amamo.platform.SqlTime.instant;
import static org.amamo.platform.SqlTime.utc;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.amamo.identity.AmamoPrincipal;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The sign-in record (table {@code sign_in}): each sign-in at the login form, from Spring Security's authentication
 * events (a right or wrong password, a locked or disabled account), the login throttle (an address made to wait) and
 * the second factor (a right or wrong code). A right password of a user with a second factor is recorded only when
 * the code is given. Kept {@link #RETENTION}, then deleted.
 */
@Component
class SignInRecord {

    /** How long sign-ins are kept. */
    static final Duration RETENTION = Duration.ofDays(90);
    /** Sign-ins a user sees of their own, newest first. */
    static final int SHOWN_TO_USER = 30;
    /** Failed sign-ins the administrator sees at once, newest first. */
    static final int SHOWN_TO_ADMINISTRATOR = 200;

    static final int AGENT_MAX = 300;
    static final int ADDRESS_MAX = 64;
    static final int EMAIL_MAX = 254;

    /** How a sign-in ended. */
    enum Result {
        SUCCESS,
        /** A wrong password or code, or an unknown address. */
        FAILURE,
        LOCKED,
        DISABLED,
        /** The login throttle made the client wait: the password was not even checked. */
        THROTTLED
    }

    /** A recorded sign-in. */
    record Entry(
            Instant at,
            String email,
            Long userId,
            String clientAddress,
            String userAgent,
            Result result,
            boolean secondFactor) {}

    private final JdbcClient jdbc;
    private final UserRepository users;
    private final TwoFactor twoFactor;
    private final Clock clock;

    SignInRecord(JdbcClient jdbc, UserRepository users, TwoFactor twoFactor, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.twoFactor = twoFactor;
        this.clock = clock;
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        HttpServletRequest request = loginRequest();
        if (request == null || !(event.getAuthentication().getPrincipal() instanceof AmamoPrincipal principal)) {
            return;
        }
        if (twoFactor.enabled(principal.userId())) {
            return; // recorded once the code is given (SecondFactorController)
        }
        record(principal.userId(), principal.email(), Result.SUCCESS, false, request);
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        HttpServletRequest request = loginRequest();
        if (request == null) {
            return;
        }
        Result result = Result.FAILURE;
        if (event.getException() instanceof LockedException) {
            result = Result.LOCKED;
        } else if (event.getException() instanceof DisabledException) {
            result = Result.DISABLED;
        }
        record(String.valueOf(event.getAuthentication().getName()), result, false, request);
    }

    /** A sign-in of the address {@code email}, whoever it belongs to (if anyone). */
    void record(String email, Result result, boolean secondFactor, HttpServletRequest request) {
        String normalised = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        Long userId = normalised.isEmpty()
                ? null
                : users.findByEmail(normalised).map(StoredUser::id).orElse(null);
        record(userId, normalised, result, secondFactor, request);
    }

    void record(Long userId, String email, Result result, boolean secondFactor, HttpServletRequest request) {
        jdbc.sql("""
                INSERT INTO sign_in (user_id, email, at, client_address, user_agent, outcome, second_factor)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
                .params(
                        userId,
                        cut(email, EMAIL_MAX),
                        utc(clock.instant()),
                        cut(String.valueOf(request.getRemoteAddr()), ADDRESS_MAX),
                        cut(request.getHeader("User-Agent"), AGENT_MAX),
                        result.name(),
                        secondFactor)
                .update();
        if (result == Result.SUCCESS) {
            UserSessions.describe(request);
        }
    }

    /** The user's own recent sign-ins, newest first. */
    List<Entry> of(long userId) {
        return jdbc.sql("SELECT * FROM sign_in WHERE user_id = ? AND at >= ? ORDER BY at DESC, id DESC LIMIT ?")
                .params(userId, utc(clock.instant().minus(RETENTION)), SHOWN_TO_USER)
                .query(this::map)
                .list();
    }

    /** Failed, locked, disabled and throttled sign-ins, newest first, for the administrator. */
    List<Entry> failures() {
        return jdbc.sql("""
                SELECT * FROM sign_in WHERE outcome <> 'SUCCESS' AND at >= ? ORDER BY at DESC, id DESC LIMIT ?""")
                .params(utc(clock.instant().minus(RETENTION)), SHOWN_TO_ADMINISTRATOR)
                .query(this::map)
                .list();
    }

    /** Deletes sign-ins older than {@link #RETENTION}, every night. */
    @Scheduled(cron = "0 23 3 * * *")
    void prune() {
        jdbc.sql("DELETE FROM sign_in WHERE at < ?")
                .param(utc(clock.instant().minus(RETENTION)))
                .update();
    }

    private Entry map(java.sql.ResultSet row, int number) throws java.sql.SQLException {
        long id = row.getLong("user_id");
        Long userId = row.wasNull() ? null : id;
        return new Entry(
                instant(row, "at"),
                row.getString("email"),
                userId,
                row.getString("client_address"),
                row.getString("user_agent"),
                Result.valueOf(row.getString("outcome")),
                row.getBoolean("second_factor"));
    }

    /** The current request if it is a sign-in at the login form (not, say, HTTP Basic at the metrics). */
    private static HttpServletRequest loginRequest() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return null;
        }
        HttpServletRequest request = attributes.getRequest();
        String login = request.getContextPath() + LoginThrottle.LOGIN_PATH;
        return login.equals(request.getRequestURI()) ? request : null;
    }

    private static String cut(String text, int max) {
        if (text == null) {
            return null;
        }
        return text.length() <= max ? text : text.substring(0, max);
    }
}
