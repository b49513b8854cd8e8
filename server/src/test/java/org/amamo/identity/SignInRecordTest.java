package org.amamo.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.amamo.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The sign-in record (issue 20, item 6): sign-ins at the login form are recorded with the client's address and
 * browser; a user sees their sessions and ends another of them, but not someone else's; the administrator alone sees
 * the failed sign-ins.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestUsers.class)
class SignInRecordTest {

    static final String BROWSER = "Mozilla/5.0 (test browser)";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aSignInAndAWrongPasswordAreRecordedWithAddressAndBrowser() throws Exception {
        AmamoPrincipal user = users.create(Role.HOLDER);
        mvc.perform(login(user.email(), "wrong password", "192.0.2.31"));
        Cookie session = signIn(user, "192.0.2.32");

        assertThat(jdbc.sql("SELECT outcome || ' ' || client_address || ' ' || user_agent"
                                + " FROM sign_in WHERE user_id = ? AND NOT second_factor ORDER BY id")
                        .param(user.userId())
                        .query(String.class)
                        .list())
                .containsExactly("FAILURE 192.0.2.31 " + BROWSER, "SUCCESS 192.0.2.32 " + BROWSER);
        mvc.perform(get("/account/sign-ins").cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("192.0.2.31")))
                .andExpect(content().string(containsString("失敗")))
                .andExpect(content().string(containsString("このセッション")));
    }

    @Test
    void aUserEndsAnotherOfTheirSessionsWhichNoLongerSignsIn() throws Exception {
        AmamoPrincipal user = users.create(Role.HOLDER);
        Cookie first = signIn(user, "192.0.2.41");
        Cookie second = signIn(user, "192.0.2.42");
        mvc.perform(get("/account/tokens").cookie(second)).andExpect(status().isOk());

        List<String> handles = handles(first);
        assertThat(handles).hasSize(1);
        mvc.perform(post("/account/sessions/" + handles.get(0) + "/end")
                        .with(csrf())
                        .cookie(first))
                .andExpect(redirectedUrl("/account/sign-ins"));

        mvc.perform(get("/account/tokens").cookie(second)).andExpect(redirectedUrl("http://localhost/login"));
        mvc.perform(get("/account/tokens").cookie(first)).andExpect(status().isOk());
        assertThat(handles(first)).isEmpty();
    }

    @Test
    void aUserCannotEndAnotherUsersSession() throws Exception {
        AmamoPrincipal victim = users.create(Role.HOLDER);
        AmamoPrincipal other = users.create(Role.HOLDER);
        Cookie victims = signIn(victim, "192.0.2.51");
        signIn(victim, "192.0.2.52");
        String handle = handles(victims).get(0);
        Cookie others = signIn(other, "192.0.2.53");

        mvc.perform(post("/account/sessions/" + handle + "/end").with(csrf()).cookie(others))
                .andExpect(status().isNotFound());
        mvc.perform(post("/account/sessions/" + handle + "/end").with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(handles(victims)).containsExactly(handle);
    }

    @Test
    void theFailedSignInsAreTheAdministratorsAlone() throws Exception {
        AmamoPrincipal user = users.create(Role.HOLDER);
        mvc.perform(login(user.email(), "wrong password", "192.0.2.61"));

        for (Role role : List.of(Role.HOLDER, Role.APPLICANT, Role.SECRETARIAT, Role.REVIEWER)) {
            mvc.perform(get("/admin/sign-ins").with(TestUsers.as(users.create(role))))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(get("/admin/sign-ins")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/admin/sign-ins").with(TestUsers.as(users.create(Role.ADMINISTRATOR))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(user.email())))
                .andExpect(content().string(containsString("192.0.2.61")));
        mvc.perform(get("/account/sign-ins").with(TestUsers.as(users.create(Role.HOLDER))))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("192.0.2.61"))));
    }

    private Cookie signIn(AmamoPrincipal user, String address) throws Exception {
        Cookie session = mvc.perform(login(user.email(), TestUsers.PASSWORD, address))
                .andExpect(authenticated())
                .andReturn()
                .getResponse()
                .getCookie("SESSION");
        assertThat(session).isNotNull();
        return session;
    }

    /** The handles of the sessions the page offers to end (every one but the asking one). */
    private List<String> handles(Cookie session) throws Exception {
        String page = mvc.perform(get("/account/sign-ins").cookie(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        Matcher matcher =
                Pattern.compile("/account/sessions/([0-9a-f]{32})/end").matcher(page);
        return matcher.results().map(result -> result.group(1)).toList();
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder login(
            String email, String password, String address) {
        return post("/login")
                .with(csrf())
                .param("username", email)
                .param("password", password)
                .with(client(address));
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor client(String address) {
        return request -> {
            request.setRemoteAddr(address);
            request.addHeader("User-Agent", BROWSER);
            return request;
        };
    }
}
