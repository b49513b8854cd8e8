package org.amamo.platform;

import static org.amamo.testing.TestUsers.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import javax.sql.DataSource;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
import org.amamo.testing.TestUsers;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * While the database cannot be reached, every request that needs it is answered 503 with {@code Retry-After}: a
 * problem document on the API (never 401 for a good token, never a redirect to the login page), a page of its own
 * on the web (never a 500); once the database answers again, the same requests succeed without a restart.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({TestUsers.class, DatabaseOutageTest.Outage.class})
class DatabaseOutageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    SwitchableDataSource database;

    AmamoPrincipal user;
    String token;

    @BeforeEach
    void aUserWithAnApiToken() throws Exception {
        user = users.create(Role.APPLICANT);
        String page = mvc.perform(
                        post("/account/tokens").with(as(user)).with(csrf()).param("name", "outage"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        token = page.replaceAll("(?s).*<code id=\"new-token\">(amamo_[A-Za-z0-9_-]+)</code>.*", "$1");
    }

    @AfterEach
    void databaseBack() {
        database.reachable = true;
    }

    @Test
    void aChangeWithAGoodTokenGets503WithRetryAfterNotTheLoginPage() throws Exception {
        database.reachable = false;
        unavailableApi(post("/api/v1/registry/transfers")
                .header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", "outage-1")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"fromAccountId\":4,\"toAccountId\":5,\"creditUnits\":1}"));
    }

    @Test
    void aReadWithAGoodTokenGets503NotUnauthorised() throws Exception {
        database.reachable = false;
        unavailableApi(get("/api/v1/me").header("Authorization", "Bearer " + token));
    }

    @Test
    void aPublicApiReadGets503NotA500() throws Exception {
        database.reachable = false;
        unavailableApi(get("/api/v1/registry/batches"));
    }

    @Test
    void aWebPageGetsTheUnavailablePageInTheVisitorsLanguage() throws Exception {
        database.reachable = false;
        mvc.perform(get("/notices").cookie(new jakarta.servlet.http.Cookie("amamo-lang", "en")))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(Matchers.containsString("Temporarily unavailable")));
        mvc.perform(get("/notices"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().string(Matchers.containsString("ただいまご利用いただけません")));
    }

    @Test
    void aLoginGets503NotTheLoginPageWithAnError() throws Exception {
        database.reachable = false;
        mvc.perform(post("/login")
                        .param("username", user.email())
                        .param("password", TestUsers.PASSWORD)
                        .with(csrf()))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"));
    }

    @Test
    void theSameRequestsSucceedOnceTheDatabaseIsBack() throws Exception {
        database.reachable = false;
        unavailableApi(get("/api/v1/me").header("Authorization", "Bearer " + token));
        database.reachable = true;
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.email").value(user.email()));
        mvc.perform(get("/notices")).andExpect(status().isOk());
    }

    private void unavailableApi(MockHttpServletRequestBuilder request) throws Exception {
        ResultActions result = mvc.perform(request);
        result.andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", String.valueOf(DatabaseOutageFilter.RETRY_AFTER_SECONDS)))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(503))
                .andExpect(jsonPath("$.type").value("urn:amamo:unavailable"))
                .andExpect(jsonPath("$.detail").isNotEmpty());
    }

    /** The application's data source, behind a switch that makes every new connection fail as a stopped server's. */
    static class SwitchableDataSource extends DelegatingDataSource {

        volatile boolean reachable = true;

        SwitchableDataSource(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (!reachable) {
                throw new SQLTransientConnectionException("Connection refused (test outage)", "08001");
            }
            return super.getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Outage {

        @Bean
        static BeanPostProcessor switchableDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource source && !(bean instanceof SwitchableDataSource)
                            ? new SwitchableDataSource(source)
                            : bean;
                }
            };
        }
    }
}
