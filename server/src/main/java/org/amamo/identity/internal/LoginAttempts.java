package org.amamo.identity.internal;

import static org.amamo.platform.SqlTime.instant;
import static org.amamo.platform.SqlTime.utc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Failed password logins counted per account and client address (table {@code login_throttle}), so that guessing
 * is slowed without letting anyone lock another person out. The first {@code amamo.login.free-failures} failures
 * from an address for an account cost nothing; each further one blocks that address for that account for
 * {@code amamo.login.first-delay-seconds}, doubled at each failure, up to {@code amamo.login.max-delay-minutes}.
 * A correct password from the address clears its count. The count lives in the database, so it holds across
 * application instances. Unknown e-mail addresses are counted too, so the answers do not tell which accounts exist.
 */
@Repository
class LoginAttempts {

    /** The longest client address kept: an IPv6 address with a zone fits. */
    static final int ADDRESS_MAX = 64;
    /** The longest e-mail address kept, as in {@code user_account}. */
    static final int EMAIL_MAX = 254;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int freeFailures;
    private final Duration firstDelay;
    private final Duration maxDelay;

    LoginAttempts(
            JdbcClient jdbc,
            Clock clock,
            @Value("${amamo.login.free-failures}") int freeFailures,
            @Value("${amamo.login.first-delay-seconds}") int firstDelaySeconds,
            @Value("${amamo.login.max-delay-minutes}") int maxDelayMinutes) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.freeFailures = freeFailures;
        this.firstDelay = Duration.ofSeconds(firstDelaySeconds);
        this.maxDelay = Duration.ofMinutes(maxDelayMinutes);
    }

    /** Until when this address may not try this account's password, if it is blocked now. */
    Optional<Instant> blockedUntil(String email, String address) {
        Instant now = clock.instant();
        return jdbc.sql("SELECT blocked_until FROM login_throttle WHERE email = ? AND client_address = ?")
                .params(key(email), address(address))
                .query((row, number) -> Optional.ofNullable(instant(row, "blocked_until")))
                .optional()
                .flatMap(until -> until)
                .filter(now::isBefore);
    }

    /** Counts a wrong password from this address for this account, blocking the address once past the free ones. */
    void failed(String email, String address) {
        Instant now = clock.instant();
        forgetOld(now);
        int failures = increment(key(email), address(address), now);
        if (failures > freeFailures) {
            jdbc.sql("UPDATE login_throttle SET blocked_until = ? WHERE email = ? AND client_address = ?")
                    .params(utc(now.plus(delay(failures - freeFailures))), key(email), address(address))
                    .update();
        }
    }

    /** A correct password: this address starts again from nothing for this account. */
    void succeeded(String email, String address) {
        jdbc.sql("DELETE FROM login_throttle WHERE email = ? AND client_address = ?")
                .params(key(email), address(address))
                .update();
    }

    /** Counts whose last failure is a day old and that block nothing any more are dropped, so the table stays small. */
    private void forgetOld(Instant now) {
        jdbc.sql("""
                DELETE FROM login_throttle
                 WHERE last_failed_at < ? AND (blocked_until IS NULL OR blocked_until < ?)
                """).params(utc(now.minus(Duration.ofDays(1))), utc(now)).update();
    }

    /** The block after the {@code excess}-th failure past the free ones: the first delay doubled, capped. */
    Duration delay(int excess) {
        int doublings = Math.min(excess - 1, 30);
        Duration delay = firstDelay.multipliedBy(1L << doublings);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    /** Adds one failure and answers the new count; one statement, so concurrent failures all count. */
    private int increment(String email, String address, Instant now) {
        int updated = jdbc.sql("""
                UPDATE login_throttle SET failures = failures + 1, last_failed_at = ?
                 WHERE email = ? AND client_address = ?
                """).params(utc(now), email, address).update();
        if (updated == 0) {
            try {
                jdbc.sql("""
                        INSERT INTO login_throttle (email, client_address, failures, last_failed_at)
                        VALUES (?, ?, 1, ?)
                        """).params(email, address, utc(now)).update();
                return 1;
            } catch (DuplicateKeyException concurrentFirstFailure) {
                return increment(email, address, now);
            }
        }
        return jdbc.sql("SELECT failures FROM login_throttle WHERE email = ? AND client_address = ?")
                .params(email, address)
                .query(Integer.class)
                .single();
    }

    private static String key(String email) {
        String normalised = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        return normalised.length() > EMAIL_MAX ? normalised.substring(0, EMAIL_MAX) : normalised;
    }

    static String address(String address) {
        String known = address == null ? "unknown" : address;
        return known.length() > ADDRESS_MAX ? known.substring(0, ADDRESS_MAX) : known;
    }
}
