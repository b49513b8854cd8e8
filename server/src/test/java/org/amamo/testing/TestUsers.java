package org.amamo.testing;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Creates users straight in the database for tests, each with a unique e-mail, and signs them in for
 * MockMvc. Import it with {@code @Import(TestUsers.class)}.
 */
@Component
public class TestUsers {

    public static final String PASSWORD = "correct horse battery staple";

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;

    public TestUsers(JdbcClient jdbc, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    /** A new enabled individual user holding {@code roles}, with the password {@link #PASSWORD}. */
    public AmamoPrincipal create(Role... roles) {
        return create(null, roles);
    }

    /** A new enabled user of organisation {@code organisationId} (null: an individual). */
    public AmamoPrincipal create(Long organisationId, Role... roles) {
        String email = "user-" + UUID.randomUUID() + "@test.example";
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO user_account (kind, email, password_hash, full_name, organisation_id, address, phone,
                                          enabled, created_at)
                VALUES (?, ?, ?, ?, ?, '東京都千代田区1-1', '03-0000-0000', TRUE, ?)
                """)
                .params(
                        organisationId == null ? "INDIVIDUAL" : "ORGANISATION",
                        email,
                        passwords.encode(PASSWORD),
                        "テスト " + email.substring(5, 13),
                        organisationId,
                        OffsetDateTime.now(ZoneOffset.UTC))
                .update(keys, "id");
        long id = keys.getKeyAs(Long.class);
        for (Role role : roles) {
            jdbc.sql("INSERT INTO user_role (user_id, role) VALUES (?, ?)")
                    .params(id, role.name())
                    .update();
        }
        Set<Role> roleSet = Arrays.stream(roles).collect(Collectors.toSet());
        return new AmamoPrincipal(id, email, "テスト", organisationId, roleSet, true, false, null);
    }

    /**
     * A new reviewer (of organisation {@code organisationId}, null: an individual) on the review committee of every
     * programme, so that the secretariat may assign them to any application.
     */
    public AmamoPrincipal committeeReviewer(Long organisationId) {
        AmamoPrincipal reviewer = create(organisationId, Role.REVIEWER);
        jdbc.sql("INSERT INTO programme_committee_member (programme_code, user_id) SELECT code, ? FROM programme")
                .param(reviewer.userId())
                .update();
        return reviewer;
    }

    /** A new organisation, returning its id. */
    public long organisation(String name) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO organisation (name, created_at) VALUES (?, ?)")
                .params(name, OffsetDateTime.now(ZoneOffset.UTC))
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    /** Signs {@code user} in for one MockMvc request. */
    public static RequestPostProcessor as(AmamoPrincipal user) {
        Authentication token = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        return authentication(token);
    }

    /** The roles as a list, for parameterised tests. */
    public static List<Role> allRoles() {
        return List.of(Role.values());
    }
}
