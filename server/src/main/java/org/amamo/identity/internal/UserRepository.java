package org.amamo.identity.internal;

import static org.amamo.platform.SqlTime.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.amamo.identity.Role;
import org.amamo.platform.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Users, organisations and roles in the database. E-mail addresses are kept lower-cased. */
@Repository
class UserRepository {

    private static final String USER_COLUMNS = """
            u.id, u.kind, u.email, u.password_hash, u.full_name, u.organisation_id, o.name AS organisation_name,
                   o.corporate_number, u.title, u.address, u.phone, u.enabled, u.failed_logins, u.locked_until,
                   u.created_at, u.email_confirmed_at, u.language, u.totp_secret IS NOT NULL AS second_factor""";
    private static final String SELECT_USER = "SELECT " + USER_COLUMNS + """

              FROM user_account u LEFT JOIN organisation o ON o.id = u.organisation_id
            """;
    /** One user and its roles in one statement: a row per role (one row with a null role if it has none). */
    private static final String SELECT_USER_AND_ROLES = "SELECT " + USER_COLUMNS + """
            , r.role
              FROM user_account u LEFT JOIN organisation o ON o.id = u.organisation_id
                   LEFT JOIN user_role r ON r.user_id = u.id
            """;

    /** Organisations looked up per statement by {@link #idsOfOrganisations}. */
    static final int LOOK_UP = 1000;

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static String normaliseEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    boolean emailTaken(String email) {
        return jdbc.sql("SELECT COUNT(*) FROM user_account WHERE email = ?")
                        .param(normaliseEmail(email))
                        .query(Long.class)
                        .single()
                > 0;
    }

    boolean corporateNumberTaken(String corporateNumber) {
        return jdbc.sql("SELECT COUNT(*) FROM organisation WHERE corporate_number = ?")
                        .param(corporateNumber)
                        .query(Long.class)
                        .single()
                > 0;
    }

