package org.amamo.identity;

import static org.amamo.testing.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.amamo.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
@Import(TestUsers.class)
class LoginAndTokensTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @Test
    void fiveWrongPasswordsLockTheAccountEvenAgainstTheRightPassword() throws Exception {
        AmamoPrincipal user = users.create(Role.APPLICANT);
        for (int attempt = 1; attempt <= 5; attempt++) {
            mvc.perform(formLogin().user(user.email()).password("wrong " + attempt))
                    .andExpect(unauthenticated())
                    .andExpect(redirectedUrl("/login?error=failed"));
        }
        mvc.perform(formLogin().user(user.email()).password(TestUsers.PASSWORD))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error=locked"));
    }

    @Test
    void aSuccessfulLoginResetsTheFailureCount() throws Exception {
        AmamoPrincipal user = users.create(Role.APPLICANT);
        for (int attempt = 1; attempt <= 4; attempt++) {
            mvc.perform(formLogin().user(user.email()).password("wrong")).andExpect(unauthenticated());
        }
        mvc.perform(formLogin().user(user.email()).password(TestUsers.PASSWORD)).andExpect(authenticated());
        for (int attempt = 1; attempt <= 4; attempt++) {
            mvc.perform(formLogin().user(user.email()).password("wrong")).andExpect(unauthenticated());
        }
        mvc.perform(formLogin().user(user.email()).password(TestUsers.PASSWORD)).andExpect(authenticated());
    }

    @Test
    void aDisabledAccountCannotLogIn() throws Exception {
        AmamoPrincipal user = users.create(Role.APPLICANT);
        jdbc.sql("UPDATE user_account SET enabled = FALSE WHERE id = ?")
                .param(user.userId())
                .update();
        mvc.perform(formLogin().user(user.email()).password(TestUsers.PASSWORD))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error=disabled"));
    }

    @Test
    void anApiTokenIsShownOnceStoredOnlyAsADigestAndAuthenticatesUntilRevoked() throws Exception {
        AmamoPrincipal user = users.create(Role.SECRETARIAT);
        String page = mvc.perform(
                        post("/account/tokens").with(as(user)).with(csrf()).param("name", "CI"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String token = page.replaceAll("(?s).*<code id=\"new-token\">(amamo_[A-Za-z0-9_-]+)</code>.*", "$1");
        assertThat(token).startsWith("amamo_").hasSizeGreaterThan(40);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM api_token WHERE token_sha256 = ?")
                        .param(token)
                        .query(Long.class)
                        .single())
                .isZero();

        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.email").value(user.email()))
                .andExpect(jsonPath("$.roles[0]").value("SECRETARIAT"));

        long id = jdbc.sql("SELECT id FROM api_token WHERE user_id = ?")
                .param(user.userId())
                .query(Long.class)
                .single();
        mvc.perform(post("/account/tokens/{id}/revoke", id).with(as(user)).with(csrf()))
                .andExpect(redirectedUrl("/account/tokens"));
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aWrongTokenIsUnauthorisedAndNoTokenIsAnonymous() throws Exception {
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer amamo_not-a-real-token"))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/me")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/notices")).andExpect(status().isOk());
    }

    @Test
    void aUserCannotRevokeSomeoneElsesToken() throws Exception {
        AmamoPrincipal owner = users.create(Role.HOLDER);
        AmamoPrincipal other = users.create(Role.HOLDER);
        mvc.perform(post("/account/tokens").with(as(owner)).with(csrf()).param("name", "mine"));
        long id = jdbc.sql("SELECT id FROM api_token WHERE user_id = ?")
                .param(owner.userId())
                .query(Long.class)
                .single();
        mvc.perform(post("/account/tokens/{id}/revoke", id).with(as(other)).with(csrf()));
        assertThat(jdbc.sql("SELECT revoked_at IS NULL FROM api_token WHERE id = ?")
                        .param(id)
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void formsWithoutACsrfTokenAreRefused() throws Exception {
        AmamoPrincipal user = users.create(Role.HOLDER);
        mvc.perform(post("/account/tokens").with(as(user)).param("name", "no csrf"))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM api_token WHERE user_id = ?")
                        .param(user.userId())
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
