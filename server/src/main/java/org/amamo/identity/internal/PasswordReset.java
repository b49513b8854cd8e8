package org.amamo.identity.internal;

import static org.amamo.platform.SqlTime.utc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.amamo.mail.Mailer;
import org.amamo.platform.Outcome;
import org.amamo.platform.Refusal;
import org.amamo.platform.RefusalKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Forgot your password": a single-use link, valid for {@link #LIFETIME}, sent to the address if it belongs to an
 * account. The answer is the same whether or not it does. Requests are limited per client address
 * ({@link #MAX_PER_ADDRESS_PER_HOUR}) and mails per account ({@link #MAX_MAILS_PER_HOUR}). A reset ends every session
 * of the user and, if the user asks, revokes the user's API tokens.
 */
@Service
class PasswordReset {

    static final Duration LIFETIME = Duration.ofMinutes(30);
    static final int MAX_PER_ADDRESS_PER_HOUR = 10;
    static final int MAX_MAILS_PER_HOUR = 3;
    static final int PASSWORD_MIN = 12;
    static final int PASSWORD_MAX = 200;

    private final UserRepository users;
    private final AccountLinks links;
    private final Mailer mailer;
    private final PasswordEncoder passwords;
    private final UserSessions sessions;
    private final JdbcClient jdbc;
    private final Clock clock;

    PasswordReset(
            UserRepository users,
            AccountLinks links,
            Mailer mailer,
            PasswordEncoder passwords,
            UserSessions sessions,
            JdbcClient jdbc,
            Clock clock) {
        this.users = users;
        this.links = links;
        this.mailer = mailer;
        this.passwords = passwords;
        this.sessions = sessions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Sends a reset link to {@code email} if it is an enabled account's address and it has not had too many lately.
     * Refused only when {@code clientAddress} has asked too often, whatever the address.
     */
    @Transactional
    Outcome<Void> request(String email, String clientAddress, String siteUrl) {
        Instant now = clock.instant();
        String address = LoginAttempts.address(clientAddress);
        int recent = jdbc.sql("""
                SELECT COUNT(*) FROM password_reset_request WHERE client_address = ? AND requested_at >= ?
                """)
                .params(address, utc(now.minus(Duration.ofHours(1))))
                .query(Integer.class)
                .single();
        if (recent >= MAX_PER_ADDRESS_PER_HOUR) {
            return Outcome.refused(RefusalKind.CONFLICT, Refusal.of("email", "accounts.reset.too-many"));
        }
        jdbc.sql("DELETE FROM password_reset_request WHERE requested_at < ?")
                .param(utc(now.minus(Duration.ofDays(1))))
                .update();
        jdbc.sql("INSERT INTO password_reset_request (client_address, requested_at) VALUES (?, ?)")
                .params(address, utc(now))
                .update();
        if (email == null || email.isBlank() || email.length() > LoginAttempts.EMAIL_MAX) {
            return Outcome.done();
        }
        users.findByEmail(email)
                .filter(StoredUser::enabled)
                .filter(user -> links.createdSince(
                                user.id(), AccountLinks.Purpose.RESET_PASSWORD, now.minus(Duration.ofHours(1)))
                        < MAX_MAILS_PER_HOUR)
                .ifPresent(user -> send(user, siteUrl));
        return Outcome.done();
    }

    private void send(StoredUser user, String siteUrl) {
        String token = links.create(user.id(), AccountLinks.Purpose.RESET_PASSWORD, user.email(), LIFETIME);
        mailer.queue(
                user.email(),
                user.locale(),
                "accounts.mail.reset.subject",
                "accounts.mail.reset.body",
                user.fullName(),
                siteUrl + "/password/reset?token=" + token,
                LIFETIME.toMinutes());
    }

    /** Whether the link may be used now. */
    @Transactional(readOnly = true)
    AccountLinks.State state(String token) {
        return links.state(token, AccountLinks.Purpose.RESET_PASSWORD);
    }

    /**
     * Sets the new password, uses the link, ends the user's sessions and, if {@code revokeTokens}, revokes the user's
     * API tokens. Refused, changing nothing, for a bad password or an unknown, used or expired link.
     */
    @Transactional
    Outcome<Void> reset(String token, String password, String confirmation, boolean revokeTokens) {
        AccountLinks.Link link =
                links.find(token, AccountLinks.Purpose.RESET_PASSWORD).orElse(null);
        AccountLinks.State state = link == null ? AccountLinks.State.UNKNOWN : links.state(link);
        if (state != AccountLinks.State.VALID) {
            return Outcome.refused(RefusalKind.CONFLICT, Refusal.of("token", "accounts.link." + state.name()));
        }
        List<Refusal> refusals = new ArrayList<>();
        if (password == null || password.length() < PASSWORD_MIN || password.length() > PASSWORD_MAX) {
            refusals.add(Refusal.of("password", "accounts.reset.password-length", PASSWORD_MIN, PASSWORD_MAX));
        } else if (!password.equals(confirmation)) {
            refusals.add(Refusal.of("passwordConfirmation", "registration.password.mismatch"));
        }
        if (!refusals.isEmpty()) {
            return Outcome.refused(RefusalKind.INVALID, refusals);
        }
        if (!links.use(token, AccountLinks.Purpose.RESET_PASSWORD)) {
            return Outcome.refused(RefusalKind.CONFLICT, Refusal.of("token", "accounts.link.USED"));
        }
        StoredUser user = users.findById(link.userId()).orElseThrow();
        users.setPasswordHash(user.id(), passwords.encode(password));
        if (user.emailConfirmedAt() == null && user.email().equals(link.email())) {
            // The link reached the address, which proves it as a confirmation link would.
            users.confirmEmail(user.id(), user.email(), clock.instant());
        }
        links.invalidate(user.id(), AccountLinks.Purpose.RESET_PASSWORD);
        if (revokeTokens) {
            jdbc.sql("UPDATE api_token SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL")
                    .params(utc(clock.instant()), user.id())
                    .update();
        }
        sessions.endAll(user.email());
        return Outcome.done();
    }
}
