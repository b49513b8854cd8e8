package org.amamo.identity.internal;

import static org.amamo.platform.SqlTime.utc;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
import org.amamo.platform.Outcome;
import org.amamo.platform.Refusal;
import org.amamo.platform.RefusalKind;
import org.amamo.platform.Sha256;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Two-factor sign-in: a TOTP secret (RFC 6238: six digits, 30-second steps, SHA-1, as authenticator apps expect)
 * and {@link #RECOVERY_CODES} recovery codes, each usable once and kept only as a SHA-256 digest. A TOTP code is
 * accepted one step early or late, for clocks that drift, and only for a step later than the last accepted one, so
 * that an overheard code cannot be replayed. Required of the secretariat, reviewers and administrators.
 */
@Service
class TwoFactor {

    static final int STEP_SECONDS = 30;
    static final int RECOVERY_CODES = 10;
    /** Recovery codes are 10 characters of an alphabet without look-alikes (about 50 bits). */
    static final int RECOVERY_CODE_LENGTH = 10;

    private static final String RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final int CODE_INPUT_MAX = 20;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final DefaultCodeGenerator codes = new DefaultCodeGenerator();
    private final DefaultSecretGenerator secrets = new DefaultSecretGenerator();
    private final SecureRandom random = new SecureRandom();

    TwoFactor(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A new secret for enrolment (Base32), not yet stored. */
    String newSecret() {
        return secrets.generate();
    }

    /** The six-digit code of {@code secret} at time step {@code step}. */
    String code(String secret, long step) {
        try {
            return codes.generate(secret, step);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException("a stored or generated TOTP secret is always valid Base32", e);
        }
    }

    long currentStep() {
        return clock.instant().getEpochSecond() / STEP_SECONDS;
    }

    /** The step within one of now at which {@code secret} gives {@code code}, if any and later than {@code after}. */
    Optional<Long> matchingStep(String secret, String code, Long after) {
        String digits = code == null ? "" : code.replaceAll("\\s", "");
        if (!digits.matches("\\d{6}")) {
            return Optional.empty();
        }
        long now = currentStep();
        for (long step = now - 1; step <= now + 1; step++) {
            if ((after == null || step > after) && code(secret, step).equals(digits)) {
                return Optional.of(step);
            }
        }
        return Optional.empty();
    }

    /**
     * Turns two-factor sign-in on with {@code secret} once {@code code} shows the user's app holds it. Answers the
     * recovery codes, shown once.
     */
    @Transactional
    Outcome<List<String>> enable(long userId, String secret, String code) {
        if (enabled(userId)) {
            return Outcome.refused(RefusalKind.CONFLICT, Refusal.of("code", "accounts.two-factor.already-on"));
        }
        Optional<Long> step = secret == null ? Optional.empty() : matchingStep(secret, code, null);
        if (step.isEmpty()) {
            return Outcome.refused(RefusalKind.INVALID, Refusal.of("code", "accounts.two-factor.code-wrong"));
        }
        jdbc.sql("UPDATE user_account SET totp_secret = ?, totp_last_step = ? WHERE id = ?")
                .params(secret, step.get(), userId)
                .update();
        record(userId, "SECOND_FACTOR_ON", userId);
        return Outcome.done(newRecoveryCodes(userId));
    }

    /** Whether the user has a second factor. */
    boolean enabled(long userId) {
        return secret(userId).isPresent();
    }

    /**
     * Checks a code at sign-in: a TOTP code (used once) or an unused recovery code (then used up). False for anything
     * else, and for a user without a second factor.
     */
    @Transactional
    boolean verify(long userId, String code) {
        Optional<String> secret = secret(userId);
        if (secret.isEmpty() || code == null || code.length() > CODE_INPUT_MAX) {
            return false;
        }
        // Null until the user's first code: a list, since single() refuses a null value.
        Long last = jdbc.sql("SELECT totp_last_step FROM user_account WHERE id = ?")
                .param(userId)
                .query((row, number) -> row.getObject("totp_last_step", Long.class))
                .list()
                .get(0);
        Optional<Long> step = matchingStep(secret.get(), code, last);
        if (step.isPresent()) {
            // Conditional, so that of two sign-ins with the same code at once only one succeeds.
            return jdbc.sql("""
                            UPDATE user_account SET totp_last_step = ?
                             WHERE id = ? AND (totp_last_step IS NULL OR totp_last_step < ?)
                            """).params(step.get(), userId, step.get()).update() == 1;
        }
        return useRecoveryCode(userId, code);
    }

    /** Turns the user's own second factor off, after a valid code; refused for roles that require one. */
    @Transactional
    Outcome<Void> disable(AmamoPrincipal user, String code) {
        if (user.needsSecondFactor()) {
            return Outcome.refused(RefusalKind.FORBIDDEN, Refusal.of("code", "accounts.two-factor.required"));
        }
        if (!verify(user.userId(), code)) {
            return Outcome.refused(RefusalKind.INVALID, Refusal.of("code", "accounts.two-factor.code-wrong"));
        }
        clear(user.userId());
        record(user.userId(), "SECOND_FACTOR_OFF", user.userId());
        return Outcome.done();
    }

    /** New recovery codes after a valid code; the old ones stop working. */
    @Transactional
    Outcome<List<String>> renewRecoveryCodes(long userId, String code) {
        if (!verify(userId, code)) {
            return Outcome.refused(RefusalKind.INVALID, Refusal.of("code", "accounts.two-factor.code-wrong"));
        }
        return Outcome.done(newRecoveryCodes(userId));
    }

    /**
     * An administrator removes a user's second factor (a lost phone and lost recovery codes); recorded. The user
     * enrols again at the next sign-in if the roles require it.
     */
    @Transactional
    Outcome<Void> reset(AmamoPrincipal administrator, long userId) {
        if (!administrator.has(Role.ADMINISTRATOR)) {
            return Outcome.refused(RefusalKind.FORBIDDEN, Refusal.of("$", "accounts.two-factor.reset.forbidden"));
        }
        if (!enabled(userId)) {
            return Outcome.refused(RefusalKind.CONFLICT, Refusal.of("$", "accounts.two-factor.reset.none"));
        }
        clear(userId);
        record(userId, "SECOND_FACTOR_RESET", administrator.userId());
        return Outcome.done();
    }

    /** Unused recovery codes left. */
    int recoveryCodesLeft(long userId) {
        return jdbc.sql("SELECT COUNT(*) FROM recovery_code WHERE user_id = ? AND used_at IS NULL")
                .param(userId)
                .query(Integer.class)
                .single();
    }

    /** A recorded change of a user's second factor. */
    record SecurityEvent(String kind, Long actorId, String actorName, java.time.Instant at) {}

    List<SecurityEvent> events(long userId) {
        return jdbc.sql("""
                SELECT e.kind, e.actor_id, a.full_name, e.at FROM account_security_event e
                       LEFT JOIN user_account a ON a.id = e.actor_id
                 WHERE e.user_id = ? ORDER BY e.id DESC LIMIT 20
                """)
                .param(userId)
                .query((row, number) -> new SecurityEvent(
                        row.getString("kind"),
                        row.getObject("actor_id", Long.class),
                        row.getString("full_name"),
                        org.amamo.platform.SqlTime.instant(row, "at")))
                .list();
    }

    private Optional<String> secret(long userId) {
        return jdbc.sql("SELECT totp_secret FROM user_account WHERE id = ?")
                .param(userId)
                .query((row, number) -> Optional.ofNullable(row.getString("totp_secret")))
                .optional()
                .flatMap(secret -> secret);
    }

    private boolean useRecoveryCode(long userId, String code) {
        String normalised = code.strip().toLowerCase(java.util.Locale.ROOT).replace("-", "");
        return jdbc.sql("""
                        UPDATE recovery_code SET used_at = ? WHERE user_id = ? AND code_sha256 = ? AND used_at IS NULL
                        """)
                        .params(utc(clock.instant()), userId, Sha256.hex(normalised))
                        .update()
                == 1;
    }

    private List<String> newRecoveryCodes(long userId) {
        jdbc.sql("DELETE FROM recovery_code WHERE user_id = ?").param(userId).update();
        List<String> created = new ArrayList<>();
        while (created.size() < RECOVERY_CODES) {
            StringBuilder code = new StringBuilder();
            for (int i = 0; i < RECOVERY_CODE_LENGTH; i++) {
                code.append(RECOVERY_ALPHABET.charAt(random.nextInt(RECOVERY_ALPHABET.length())));
            }
            String text = code.toString();
            if (!created.contains(text)) {
                jdbc.sql("INSERT INTO recovery_code (user_id, code_sha256) VALUES (?, ?)")
                        .params(userId, Sha256.hex(text))
                        .update();
                created.add(text.substring(0, 5) + "-" + text.substring(5));
            }
        }
        return created;
    }

    private void clear(long userId) {
        jdbc.sql("UPDATE user_account SET totp_secret = NULL, totp_last_step = NULL WHERE id = ?")
                .param(userId)
                .update();
        jdbc.sql("DELETE FROM recovery_code WHERE user_id = ?").param(userId).update();
    }

    private void record(long userId, String kind, long actorId) {
        jdbc.sql("INSERT INTO account_security_event (user_id, kind, actor_id, at) VALUES (?, ?, ?, ?)")
                .params(userId, kind, actorId, utc(clock.instant()))
                .update();
    }

    /** Stores a known secret for a demo account, so that the README can give it. */
    void enrolKnownSecret(long userId, String secret) {
        jdbc.sql("UPDATE user_account SET totp_secret = ? WHERE id = ?")
                .params(secret, userId)
                .update();
    }
}
