package org.amamo.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.amamo.testing.TestSmtp;
import org.amamo.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Registration and password reset by e-mail, sent through an embedded SMTP server: the mails in Japanese and English,
 * their single-use links, and what a used, expired or forged link does (a clear page, nothing changed).
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestUsers.class)
class AccountMailTest {

    static final String PASSWORD = "a long enough password";
    static final String NEW_PASSWORD = "another long enough password";

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        TestSmtp.configure(registry);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @Test
    void registrationMailsAJapaneseLinkThatConfirmsTheAddressOnce() throws Exception {
        String email = unique();
        mvc.perform(registration(email)).andExpect(redirectedUrl("/login"));

        MimeMessage mail = single(email);
        assertThat(mail.getSubject()).isEqualTo("【Amamo】メールアドレスの確認");
        assertThat(TestSmtp.text(mail)).contains("海野 藻子 様", "24時間有効");
        String link = link(mail, "/email/confirm");
        assertThat(confirmed(email)).isFalse();

        Cookie session = signIn(email, PASSWORD);
        mvc.perform(get("/applications").cookie(session)).andExpect(redirectedUrl("/account/email"));
        mvc.perform(get(link)).andExpect(status().isOk()).andExpect(content().string(containsId("confirm-email")));
        mvc.perform(post("/email/confirm").with(csrf()).cookie(session).param("token", token(link)))
                .andExpect(redirectedUrl("/account/email"));
        assertThat(confirmed(email)).isTrue();
        mvc.perform(get("/applications").cookie(session)).andExpect(status().isOk());

        mvc.perform(post("/email/confirm").with(csrf()).param("token", token(link)))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsId("link-invalid")));
        mvc.perform(get(link)).andExpect(status().isGone());
    }

    @Test
    void registrationInEnglishMailsInEnglish() throws Exception {
        String email = unique();
        mvc.perform(registration(email).param("lang", "en")).andExpect(redirectedUrl("/login"));

        MimeMessage mail = single(email);
        assertThat(mail.getSubject()).isEqualTo("[Amamo] Confirm your e-mail address");
        assertThat(TestSmtp.text(mail)).contains("Dear 海野 藻子", "valid for 24 hours");
        mvc.perform(post("/email/confirm").with(csrf()).param("token", token(link(mail, "/email/confirm"))))
                .andExpect(redirectedUrl("/login"));
        assertThat(confirmed(email)).isTrue();
    }

    @Test
    void aForgedOrExpiredConfirmationLinkShowsAClearPageAndConfirmsNothing() throws Exception {
        String email = unique();
        mvc.perform(registration(email)).andExpect(redirectedUrl("/login"));
        String token = token(link(single(email), "/email/confirm"));

        mvc.perform(get("/email/confirm").param("token", "forged-" + token))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsId("link-invalid")));
        mvc.perform(post("/email/confirm").with(csrf()).param("token", "x".repeat(500)))
                .andExpect(status().isConflict());
        jdbc.sql("UPDATE account_link SET expires_at = created_at WHERE user_id = (SELECT id FROM user_account"
                        + " WHERE email = ?)")
                .param(email)
                .update();
        mvc.perform(post("/email/confirm").with(csrf()).param("token", token)).andExpect(status().isConflict());
        mvc.perform(get("/email/confirm").param("token", token)).andExpect(status().isGone());
        assertThat(confirmed(email)).isFalse();
    }

    @Test
    void aPasswordResetMailsALinkThatSetsANewPasswordOnceAndEndsTheSessions() throws Exception {
        AmamoPrincipal user = users.create(Role.APPLICANT);
        Cookie session = signIn(user.email(), TestUsers.PASSWORD);
        mvc.perform(get("/account/tokens").cookie(session)).andExpect(status().isOk());

        mvc.perform(post("/password/forgot")
                        .with(csrf())
                        .param("email", user.email().toUpperCase()))
                .andExpect(redirectedUrl("/password/forgot?sent"));
        MimeMessage mail = single(user.email());
        assertThat(mail.getSubject()).isEqualTo("【Amamo】パスワードの再設定");
        assertThat(TestSmtp.text(mail)).contains("30分間有効");
        String link = link(mail, "/password/reset");

        mvc.perform(get(link)).andExpect(status().isOk()).andExpect(content().string(containsId("reset-submit")));
        mvc.perform(reset(token(link), NEW_PASSWORD, "not the same one")).andExpect(status().isBadRequest());
        mvc.perform(reset(token(link), NEW_PASSWORD, NEW_PASSWORD)).andExpect(redirectedUrl("/login"));

        mvc.perform(get("/account/tokens").cookie(session)).andExpect(redirectedUrl("http://localhost/login"));
        mvc.perform(formLogin().user(user.email()).password(TestUsers.PASSWORD)).andExpect(unauthenticated());
        mvc.perform(formLogin().user(user.email()).password(NEW_PASSWORD)).andExpect(authenticated());
        mvc.perform(reset(token(link), "a third long password", "a third long password"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsId("link-invalid")));
        mvc.perform(formLogin().user(user.email()).password(NEW_PASSWORD)).andExpect(authenticated());
    }

    @Test
    void aResetInEnglishKeepsTheApiTokensUnlessAskedToRevokeThem() throws Exception {
        AmamoPrincipal user = users.create(Role.HOLDER);
        jdbc.sql("UPDATE user_account SET language = 'en' WHERE id = ?")
                .param(user.userId())
                .update();
        mvc.perform(
                post("/account/tokens").with(TestUsers.as(user)).with(csrf()).param("name", "CI"));

        mvc.perform(post("/password/forgot").with(csrf()).param("email", user.email()));
        MimeMessage first = single(user.email());
        assertThat(first.getSubject()).isEqualTo("[Amamo] Reset your password");
        assertThat(TestSmtp.text(first)).contains("valid for 30 minutes");
        mvc.perform(reset(token(link(first, "/password/reset")), NEW_PASSWORD, NEW_PASSWORD));
        assertThat(activeTokens(user)).isEqualTo(1);

        mvc.perform(post("/password/forgot").with(csrf()).param("email", user.email()));
        MimeMessage second = TestSmtp.awaitFor(user.email(), 2).get(1);
        mvc.perform(reset(token(link(second, "/password/reset")), PASSWORD, PASSWORD)
                        .param("revokeTokens", "true"))
                .andExpect(redirectedUrl("/login"));
        assertThat(activeTokens(user)).isZero();
    }

    @Test
    void anUnknownAddressGetsTheSameAnswerAndNoMail() throws Exception {
        String unknown = unique();
        mvc.perform(post("/password/forgot")
                        .with(csrf())
                        .param("email", unknown)
                        .with(from("192.0.2.77")))
                .andExpect(redirectedUrl("/password/forgot?sent"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE recipient = ?")
                        .param(unknown)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void resetRequestsAreLimitedPerClientAddressWhateverTheAddressAsked() throws Exception {
        String client = "192.0.2." + (int) (Math.random() * 200 + 20);
        jdbc.sql("DELETE FROM password_reset_request WHERE client_address = ?")
                .param(client)
                .update();
        for (int request = 1; request <= 10; request++) {
            mvc.perform(post("/password/forgot")
                            .with(csrf())
                            .param("email", unique())
                            .with(from(client)))
                    .andExpect(redirectedUrl("/password/forgot?sent"));
        }
        AmamoPrincipal user = users.create(Role.HOLDER);
        mvc.perform(post("/password/forgot")
                        .with(csrf())
                        .param("email", user.email())
                        .with(from(client)))
                .andExpect(status().isTooManyRequests());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM account_link WHERE user_id = ?")
                        .param(user.userId())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aResetLinkExpiresAfterThirtyMinutes() throws Exception {
        AmamoPrincipal user = users.create(Role.HOLDER);
        mvc.perform(post("/password/forgot").with(csrf()).param("email", user.email()));
        String token = token(link(single(user.email()), "/password/reset"));
        assertThat(jdbc.sql("SELECT created_at, expires_at FROM account_link WHERE user_id = ?")
                        .param(user.userId())
                        .query((row, number) -> java.time.Duration.between(
                                row.getObject("created_at", java.time.OffsetDateTime.class),
                                row.getObject("expires_at", java.time.OffsetDateTime.class)))
                        .single())
                .isEqualTo(java.time.Duration.ofMinutes(30));
        jdbc.sql("UPDATE account_link SET expires_at = created_at WHERE user_id = ?")
                .param(user.userId())
                .update();
        mvc.perform(reset(token, NEW_PASSWORD, NEW_PASSWORD)).andExpect(status().isConflict());
        mvc.perform(formLogin().user(user.email()).password(TestUsers.PASSWORD)).andExpect(authenticated());
    }

    private Cookie signIn(String email, String password) throws Exception {
        Cookie session = mvc.perform(formLogin().user(email).password(password))
                .andExpect(authenticated())
                .andReturn()
                .getResponse()
                .getCookie("SESSION");
        assertThat(session).isNotNull();
        return session;
    }

    private static MockHttpServletRequestBuilder reset(String token, String password, String confirmation) {
        return post("/password/reset")
                .with(csrf())
                .param("token", token)
                .param("password", password)
                .param("passwordConfirmation", confirmation);
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private static MockHttpServletRequestBuilder registration(String email) {
        return post("/register")
                .with(csrf())
                .param("kind", "INDIVIDUAL")
                .param("fullName", "海野 藻子")
                .param("address", "神奈川県横浜市中区本町1-1")
                .param("phone", "045-123-4567")
                .param("email", email)
                .param("password", PASSWORD)
                .param("passwordConfirmation", PASSWORD);
    }

    private static MimeMessage single(String email) throws InterruptedException {
        List<MimeMessage> received = TestSmtp.awaitFor(email, 1);
        assertThat(received).hasSize(1);
        return received.get(0);
    }

    /** The link to {@code path} in the mail, as a path with its query. */
    private static String link(MimeMessage mail, String path) {
        Matcher link = Pattern.compile("https?://[^/\\s]+(" + Pattern.quote(path) + "\\?token=[A-Za-z0-9_-]+)")
                .matcher(TestSmtp.text(mail));
        assertThat(link.find())
                .as("a link to %s in: %s", path, TestSmtp.text(mail))
                .isTrue();
        return link.group(1);
    }

    private static String token(String link) {
        return link.substring(link.indexOf("token=") + "token=".length());
    }

    private static org.hamcrest.Matcher<String> containsId(String id) {
        return org.hamcrest.Matchers.containsString("id=\"" + id + "\"");
    }

    private boolean confirmed(String email) {
        return jdbc.sql("SELECT email_confirmed_at IS NOT NULL FROM user_account WHERE email = ?")
                .param(email)
                .query(Boolean.class)
                .single();
    }

    private long activeTokens(AmamoPrincipal user) {
        return jdbc.sql("SELECT COUNT(*) FROM api_token WHERE user_id = ? AND revoked_at IS NULL")
                .param(user.userId())
                .query(Long.class)
                .single();
    }

    private static String unique() {
        return "mail-" + UUID.randomUUID() + "@example.jp";
    }
}
