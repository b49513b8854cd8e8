package org.amamo.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.amamo.mail.Mailer;
import org.amamo.platform.Outcome;
import org.amamo.platform.Refusal;
import org.amamo.platform.RefusalKind;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Confirmed addresses. Registration, a resend and a change of address send a single-use link to the address, valid
 * for {@link #LIFETIME}; following it confirms that address (for a change, makes it the account's address). Until
 * its address is confirmed an account may sign in only to confirm it, resend or change it ({@link AccountGate}).
 */
@Service
class EmailConfirmation {

    static final Duration LIFETIME = Duration.ofHours(24);
    /** Confirmation mails per account per hour, so the form cannot be used to flood an address. */
    static final int MAX_PER_HOUR = 5;

    private final UserRepository users;
    private final AccountLinks links;
    private final Mailer mailer;
    private final PasswordEncoder passwords;
    private final Clock clock;

    EmailConfirmation(UserRepository users, AccountLinks links, Mailer mailer, PasswordEncoder passwords, Clock clock) {
        this.users = users;
        this.links = links;
        this.mailer = mailer;
        this.passwords = passwords;
        this.clock = clock;
    }

    /** Sends a confirmation link for {@code email} to it; {@code siteUrl} is the site's address, for the link. */
    void send(StoredUser user, String email, String siteUrl) {
        String token = links.create(user.id(), AccountLinks.Purpose.CONFIRM_EMAIL, email, LIFETIME);
        mailer.queue(
                email,
                user.locale(),
                "accounts.mail.confirm.subject",
                "accounts.mail.confirm.body",
                user.fullName(),
                siteUrl + "/email/confirm?token=" + token,
                LIFETIME.toHours());
    }

    /** Whether the confirmation link may be used now. */
    @Transactional(readOnly = true)
    AccountLinks.State state(String token) {
        return links.state(token, AccountLinks.Purpose.CONFIRM_EMAIL);
    }

    /** Sends the link again to the address waiting for confirmation; refused when too many were sent lately. */
    @Transactional
    Outcome<Void> resend(long userId, String siteUrl) {
        StoredUser user = users.findById(userId).orElseThrow();
        if (user.emailConfirmedAt() != null) {
            return Outcome.refused(RefusalKind.CONFLICT, Refusal.of("email", "accounts.email.already-confirmed"));
        }
        Optional<Outcome<Void>> limited = limit(userId);
        if (limited.isPresent()) {
            return limited.get();
        }
        send(user, user.email(), siteUrl);
        return Outcome.done();
    }

    /**
     * Asks to change the address to {@code newEmail}: checks the password and sends a link to the new address, which
     * becomes the account's address once confirmed.
     */
    @Transactional
    Outcome<Void> change(long userId, String newEmail, String password, String siteUrl) {
        StoredUser user = users.findById(userId).orElseThrow();
        if (password == null || !passwords.matches(password, user.passwordHash())) {
            return Outcome.refused(RefusalKind.INVALID, Refusal.of("password", "accounts.email.password-wrong"));
        }
        if (newEmail == null || !newEmail.strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || newEmail.length() > 254) {
            return Outcome.refused(RefusalKind.INVALID, Refusal.of("email", "accounts.email.invalid"));
        }
        String email = UserRepository.normaliseEmail(newEmail);
        if (users.emailTaken(email)) {
            return Outcome.refused(RefusalKind.INVALID, Refusal.of("email", "registration.email.taken"));
        }
        Optional<Outcome<Void>> limited = limit(userId);
        if (limited.isPresent()) {
            return limited.get();
        }
        send(user, email, siteUrl);
        return Outcome.done();
    }

    /**
     * Confirms the address of the link: the account's own, or the new one it asked for. Refused, changing nothing,
     * for an unknown, used or expired link, or when another account has taken the new address meanwhile.
     */
    @Transactional
    Outcome<Long> confirm(String token) {
        AccountLinks.Link link =
                links.find(token, AccountLinks.Purpose.CONFIRM_EMAIL).orElse(null);
        AccountLinks.State state = link == null ? AccountLinks.State.UNKNOWN : links.state(link);
        if (state != AccountLinks.State.VALID) {
            return Outcome.refused(RefusalKind.CONFLICT, Refusal.of("token", "accounts.link." + state.name()));
        }
        StoredUser user = users.findById(link.userId()).orElseThrow();
        boolean changes = !user.email().equals(link.email());
        if (changes && users.emailTaken(link.email())) {
            return Outcome.refused(RefusalKind.CONFLICT, Refusal.of("token", "registration.email.taken"));
        }
        if (!links.use(token, AccountLinks.Purpose.CONFIRM_EMAIL)) {
            return Outcome.refused(RefusalKind.CONFLICT, Refusal.of("token", "accounts.link.USED"));
        }
        users.confirmEmail(user.id(), link.email(), clock.instant());
        return Outcome.done(user.id());
    }

    private Optional<Outcome<Void>> limit(long userId) {
        if (links.createdSince(
                        userId,
                        AccountLinks.Purpose.CONFIRM_EMAIL,
                        clock.instant().minus(Duration.ofHours(1)))
                >= MAX_PER_HOUR) {
            return Optional.of(Outcome.refused(
                    RefusalKind.CONFLICT, Refusal.of("email", "accounts.email.too-many", MAX_PER_HOUR)));
        }
        return Optional.empty();
    }
}
