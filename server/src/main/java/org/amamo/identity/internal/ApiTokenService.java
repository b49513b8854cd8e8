package org.amamo.identity.internal;

import static org.amamo.platform.SqlTime.instant;
import static org.amamo.platform.SqlTime.utc;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.platform.Outcome;
import org.amamo.platform.Refusal;
import org.amamo.platform.RefusalKind;
import org.amamo.platform.Sha256;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens for the REST API. A token is 32 random bytes, shown once; only its SHA-256 digest
 * is stored, so a leaked database does not leak usable tokens.
 */
@Service
class ApiTokenService {

    static final String TOKEN_PREFIX = "amamo_";
    static final int MAX_ACTIVE_TOKENS_PER_USER = 10;
    /** Last use is recorded at most this often, so busy clients do not write on every request. */
    private static final Duration LAST_USE_RESOLUTION = Duration.ofMinutes(5);

    private final JdbcClient jdbc;
    private final UserRepository users;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiTokenService(JdbcClient jdbc, UserRepository users, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.clock = clock;
    }

    /** A token as listed to its owner: never the token itself. */
    record TokenView(long id, String name, String prefix, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {}

    /** Creates a token: the token text to show once; refused for a bad name or when the user holds the most. */
    @Transactional
    Outcome<String> create(long userId, String name) {
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            return Outcome.refused(RefusalKind.INVALID, Refusal.of("name", "token.name.invalid"));
        }
        long active = jdbc.sql("SELECT COUNT(*) FROM api_token WHERE user_id = ? AND revoked_at IS NULL")
                .param(userId)
                .query(Long.class)
                .single();
        if (active >= MAX_ACTIVE_TOKENS_PER_USER) {
            return Outcome.refused(RefusalKind.CONFLICT, Refusal.of("name", "token.limit", MAX_ACTIVE_TOKENS_PER_USER));
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        jdbc.sql("""
                INSERT INTO api_token (user_id, name, token_prefix, token_sha256, created_at)
                VALUES (?, ?, ?, ?, ?)
                """)
                .params(userId, name.strip(), token.substring(0, 12), Sha256.hex(token), utc(clock.instant()))
                .update();
        return Outcome.done(token);
    }

    @Transactional(readOnly = true)
    List<TokenView> list(long userId) {
        return jdbc.sql("""
                SELECT id, name, token_prefix, created_at, last_used_at, revoked_at
                  FROM api_token WHERE user_id = ? ORDER BY id DESC
                """).param(userId).query(this::mapView).list();
    }

    /** Revokes one of the user's own tokens; refused as not found if the user has no such active token. */
    @Transactional
    Outcome<Void> revoke(long userId, long tokenId) {
        boolean revoked =
                jdbc.sql("UPDATE api_token SET revoked_at = ? WHERE id = ? AND user_id = ? AND revoked_at IS NULL")
                                .params(utc(clock.instant()), tokenId, userId)
                                .update()
                        == 1;
        return revoked ? Outcome.done() : Outcome.refused(RefusalKind.NOT_FOUND, Refusal.of("$", "token.not-found"));
    }

    /**
     * The enabled, unlocked user whose active token this is. Runs on every API request, so it reads the token, its
     * user and the user's roles in one statement, writes only when the last use recorded is older than
     * {@link #LAST_USE_RESOLUTION}, and needs no transaction: each statement stands alone.
     */
    Optional<AmamoPrincipal> authenticate(String token) {
        if (token == null || !token.startsWith(TOKEN_PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<UserRepository.TokenHolder> holder = users.findByActiveToken(Sha256.hex(token));
        if (holder.isEmpty()) {
            return Optional.empty();
        }
        Instant stale = now.minus(LAST_USE_RESOLUTION);
        Instant lastUsedAt = holder.get().tokenLastUsedAt();
        if (lastUsedAt == null || lastUsedAt.isBefore(stale)) {
            jdbc.sql(
                            "UPDATE api_token SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)")
                    .params(utc(now), holder.get().tokenId(), utc(stale))
                    .update();
        }
        return Optional.of(holder.get().user().principal(now))
                .filter(principal -> principal.isEnabled() && principal.isAccountNonLocked());
    }

    private TokenView mapView(ResultSet row, int rowNumber) throws SQLException {
        return new TokenView(
                row.getLong("id"),
                row.getString("name"),
                row.getString("token_prefix"),
                instant(row, "created_at"),
                instant(row, "last_used_at"),
                instant(row, "revoked_at"));
    }
}
