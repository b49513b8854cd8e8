package org.amamo.programme;

import static org.amamo.testing.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
import org.amamo.platform.Refusal;
import org.amamo.testing.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A programme's buffer share per ecosystem: 0 % until an administrator sets it, from 0 to 50 % with at most two
 * decimals; anything else is refused at its field and nothing changes.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestUsers.class)
class ProgrammeBufferSharesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    BufferShares shares;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void sharesGoBackToZero() {
        jdbc.sql("DELETE FROM programme_buffer_share").update();
    }

    static MockHttpServletRequestBuilder buffer(String code, String... pairs) {
        MockHttpServletRequestBuilder request =
                post("/admin/programmes/" + code + "/buffer").with(csrf());
        for (int i = 0; i < pairs.length; i += 2) {
            request.param("buffer." + pairs[i], pairs[i + 1]);
        }
        return request;
    }

    @Test
    void everyEcosystemStartsAtZeroPercent() {
        assertThat(shares.shares("JBC")).containsOnlyKeys(BufferShares.ECOSYSTEMS);
        assertThat(shares.shares("JBC").values()).allMatch(share -> share.signum() == 0);
        assertThat(shares.shares("NOPE")).isEmpty();
    }

    @Test
    void anAdministratorSetsTheSharesFromZeroToFiftyPercent() throws Exception {
        AmamoPrincipal administrator = users.create(Role.ADMINISTRATOR);
        mvc.perform(buffer("JBC", "seagrass", "10", "kelp", "12.5", "mangrove", "50", "tidal-flat", "0")
                        .with(as(administrator)))
                .andExpect(flash().attribute("flash", "programme.buffer.saved"));

        Map<String, BigDecimal> saved = shares.shares("JBC");
        assertThat(saved.get("seagrass")).isEqualByComparingTo("10");
        assertThat(saved.get("kelp")).isEqualByComparingTo("12.5");
        assertThat(saved.get("mangrove")).isEqualByComparingTo("50");
        assertThat(saved.get("tidal-flat")).isEqualByComparingTo("0");
        assertThat(saved.get("sargassum")).isEqualByComparingTo("0");
        assertThat(shares.shares("YBC").values()).allMatch(share -> share.signum() == 0);

        String page = mvc.perform(get("/admin/programmes").with(as(administrator)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("buffer-JBC-kelp").contains("value=\"12.50\"");
    }

    @Test
    void onlyAnAdministratorSetsTheShares() throws Exception {
        for (Role role : List.of(Role.SECRETARIAT, Role.REVIEWER, Role.APPLICANT, Role.HOLDER)) {
            mvc.perform(buffer("JBC", "seagrass", "10").with(as(users.create(role))))
                    .andExpect(status().isForbidden());
        }
        assertThat(shares.shares("JBC").values()).allMatch(share -> share.signum() == 0);
    }

    @Test
    void aShareOutsideZeroToFiftyIsRefusedAtItsFieldAndNothingChanges() throws Exception {
        AmamoPrincipal administrator = users.create(Role.ADMINISTRATOR);
        mvc.perform(buffer("JBC", "seagrass", "5").with(as(administrator)))
                .andExpect(flash().attribute("flash", "programme.buffer.saved"));

        for (String bad : List.of("-1", "50.01", "51", "abc", "10.123", "1e1", "10,5")) {
            var refused = mvc.perform(
                            buffer("JBC", "seagrass", "20", "kelp", bad).with(as(administrator)))
                    .andExpect(status().isBadRequest())
                    .andReturn();
            @SuppressWarnings("unchecked")
            List<Refusal> refusals =
                    (List<Refusal>) refused.getModelAndView().getModel().get("refusals");
            assertThat(refusals).extracting(Refusal::field).as(bad).containsExactly("buffer.kelp");
            assertThat(refused.getResponse().getContentAsString(StandardCharsets.UTF_8))
                    .contains("バッファ率は0から50までの数");
            assertThat(shares.shares("JBC").get("seagrass")).isEqualByComparingTo("5");
            assertThat(shares.shares("JBC").get("kelp")).isEqualByComparingTo("0");
        }
        mvc.perform(buffer("NOPE", "seagrass", "1").with(as(administrator))).andExpect(status().isNotFound());
    }
}
