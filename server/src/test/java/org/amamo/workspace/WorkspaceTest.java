package org.amamo.workspace;

import static org.amamo.testing.TestUsers.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
import org.amamo.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/** The to-do page: who lands on it, who may see it, and that it lists what waits for the role. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestUsers.class)
class WorkspaceTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Test
    void staffLandOnTheirToDoPageAndOthersOnTheHomePage() throws Exception {
        AmamoPrincipal reviewer = users.create(Role.REVIEWER);
        AmamoPrincipal applicant = users.create(Role.APPLICANT);
        mvc.perform(formLogin("/login").user(reviewer.email()).password(TestUsers.PASSWORD))
                .andExpect(redirectedUrl("/todo"));
        mvc.perform(formLogin("/login").user(applicant.email()).password(TestUsers.PASSWORD))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void onlyStaffHaveAToDoPage() throws Exception {
        mvc.perform(get("/todo").with(as(users.create(Role.APPLICANT)))).andExpect(status().isForbidden());
        mvc.perform(get("/todo").with(as(users.create(Role.SECRETARIAT)))).andExpect(status().isOk());
    }

    @Test
    void anAdministratorIsToldOfAReviewerOnNoCommittee() throws Exception {
        AmamoPrincipal reviewer = users.create(Role.REVIEWER);
        mvc.perform(get("/todo").with(as(users.create(Role.ADMINISTRATOR))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("todo-reviewers-without-committee")))
                .andExpect(content().string(containsString(reviewer.email())));
        mvc.perform(get("/todo").with(as(users.create(Role.SECRETARIAT))))
                .andExpect(content().string(not(containsString(reviewer.email()))));
    }

    @Test
    void theMenuMarksTheCurrentPageAndOffersAReviewerNoApplications() throws Exception {
        mvc.perform(get("/todo").with(as(users.create(Role.REVIEWER))))
                .andExpect(content().string(containsString("id=\"nav-todo\" aria-current=\"page\"")))
                .andExpect(content().string(containsString("id=\"nav-reviews\"")))
                .andExpect(content().string(not(containsString("id=\"nav-applications\""))))
                .andExpect(content().string(not(containsString("id=\"nav-projects\""))));
    }
}
