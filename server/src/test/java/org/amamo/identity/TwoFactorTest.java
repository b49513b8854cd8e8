package org.amamo.identity;

import static org.amamo.testing.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.amamo.testing.TestTotp;
import org.amamo.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Two-factor sign-in: enrolment with a code computed as an authenticator app would, sign-in with a code or a
 * recovery code (each once), the staff who must have it, the login throttle counting wrong codes, the administrator's
 * reset, and API tokens created only in a sign-in that passed it.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestUsers.class)
class TwoFactorTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aSecretariatUserWithoutASecondFactorIsSentToEnrolmentAndCannotReachStaffPages() throws Exception {
        AmamoPrincipal secretariat = users.create(Role.SECRETARIAT);
        Cookie session = signIn(secretariat.email());
        for (String page : List.of("/secretariat/users", "/secretariat/applications", "/", "/account/tokens")) {
            mvc.perform(get(page).cookie(session)).andExpect(redirectedUrl("/account/two-factor"));
        }
        mvc.perform(post("/secretariat/users/1/enabled")
                        .with(csrf())
                        .cookie(session)
                        .param("enabled", "false"))
                .andExpect(redirectedUrl("/account/two-factor"));
        mvc.perform(get("/account/two-factor").cookie(session)).andExpect(status().isOk());
    }

    @Test
    void enrolmentWithAComputedCodeOpensTheStaffPagesAndTheNextSignInAsksForACode() throws Exception {
        AmamoPrincipal reviewer = users.create(Role.REVIEWER);
        Cookie session = signIn(reviewer.email());
        String secret = secretOnPage(session);
        mvc.perform(post("/account/two-factor").with(csrf()).cookie(session).param("code", "000000x"))
                .andExpect(redirectedUrl("/account/two-factor"));
        long enrolled = TestTotp.currentStep();
        String codes = mvc.perform(post("/account/two-factor")
                        .with(csrf())
                        .cookie(session)
                        .param("code", TestTotp.code(secret, enrolled)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(recoveryCodes(codes)).hasSize(10);
        mvc.perform(get("/reviews").cookie(session)).andExpect(status().isOk());

        MvcResult password = mvc.perform(formLogin().user(reviewer.email()).password(TestUsers.PASSWORD))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login/code"))
                .andReturn();
        Cookie pending = password.getResponse().getCookie("SESSION");
        mvc.perform(get("/reviews").cookie(pending)).andExpect(redirectedUrl("http://localhost/login"));
        // The code of the step used at enrolment works once only; the next step's code is accepted one step early.
        mvc.perform(code(pending, TestTotp.code(secret, enrolled))).andExpect(redirectedUrl("/login/code?error=wrong"));
        MvcResult signedIn = mvc.perform(code(pending, TestTotp.code(secret, enrolled + 1)))
                .andExpect(authenticated())
                .andReturn();
        Cookie full = signedIn.getResponse().getCookie("SESSION");
        mvc.perform(get("/reviews").cookie(full == null ? pending : full)).andExpect(status().isOk());
    }

    @Test
    void aUserGivenAKnownKeyAsTheDemoStaffSignsInWithTheFirstCodeAndLandsOnTheToDoPage() throws Exception {
        AmamoPrincipal secretariat = users.create(Role.SECRETARIAT);
        jdbc.sql("UPDATE user_account SET totp_secret = ?, totp_last_step = NULL WHERE id = ?")
                .params(TestTotp.DEMO_SECRET, secretariat.userId())
                .update();

        mvc.perform(code(pendingSignIn(secretariat.email()), TestTotp.code(TestTotp.DEMO_SECRET)))
                .andExpect(authenticated())
                .andExpect(redirectedUrl("/todo"));
    }

    @Test
    void aRecoveryCodeSignsInOnce() throws Exception {
        AmamoPrincipal user = users.create(Role.HOLDER);
        Cookie session = signIn(user.email());
        String secret = secretOnPage(session);
        List<String> codes = recoveryCodes(mvc.perform(
                        post("/account/two-factor").with(csrf()).cookie(session).param("code", TestTotp.code(secret)))
                .andReturn()
                .getResponse()
                .getContentAsString());

        Cookie first = pendingSignIn(user.email());
        mvc.perform(code(first, codes.get(3))).andExpect(authenticated());
        Cookie second = pendingSignIn(user.email());
        mvc.perform(code(second, codes.get(3))).andExpect(redirectedUrl("/login/code?error=wrong"));
        mvc.perform(code(second, codes.get(4).toUpperCase())).andExpect(authenticated());
    }

    @Test
    void wrongCodesCountTowardTheLoginThrottle() throws Exception {
        AmamoPrincipal user = users.create(Role.ADMINISTRATOR);
        String secret = enrol(user);
        Cookie pending = pendingSignIn(user.email());
        for (int attempt = 1; attempt <= 6; attempt++) {
            mvc.perform(code(pending, "123456".equals(TestTotp.code(secret)) ? "654321" : "123456"))
                    .andExpect(redirectedUrl("/login/code?error=wrong"));
        }
        mvc.perform(code(pending, TestTotp.code(secret, TestTotp.currentStep() + 1)))
                .andExpect(redirectedUrl("/login/code?error=throttled"));
        mvc.perform(formLogin().user(user.email()).password(TestUsers.PASSWORD))
                .andExpect(redirectedUrl("/login?error=throttled"));
    }

    @Test
    void anAdministratorResetsAUsersSecondFactorAndItIsRecorded() throws Exception {
        AmamoPrincipal user = users.create(Role.SECRETARIAT);
        enrol(user);
        AmamoPrincipal secretariat = users.create(Role.SECRETARIAT);
        mvc.perform(post("/secretariat/users/" + user.userId() + "/two-factor/reset")
                        .with(as(secretariat))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        AmamoPrincipal administrator = users.create(Role.ADMINISTRATOR);
        mvc.perform(post("/secretariat/users/" + user.userId() + "/two-factor/reset")
                        .with(as(administrator))
                        .with(csrf()))
                .andExpect(redirectedUrl("/secretariat/users/" + user.userId()));

        assertThat(jdbc.sql("SELECT totp_secret FROM user_account WHERE id = ?")
                        .param(user.userId())
                        .query(String.class)
                        .optional())
                .isEmpty();
        assertThat(jdbc.sql("SELECT actor_id FROM account_security_event WHERE user_id = ? AND kind = ?")
                        .params(user.userId(), "SECOND_FACTOR_RESET")
                        .query(Long.class)
                        .list())
                .containsExactly(administrator.userId());
        Cookie session = signIn(user.email());
        mvc.perform(get("/secretariat/users").cookie(session)).andExpect(redirectedUrl("/account/two-factor"));
    }

    @Test
    void apiTokensAreCreatedOnlyInASignInThatPassedTheSecondFactor() throws Exception {
        AmamoPrincipal holder = users.create(Role.HOLDER);
        AmamoPrincipal passwordOnly = new AmamoPrincipal(
                holder.userId(), holder.email(), "テスト", null, Set.of(Role.HOLDER), true, false, null, true, false);
        mvc.perform(post("/account/tokens").with(as(passwordOnly)).with(csrf()).param("name", "CI"))
                .andExpect(status().isOk());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM api_token WHERE user_id = ?")
                        .param(holder.userId())
                        .query(Long.class)
                        .single())
                .isZero();
        mvc.perform(post("/account/tokens").with(as(holder)).with(csrf()).param("name", "CI"))
                .andExpect(status().isOk());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM api_token WHERE user_id = ?")
                        .param(holder.userId())
                        .query(Long.class)
                        .single())
                .isOne();
    }

    /** Signs in with the password alone; the session's cookie. */
    private Cookie signIn(String email) throws Exception {
        return mvc.perform(formLogin().user(email).password(TestUsers.PASSWORD))
                .andExpect(authenticated())
                .andReturn()
                .getResponse()
                .getCookie("SESSION");
    }

    /** A sign-in whose password was right and whose code is due; the session's cookie. */
    private Cookie pendingSignIn(String email) throws Exception {
        return mvc.perform(formLogin().user(email).password(TestUsers.PASSWORD))
                .andExpect(redirectedUrl("/login/code"))
                .andReturn()
                .getResponse()
                .getCookie("SESSION");
    }

    private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder code(
            Cookie session, String code) {
        return post("/login/code").with(csrf()).cookie(session).param("code", code);
    }

    /** Turns two-factor sign-in on for the user through the pages; answers its secret. */
    private String enrol(AmamoPrincipal user) throws Exception {
        Cookie session = signIn(user.email());
        String secret = secretOnPage(session);
        mvc.perform(post("/account/two-factor").with(csrf()).cookie(session).param("code", TestTotp.code(secret)))
                .andExpect(status().isOk());
        return secret;
    }

    private String secretOnPage(Cookie session) throws Exception {
        String page = mvc.perform(get("/account/two-factor").cookie(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        Matcher secret =
                Pattern.compile("id=\"two-factor-secret\"[^>]*>([A-Z2-7]+)<").matcher(page);
        assertThat(secret.find()).isTrue();
        assertThat(page).contains("<svg");
        return secret.group(1);
    }

    private static List<String> recoveryCodes(String page) {
        Matcher code = Pattern.compile("<code>([a-z2-9]{5}-[a-z2-9]{5})</code>").matcher(page);
        List<String> codes = new ArrayList<>();
        while (code.find()) {
            codes.add(code.group(1));
        }
        return codes;
    }
}