    long insertOrganisation(String name, String corporateNumber, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO organisation (name, corporate_number, created_at) VALUES (?, ?, ?)")
                .params(name, corporateNumber, utc(now))
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    long insertUser(NewUser user, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO user_account (kind, email, password_hash, full_name, organisation_id, title, address,
                                          phone, enabled, created_at, email_confirmed_at, language)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, TRUE, ?, ?, ?)
                """)
                .params(
                        user.kind().name(),
                        normaliseEmail(user.email()),
                        user.passwordHash(),
                        user.fullName(),
                        user.organisationId(),
                        user.title(),
                        user.address(),
                        user.phone(),
                        utc(now),
                        user.confirmed() ? utc(now) : null,
                        user.language())
                .update(keys, "id");
        long id = keys.getKeyAs(Long.class);
        replaceRoles(id, user.roles());
        return id;
    }

    Optional<StoredUser> findByEmail(String email) {
        return jdbc.sql(SELECT_USER_AND_ROLES + " WHERE u.email = ?")
                .param(normaliseEmail(email))
                .query(this::oneUserWithRoles);
    }

    Optional<StoredUser> findById(long id) {
        return jdbc.sql(SELECT_USER_AND_ROLES + " WHERE u.id = ?").param(id).query(this::oneUserWithRoles);
    }

    /** The holder of an active (not revoked) API token, found by the token's SHA-256 digest. */
    record TokenHolder(long tokenId, Instant tokenLastUsedAt, StoredUser user) {}

    /**
     * The user whose active API token has this digest, with the token's id and last use: one statement, since it
     * runs on every API request.
     */
    Optional<TokenHolder> findByActiveToken(String tokenSha256) {
        return jdbc.sql("""
                SELECT t.id AS token_id, t.last_used_at AS token_last_used_at, %s, r.role
                  FROM api_token t JOIN user_account u ON u.id = t.user_id
                       LEFT JOIN organisation o ON o.id = u.organisation_id
                       LEFT JOIN user_role r ON r.user_id = u.id
                 WHERE t.token_sha256 = ? AND t.revoked_at IS NULL
                """.formatted(USER_COLUMNS)).param(tokenSha256).query(this::tokenHolder);
    }

    private Optional<TokenHolder> tokenHolder(ResultSet rows) throws SQLException {
        return readOneUser(rows, row -> {
            long tokenId = row.getLong("token_id");
            Instant lastUsedAt = SqlTime.instant(row, "token_last_used_at");
            return user -> new TokenHolder(tokenId, lastUsedAt, user);
        });
    }

    List<StoredUser> withRole(Role role) {
        return jdbc.sql(SELECT_USER + """
                 WHERE u.enabled AND EXISTS (SELECT 1 FROM user_role r WHERE r.user_id = u.id AND r.role = ?)
                 ORDER BY u.full_name, u.id
                """).param(role.name()).query(this::mapUser).list().stream()
                .map(this::withRoles)
                .toList();
    }

    /** The ids of the enabled users of an organisation (each acts for it), in id order. */
    List<Long> idsOfOrganisation(long organisationId) {
        return jdbc.sql("SELECT id FROM user_account WHERE organisation_id = ? AND enabled ORDER BY id")
                .param(organisationId)
                .query(Long.class)
                .list();
    }

    /**
     * The enabled users of each of these organisations, in id order, by organisation; one statement per
     * {@link #LOOK_UP} organisations.
     */
    Map<Long, List<Long>> idsOfOrganisations(Collection<Long> organisationIds) {
        Map<Long, List<Long>> users = new HashMap<>();
        List<Long> ids = List.copyOf(new LinkedHashSet<>(organisationIds));
        for (int from = 0; from < ids.size(); from += LOOK_UP) {
            jdbc.sql("""
                    SELECT organisation_id, id FROM user_account
                     WHERE organisation_id IN (:ids) AND enabled ORDER BY organisation_id, id
                    """)
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + LOOK_UP)))
                    .query(row -> {
                        users.computeIfAbsent(row.getLong("organisation_id"), organisation -> new ArrayList<>())
                                .add(row.getLong("id"));
                    });
        }
        return users;
    }

    /** One page of users whose name, e-mail or organisation contains {@code text}, optionally with a role. */
    List<StoredUser> search(String text, Role role, int offset, int limit) {
        String pattern = "%" + (text == null ? "" : text.strip().toLowerCase(Locale.ROOT)) + "%";
        return jdbc
                .sql(SELECT_USER + """
                 WHERE (LOWER(u.full_name) LIKE :p OR u.email LIKE :p OR LOWER(COALESCE(o.name, '')) LIKE :p)
                   AND (CAST(:role AS VARCHAR(20)) IS NULL
                        OR EXISTS (SELECT 1 FROM user_role r WHERE r.user_id = u.id AND r.role = :role))
                 ORDER BY u.id
                 LIMIT :limit OFFSET :offset
                """)
                .param("p", pattern)
                .param("role", role == null ? null : role.name())
                .param("limit", limit)
                .param("offset", offset)
                .query(this::mapUser)
                .list()
                .stream()
                .map(this::withRoles)
                .toList();
    }

    void replaceRoles(long userId, Set<Role> roles) {
        jdbc.sql("DELETE FROM user_role WHERE user_id = ?").param(userId).update();
        for (Role role : roles) {
            jdbc.sql("INSERT INTO user_role (user_id, role) VALUES (?, ?)")
                    .params(userId, role.name())
                    .update();
        }
    }

    void setEnabled(long userId, boolean enabled) {
        jdbc.sql("UPDATE user_account SET enabled = ? WHERE id = ?")
                .params(enabled, userId)
                .update();
    }

    /** Confirms the user's address as {@code email} (the same, or a new one the user asked for). */
    void confirmEmail(long userId, String email, Instant now) {
        jdbc.sql("UPDATE user_account SET email = ?, email_confirmed_at = ? WHERE id = ?")
                .params(normaliseEmail(email), utc(now), userId)
                .update();
    }

    void setPasswordHash(long userId, String passwordHash) {
        jdbc.sql("UPDATE user_account SET password_hash = ? WHERE id = ?")
                .params(passwordHash, userId)
                .update();
    }

    void recordSuccessfulLogin(long userId) {
        jdbc.sql("UPDATE user_account SET failed_logins = 0, locked_until = NULL WHERE id = ?")
                .param(userId)
                .update();
    }

    /** Reads the rows of {@link #SELECT_USER_AND_ROLES}: the user, if any, with the roles of all its rows. */
    private Optional<StoredUser> oneUserWithRoles(ResultSet rows) throws SQLException {
        return readOneUser(rows, row -> user -> user);
    }

    /** What a query of one user's rows reads besides the user from its first row, and how it answers with the user. */
    private interface FirstRow<T> {
        Function<StoredUser, T> read(ResultSet row) throws SQLException;
    }

    /**
     * Reads the rows of one user (a row per role, one with a null role if it has none): the user from the first row
     * with the roles of all rows, answered as {@code firstRow} says.
     */
    private <T> Optional<T> readOneUser(ResultSet rows, FirstRow<T> firstRow) throws SQLException {
        StoredUser user = null;
        Function<StoredUser, T> answer = null;
        Set<Role> roles = EnumSet.noneOf(Role.class);
        while (rows.next()) {
            if (user == null) {
                user = mapUser(rows, 0);
                answer = firstRow.read(rows);
            }
            addRole(rows, roles);
        }
        return user == null ? Optional.empty() : Optional.of(answer.apply(user.withRoles(roles)));
    }

    private static void addRole(ResultSet row, Set<Role> roles) throws SQLException {
        String role = row.getString("role");
        if (role != null) {
            roles.add(Role.valueOf(role));
        }
    }

    private StoredUser withRoles(StoredUser user) {
        Set<Role> roles = jdbc
                .sql("SELECT role FROM user_role WHERE user_id = ?")
                .param(user.id())
                .query(String.class)
                .list()
                .stream()
                .map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        return user.withRoles(roles);
    }

    private StoredUser mapUser(ResultSet row, int rowNumber) throws SQLException {
        Long organisationId = row.getObject("organisation_id", Long.class);
        OffsetDateTime lockedUntil = row.getObject("locked_until", OffsetDateTime.class);
        return new StoredUser(
                row.getLong("id"),
                AccountKind.valueOf(row.getString("kind")),
                row.getString("email"),
                row.getString("password_hash"),
                row.getString("full_name"),
                organisationId,
                row.getString("organisation_name"),
                row.getString("corporate_number"),
                row.getString("title"),
                row.getString("address"),
                row.getString("phone"),
                row.getBoolean("enabled"),
                row.getInt("failed_logins"),
                lockedUntil == null ? null : lockedUntil.toInstant(),
                row.getObject("created_at", OffsetDateTime.class).toInstant(),
                SqlTime.instant(row, "email_confirmed_at"),
                row.getString("language"),
                row.getBoolean("second_factor"),
                Set.of());
    }

    /** A user about to be stored. */
    record NewUser(
            AccountKind kind,
            String email,
            String passwordHash,
            String fullName,
            Long organisationId,
            String title,
            String address,
            String phone,
            Set<Role> roles,
            boolean confirmed,
            String language) {}
}
