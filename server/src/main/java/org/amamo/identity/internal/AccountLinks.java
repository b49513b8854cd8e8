package org.amamo.identity.internal;

import static org.amamo.platform.SqlTime.instant;
import static org.amamo.platform.SqlTime.utc;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.amamo.platform.Sha256;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Single-use links sent by e-mail (table {@code account_link}): a confirmation of an address or a password reset.
 * The link carries 32 random bytes; only their SHA-256 digest is kept, so the database does not hold usable links.
 */
@Repository
class AccountLinks {

    /** What a link is for. */
    enum Purpose {
        CONFIRM_EMAIL,
        RESET_PASSWORD
    }

    /** Why a link cannot be used, or that it can. */
    enum State {
        VALID,
        EXPIRED,
        USED,
        UNKNOWN
    }

    /** A stored link: whose, for what, for which address. */
    record Link(long userId, Purpose purpose, String email, Instant expiresAt, Instant usedAt) {}

    /** The longest token accepted from a URL: 32 bytes in Base64url are 43 characters. */
    static final int TOKEN_MAX = 64;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    AccountLinks(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A new link's token for {@code userId} and {@code email}, valid for {@code lifetime}. */
    String create(long userId, Purpose purpose, String email, Duration lifetime) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO account_link (token_sha256, user_id, purpose, email, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """)
                .params(Sha256.hex(token), userId, purpose.name(), email, utc(now), utc(now.plus(lifetime)))
                .update();
        return token;
    }

    /** The link of this token for this purpose, whatever its state. */
    Optional<Link> find(String token, Purpose purpose) {
        if (token == null || token.isBlank() || token.length() > TOKEN_MAX) {
            return Optional.empty();
        }
        return jdbc.sql("""
                SELECT user_id, purpose, email, expires_at, used_at FROM account_link
                 WHERE token_sha256 = ? AND purpose = ?
                """)
                .params(Sha256.hex(token), purpose.name())
                .query((row, number) -> new Link(
                        row.getLong("user_id"),
                        Purpose.valueOf(row.getString("purpose")),
                        row.getString("email"),
                        instant(row, "expires_at"),
                        instant(row, "used_at")))
                .optional();
    }

    /** Whether the token's link may be used now. */
    State state(String token, Purpose purpose) {
        return find(token, purpose).map(this::state).orElse(State.UNKNOWN);
    }

    State state(Link link) {
        if (link.usedAt() != null) {
            return State.USED;
        }
        return clock.instant().isBefore(link.expiresAt()) ? State.VALID : State.EXPIRED;
    }

    /**
     * Uses the link: true only for the one caller that marks a valid link used, so that two clicks at once cannot
     * both use it.
     */
    boolean use(String token, Purpose purpose) {
        Instant now = clock.instant();
        return jdbc.sql("""
                        UPDATE account_link SET used_at = ?
                         WHERE token_sha256 = ? AND purpose = ? AND used_at IS NULL AND expires_at > ?
                        """)
                        .params(utc(now), Sha256.hex(token), purpose.name(), utc(now))
                        .update()
                == 1;
    }

    /** Links of this purpose created for the user since {@code since}, for the rate limits. */
    int createdSince(long userId, Purpose purpose, Instant since) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM account_link WHERE user_id = ? AND purpose = ? AND created_at >= ?
                """)
                .params(userId, purpose.name(), utc(since))
                .query(Integer.class)
                .single();
    }

    /** Makes the user's unused links of this purpose unusable, e.g. after a password reset. */
    void invalidate(long userId, Purpose purpose) {
        jdbc.sql("UPDATE account_link SET used_at = ? WHERE user_id = ? AND purpose = ? AND used_at IS NULL")
                .params(utc(clock.instant()), userId, purpose.name())
                .update();
    }
}
