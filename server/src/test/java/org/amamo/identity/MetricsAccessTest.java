package org.amamo.identity;

import static org.amamo.testing.TestUsers.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.amamo.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/** Health is public; the Prometheus metrics need the scrape account or an administrator. */
@SpringBootTest(properties = "amamo.metrics.password=scrape-secret")
@AutoConfigureMockMvc
@Import(TestUsers.class)
class MetricsAccessTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Test
    void healthAndItsProbesArePublic() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
    }

    @Test
    void metricsNeedACredential() throws Exception {
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus").with(httpBasic("prometheus", "wrong")))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer amamo_not-a-real-token"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void theScrapeAccountAndAnAdministratorReadTheMetrics() throws Exception {
        mvc.perform(get("/actuator/prometheus").with(httpBasic("prometheus", "scrape-secret")))
                .andExpect(status().isOk());
        mvc.perform(get("/actuator/prometheus").with(as(users.create(Role.ADMINISTRATOR))))
                .andExpect(status().isOk());
    }

    @Test
    void otherUsersMayNot() throws Exception {
        mvc.perform(get("/actuator/prometheus").with(as(users.create(Role.SECRETARIAT, Role.HOLDER))))
                .andExpect(status().isForbidden());
    }
}
