package org.amamo.application.internal;

import static org.amamo.testing.TestUsers.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
import org.amamo.platform.SqlTime;
import org.amamo.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Every page tells a signed-in user how many notifications they have not read; nothing else carries the count. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestUsers.class)
class NotificationBadgeTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    Notifications notifications;

    @Autowired
    JdbcClient jdbc;

    AmamoPrincipal applicant;

    @BeforeEach
    void twoUnreadNotifications() {
        applicant = users.create(Role.APPLICANT);
        notifications.send(List.of(applicant.userId()), "notification.review-assigned", "一", "/reviews");
        notifications.send(List.of(applicant.userId()), "notification.review-assigned", "二", "/reviews");
    }

    @Test
    void a_page_shows_the_signed_in_users_unread_count() throws Exception {
        mvc.perform(get("/").with(as(applicant)))
                .andExpect(model().attribute("unreadNotifications", 2L))
                .andExpect(content().string(containsString("class=\"badge\">2</span>")));
    }

    @Test
    void reading_them_redirects_without_the_count_in_the_address_and_the_next_page_shows_none() throws Exception {
        mvc.perform(post("/account/notifications/read").with(as(applicant)).with(csrf()))
                .andExpect(redirectedUrl("/account/notifications"));
        mvc.perform(get("/account/notifications").with(as(applicant)))
                .andExpect(model().attribute("unreadNotifications", 0L))
                .andExpect(content().string(not(containsString("class=\"badge\""))));
    }

    @Test
    void opening_the_list_marks_them_read() throws Exception {
        mvc.perform(get("/account/notifications").with(as(applicant)))
                .andExpect(content().string(containsString("class=\"unread\"")));
        mvc.perform(get("/").with(as(applicant))).andExpect(model().attribute("unreadNotifications", 0L));
    }

    @Test
    void only_current_notifications_are_counted() throws Exception {
        jdbc.sql("UPDATE notification SET created_at = ? WHERE user_id = ? AND argument = ?")
                .params(
                        SqlTime.utc(Instant.now().minus(Notifications.CURRENT).minusSeconds(60)),
                        applicant.userId(),
                        "一")
                .update();
        mvc.perform(get("/").with(as(applicant))).andExpect(model().attribute("unreadNotifications", 1L));
    }

    @Test
    void an_anonymous_page_and_an_api_answer_carry_no_count() throws Exception {
        mvc.perform(get("/")).andExpect(model().attributeDoesNotExist("unreadNotifications"));
        mvc.perform(get("/api/v1/notices").with(as(applicant)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("unreadNotifications"))));
    }
}
