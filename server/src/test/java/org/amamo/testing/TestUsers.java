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

    /**
     * A new enabled individual user holding {@code roles}, with the password {@link #PASSWORD} and a confirmed
     * address, without a second factor. The principal answered (for {@link #as}) is signed in with a second factor,
     * so that staff reach their pages in MockMvc tests; in the browser, {@link Browser#logIn} enrols staff the first
     * time they sign in.
     */
    public AmamoPrincipal create(Role... roles) {
        return create(null, roles);
    }

    /** A new enabled user of organisation {@code organisationId} (null: an individual). */
    public AmamoPrincipal create(Long organisationId, Role... roles) {
        String email = "user-" + UUID.randomUUID() + "@test.example";
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO user_account (kind, email, password_hash, full_name, organisation_id, address, phone,
                                          enabled, created_at, email_confirmed_at)
                VALUES (?, ?, ?, ?, ?, '東京都千代田区1-1', '03-0000-0000', TRUE, ?, ?)
                """)
                .params(
                        organisationId == null ? "INDIVIDUAL" : "ORGANISATION",
                        email,
                        passwords.encode(PASSWORD),
                        "テスト " + email.substring(5, 13),
                        organisationId,
                        OffsetDateTime.now(ZoneOffset.UTC),
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

    /**
     * Signs {@code user} in for one MockMvc request, as a sign-in that passed the second factor if the principal says
     * so (every principal of {@link #create} does).
     */
    public static RequestPostProcessor as(AmamoPrincipal user) {
        Authentication token = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        return authentication(token);
    }

    /**
     * The newest link to {@code path} (e.g. {@code /email/confirm}) in a message to {@code email} in the outbox, as
     * the site's path with its query; null if there is none.
     */
    public String mailedLink(String email, String path) {
        return jdbc
                .sql("SELECT body FROM mail_outbox WHERE recipient = ? ORDER BY id DESC")
                .param(email.toLowerCase(java.util.Locale.ROOT))
                .query(String.class)
                .list()
                .stream()
                .map(body -> java.util.regex.Pattern.compile(
                                "https?://[^/\\s]+(" + java.util.regex.Pattern.quote(path) + "\\?token=[A-Za-z0-9_-]+)")
                        .matcher(body))
                .filter(java.util.regex.Matcher::find)
                .map(matcher -> matcher.group(1))
                .findFirst()
                .orElse(null);
    }

    /** The roles as a list, for parameterised tests. */
    public static List<Role> allRoles() {
        return List.of(Role.values());
    }
}
