package org.amamo.identity;

import static org.amamo.testing.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.amamo.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
@Import(TestUsers.class)
class UserAdministrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    List<String> roles(AmamoPrincipal user) {
        return jdbc.sql("SELECT role FROM user_role WHERE user_id = ? ORDER BY role")
                .param(user.userId())
                .query(String.class)
                .list();
    }

    @Test
    void theSecretariatFindsAUserAndMakesThemAReviewer() throws Exception {
        AmamoPrincipal secretariat = users.create(Role.SECRETARIAT);
        AmamoPrincipal applicant = users.create(Role.APPLICANT);
        mvc.perform(get("/secretariat/users")
                        .param("q", applicant.email().substring(0, 20))
                        .with(as(secretariat)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(applicant.email())));
        mvc.perform(post("/secretariat/users/{id}/roles", applicant.userId())
                .with(as(secretariat))
                .with(csrf())
                .param("roles", "APPLICANT")
                .param("roles", "REVIEWER"));
        assertThat(roles(applicant)).containsExactly("APPLICANT", "REVIEWER");
    }

    @Test
    void onlyAnAdministratorGrantsTheSecretariatRole() throws Exception {
        AmamoPrincipal secretariat = users.create(Role.SECRETARIAT);
        AmamoPrincipal administrator = users.create(Role.ADMINISTRATOR);
        AmamoPrincipal target = users.create(Role.APPLICANT);
        mvc.perform(post("/secretariat/users/{id}/roles", target.userId())
                .with(as(secretariat))
                .with(csrf())
                .param("roles", "APPLICANT")
                .param("roles", "SECRETARIAT"));
        assertThat(roles(target)).containsExactly("APPLICANT");
        mvc.perform(post("/secretariat/users/{id}/roles", target.userId())
                .with(as(administrator))
                .with(csrf())
                .param("roles", "APPLICANT")
                .param("roles", "SECRETARIAT"));
        assertThat(roles(target)).containsExactly("APPLICANT", "SECRETARIAT");
    }

    @Test
    void theApiExplainsARefusedRoleChangeAndChangesNothing() throws Exception {
        AmamoPrincipal secretariat = users.create(Role.SECRETARIAT);
        AmamoPrincipal target = users.create(Role.HOLDER);
        mvc.perform(put("/api/v1/users/{id}/roles", target.userId())
                        .with(as(secretariat))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roles\":[\"ADMINISTRATOR\"]}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.errors[0].field").value("roles"))
                .andExpect(jsonPath("$.errors[0].message").isNotEmpty());
        assertThat(roles(target)).containsExactly("HOLDER");
    }

    @Test
    void theApiRejectsAMissingOrUnknownRoleWithFieldErrors() throws Exception {
        AmamoPrincipal secretariat = users.create(Role.SECRETARIAT);
        AmamoPrincipal target = users.create(Role.HOLDER);
        mvc.perform(put("/api/v1/users/{id}/roles", target.userId())
                        .with(as(secretariat))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("roles"));
        mvc.perform(put("/api/v1/users/{id}/roles", target.userId())
                        .with(as(secretariat))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roles\":[\"KING\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("roles[0]"));
        assertThat(roles(target)).containsExactly("HOLDER");
    }

    @Test
    void aDisabledUsersTokensStopWorkingAndNobodyDisablesThemselves() throws Exception {
        AmamoPrincipal secretariat = users.create(Role.SECRETARIAT);
        AmamoPrincipal holder = users.create(Role.HOLDER);
        mvc.perform(post("/secretariat/users/{id}/enabled", holder.userId())
                .with(as(secretariat))
                .with(csrf())
                .param("confirmed", "yes")
                .param("enabled", "false"));
        assertThat(enabled(holder)).isFalse();
        mvc.perform(post("/secretariat/users/{id}/enabled", secretariat.userId())
                .with(as(secretariat))
                .with(csrf())
                .param("confirmed", "yes")
                .param("enabled", "false"));
        assertThat(enabled(secretariat)).isTrue();
    }

    @Test
    void applicantsCannotReachUserManagement() throws Exception {
        AmamoPrincipal applicant = users.create(Role.APPLICANT);
        mvc.perform(get("/secretariat/users").with(as(applicant))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/users").with(as(applicant))).andExpect(status().isForbidden());
    }

    boolean enabled(AmamoPrincipal user) {
        return jdbc.sql("SELECT enabled FROM user_account WHERE id = ?")
                .param(user.userId())
                .query(Boolean.class)
                .single();
    }
}
