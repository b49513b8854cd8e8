package org.amamo.identity;

import static org.amamo.testing.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.amamo.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@SpringBootTest
@AutoConfigureMockMvc
@Import(TestUsers.class)
class LoginAndTokensTest {

    static final String STRANGER = "203.0.113.9";
    static final String OFFICE = "198.51.100.20";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @Test
    void wrongPasswordsBlockOnlyTheAddressTheyCameFromAndTheRightPasswordStillWorksElsewhere() throws Exception {
        AmamoPrincipal user = users.create(Role.SECRETARIAT);
        for (int attempt = 1; attempt <= 6; attempt++) {
            mvc.perform(login(user.email(), "wrong " + attempt, STRANGER))
                    .andExpect(unauthenticated())
                    .andExpect(redirectedUrl("/login?error=failed"));
        }
        mvc.perform(login(user.email(), TestUsers.PASSWORD, STRANGER))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error=throttled"));
        mvc.perform(login(user.email(), TestUsers.PASSWORD, OFFICE)).andExpect(authenticated());
    }

    @Test
    void aStrangersWrongPasswordsDoNotStopTheAccountsApiTokens() throws Exception {
        AmamoPrincipal user = users.create(Role.SECRETARIAT);
        String token = newToken(user);
        for (int attempt = 1; attempt <= 10; attempt++) {
            mvc.perform(login(user.email(), "wrong " + attempt, STRANGER)).andExpect(unauthenticated());
        }
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk());
    }

    @Test
    void aSuccessfulLoginClearsTheAddresssFailures() throws Exception {
        AmamoPrincipal user = users.create(Role.APPLICANT);
        for (int attempt = 1; attempt <= 5; attempt++) {
            mvc.perform(login(user.email(), "wrong", OFFICE)).andExpect(unauthenticated());
        }
        mvc.perform(login(user.email(), TestUsers.PASSWORD, OFFICE)).andExpect(authenticated());
        for (int attempt = 1; attempt <= 5; attempt++) {
            mvc.perform(login(user.email(), "wrong", OFFICE)).andExpect(redirectedUrl("/login?error=failed"));
        }
        mvc.perform(login(user.email(), TestUsers.PASSWORD, OFFICE)).andExpect(authenticated());
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "POST", "PUT", "DELETE"})
    void aWrongTokenGets401WithAProblemDocumentWhateverTheMethod(String method) throws Exception {
        unauthorised(request(HttpMethod.valueOf(method), "/api/v1/registry/transfers")
                .header("Authorization", "Bearer amamo_not-a-real-token")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}"));
    }

    @Test
    void aPostWithoutATokenGets401WithAProblemDocument() throws Exception {
        unauthorised(post("/api/v1/registry/transfers")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}"));
    }

    @Test
    void theTokensOfARevokedTokenOrALockedOrDisabledUserGet401() throws Exception {
        AmamoPrincipal locked = users.create(Role.HOLDER);
        String lockedToken = newToken(locked);
        jdbc.sql("UPDATE user_account SET locked_until = ? WHERE id = ?")
                .params(java.time.OffsetDateTime.now().plusHours(1), locked.userId())
                .update();
        AmamoPrincipal disabled = users.create(Role.HOLDER);
        String disabledToken = newToken(disabled);
        jdbc.sql("UPDATE user_account SET enabled = FALSE WHERE id = ?")
                .param(disabled.userId())
                .update();
        AmamoPrincipal revoked = users.create(Role.HOLDER);
        String revokedToken = newToken(revoked);
        jdbc.sql("UPDATE api_token SET revoked_at = CURRENT_TIMESTAMP WHERE user_id = ?")
                .param(revoked.userId())
                .update();
        for (String token : List.of(lockedToken, disabledToken, revokedToken)) {
            unauthorised(get("/api/v1/me").header("Authorization", "Bearer " + token));
            unauthorised(post("/api/v1/registry/accounts").header("Authorization", "Bearer " + token));
        }
    }

    @Test
    void aDisabledAccountCannotLogIn() throws Exception {
        AmamoPrincipal user = users.create(Role.APPLICANT);
        jdbc.sql("UPDATE user_account SET enabled = FALSE WHERE id = ?")
                .param(user.userId())
                .update();
        mvc.perform(login(user.email(), TestUsers.PASSWORD, OFFICE))
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

    private String newToken(AmamoPrincipal user) throws Exception {
        String page = mvc.perform(
                        post("/account/tokens").with(as(user)).with(csrf()).param("name", "CI"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return page.replaceAll("(?s).*<code id=\"new-token\">(amamo_[A-Za-z0-9_-]+)</code>.*", "$1");
    }

    private static MockHttpServletRequestBuilder login(String email, String password, String address) {
        return post("/login")
                .param("username", email)
                .param("password", password)
                .with(csrf())
                .with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                });
    }

    private void unauthorised(MockHttpServletRequestBuilder request) throws Exception {
        mvc.perform(request)
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.errors[0].field").value("Authorization"));
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
