package org.amamo.programme;

import static org.amamo.testing.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
import org.amamo.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Both programmes of seeds 000-003 are present; only an administrator changes their settings. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestUsers.class)
@DirtiesContext
class ProgrammeAdminTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestUsers users;
    @Autowired
    Programmes programmes;

    static MockHttpServletRequestBuilder update(String... versions) {
        MockHttpServletRequestBuilder request = post("/admin/programmes/YBC").with(csrf())
                .param("nameJa", "横浜ブルーカーボン・オフセット制度").param("nameEn", "Yokohama Blue Carbon Offset")
                .param("operator", "横浜市").param("certifier", "横浜市");
        return versions.length == 0 ? request : request.param("versions", versions);
    }

    @Test
    void bothProgrammesExistWithTheirOwnSerialPrefixes() {
        assertThat(programmes.all()).extracting(Programme::serialPrefix).containsExactly("JBC", "YBC");
        assertThat(programmes.find("YBC").orElseThrow().accepts("yokohama-2019-reduction")).isTrue();
        assertThat(programmes.find("JBC").orElseThrow().accepts("yokohama-2019")).isFalse();
    }

    @Test
    void onlyAnAdministratorChangesTheAcceptedVersions() throws Exception {
        AmamoPrincipal secretariat = users.create(Role.SECRETARIAT);
        AmamoPrincipal administrator = users.create(Role.ADMINISTRATOR);
        mvc.perform(update("yokohama-2019").with(as(secretariat))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/programmes").with(as(secretariat))).andExpect(status().isForbidden());
        assertThat(programmes.find("YBC").orElseThrow().acceptedVersions()).hasSize(2);

        mvc.perform(update("not-a-version").with(as(administrator))).andExpect(flash().attributeExists("refusals"));
        mvc.perform(update().with(as(administrator))).andExpect(flash().attributeExists("refusals"));
        assertThat(programmes.find("YBC").orElseThrow().acceptedVersions()).hasSize(2);

        mvc.perform(update("yokohama-2019").with(as(administrator))).andExpect(flash().attribute("flash", "programme.saved"));
        assertThat(programmes.find("YBC").orElseThrow().acceptedVersions()).containsExactly("yokohama-2019");
        assertThat(programmes.find("YBC").orElseThrow().serialPrefix()).isEqualTo("YBC");
    }

    @Test
    void anAdministratorManagesEachCommitteeAndBadChoicesChangeNothing() throws Exception {
        AmamoPrincipal administrator = users.create(Role.ADMINISTRATOR);
        AmamoPrincipal secretariat = users.create(Role.SECRETARIAT);
        AmamoPrincipal reviewer = users.create(Role.REVIEWER);
        AmamoPrincipal applicant = users.create(Role.APPLICANT);
        String join = "/admin/programmes/YBC/committee";

        mvc.perform(post(join).with(csrf()).with(as(secretariat)).param("userId", Long.toString(reviewer.userId())))
                .andExpect(status().isForbidden());
        assertThat(programmes.onCommittee("YBC", reviewer.userId())).isFalse();

        mvc.perform(post(join).with(csrf()).with(as(administrator)).param("userId", Long.toString(applicant.userId())))
                .andExpect(flash().attributeExists("refusals")).andExpect(flash().attribute("refusedProgramme", "YBC"));
        mvc.perform(post(join).with(csrf()).with(as(administrator))).andExpect(flash().attributeExists("refusals"));
        assertThat(programmes.committee("YBC")).doesNotContain(applicant.userId());

        mvc.perform(post(join).with(csrf()).with(as(administrator)).param("userId", Long.toString(reviewer.userId())))
                .andExpect(flash().attribute("flash", "programme.committee.added"));
        assertThat(programmes.onCommittee("YBC", reviewer.userId())).isTrue();
        assertThat(programmes.onCommittee("JBC", reviewer.userId())).isFalse();
        mvc.perform(post(join).with(csrf()).with(as(administrator)).param("userId", Long.toString(reviewer.userId())))
                .andExpect(flash().attributeExists("refusals"));
        assertThat(mvc.perform(get("/admin/programmes").with(as(administrator))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("committee-YBC");

        String leave = join + "/" + reviewer.userId() + "/delete";
        mvc.perform(post(leave).with(csrf()).with(as(secretariat))).andExpect(status().isForbidden());
        assertThat(programmes.onCommittee("YBC", reviewer.userId())).isTrue();
        mvc.perform(post(leave).with(csrf()).with(as(administrator)))
                .andExpect(flash().attribute("flash", "programme.committee.removed"));
        assertThat(programmes.onCommittee("YBC", reviewer.userId())).isFalse();
        mvc.perform(post(leave).with(csrf()).with(as(administrator))).andExpect(flash().attributeExists("refusals"));
        mvc.perform(post("/admin/programmes/NOPE/committee").with(csrf()).with(as(administrator))
                .param("userId", Long.toString(reviewer.userId()))).andExpect(status().isNotFound());
    }
}
