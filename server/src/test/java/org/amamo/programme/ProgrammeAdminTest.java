package org.amamo.programme;

import static org.amamo.testing.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
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
        MockHttpServletRequestBuilder request = post("/admin/programmes/YBC")
                .with(csrf())
                .param("nameJa", "横浜ブルーカーボン・オフセット制度")
                .param("nameEn", "Yokohama Blue Carbon Offset")
                .param("operator", "横浜市")
                .param("certifier", "横浜市");
        return versions.length == 0 ? request : request.param("versions", versions);
    }

    @Test
    void bothProgrammesExistWithTheirOwnSerialPrefixes() {
        assertThat(programmes.all()).extracting(Programme::serialPrefix).containsExactly("JBC", "YBC");
        assertThat(programmes.find("YBC").orElseThrow().accepts("yokohama-2019-reduction"))
                .isTrue();
        assertThat(programmes.find("JBC").orElseThrow().accepts("yokohama-2019"))
                .isFalse();
    }

    @Test
    void onlyAnAdministratorChangesTheAcceptedVersions() throws Exception {
        AmamoPrincipal secretariat = users.create(Role.SECRETARIAT);
        AmamoPrincipal administrator = users.create(Role.ADMINISTRATOR);
        mvc.perform(update("yokohama-2019").with(as(secretariat))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/programmes").with(as(secretariat))).andExpect(status().isForbidden());
        assertThat(programmes.find("YBC").orElseThrow().acceptedVersions())
                .containsExactly("yokohama-2019", "yokohama-2019-reduction", "yokohama-2019-ranges");

        mvc.perform(update("not-a-version").with(as(administrator)))
                .andExpect(status().isBadRequest())
                .andExpect(model().attributeExists("refusals"));
        mvc.perform(update().with(as(administrator)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("受け付ける方法論のバージョンを1つ以上選んでください。")));
        assertThat(programmes.find("YBC").orElseThrow().acceptedVersions())
                .containsExactly("yokohama-2019", "yokohama-2019-reduction", "yokohama-2019-ranges");

        mvc.perform(update("yokohama-2019").with(as(administrator)))
                .andExpect(flash().attribute("flash", "programme.saved"));
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
                .andExpect(status().isBadRequest())
                .andExpect(model().attribute("refusedProgramme", "YBC"))
                .andExpect(content().string(containsString("審査認証委員の役割を持つ有効なユーザーを選んでください。")));
        mvc.perform(post(join).with(csrf()).with(as(administrator))).andExpect(status().isBadRequest());
        assertThat(programmes.committee("YBC")).doesNotContain(applicant.userId());

        mvc.perform(post(join).with(csrf()).with(as(administrator)).param("userId", Long.toString(reviewer.userId())))
                .andExpect(flash().attribute("flash", "programme.committee.added"));
        assertThat(programmes.onCommittee("YBC", reviewer.userId())).isTrue();
        assertThat(programmes.onCommittee("JBC", reviewer.userId())).isFalse();
        mvc.perform(post(join).with(csrf()).with(as(administrator)).param("userId", Long.toString(reviewer.userId())))
                .andExpect(status().isBadRequest())
                .andExpect(model().attributeExists("refusals"));
        assertThat(mvc.perform(get("/admin/programmes").with(as(administrator)))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("committee-YBC");

        String leave = join + "/" + reviewer.userId() + "/delete?confirmed=yes";
        mvc.perform(post(leave).with(csrf()).with(as(secretariat))).andExpect(status().isForbidden());
        assertThat(programmes.onCommittee("YBC", reviewer.userId())).isTrue();
        mvc.perform(post(leave).with(csrf()).with(as(administrator)))
                .andExpect(flash().attribute("flash", "programme.committee.removed"));
        assertThat(programmes.onCommittee("YBC", reviewer.userId())).isFalse();
        mvc.perform(post(leave).with(csrf()).with(as(administrator))).andExpect(status().isBadRequest());
        mvc.perform(post("/admin/programmes/NOPE/committee")
                        .with(csrf())
                        .with(as(administrator))
                        .param("userId", Long.toString(reviewer.userId())))
                .andExpect(status().isNotFound());
    }

    static MockHttpServletRequestBuilder fee(String code, String flatYen, String perTonneYen) {
        return post("/admin/programmes/" + code + "/fee")
                .with(csrf())
                .param("feeFlatYen", flatYen)
                .param("feePerTonneYen", perTonneYen);
    }

    @Test
    void onlyAnAdministratorSetsTheFeeAndBadAmountsAreRefusedAtTheirFields() throws Exception {
        AmamoPrincipal secretariat = users.create(Role.SECRETARIAT);
        AmamoPrincipal administrator = users.create(Role.ADMINISTRATOR);
        mvc.perform(fee("JBC", "30000", "200").with(as(secretariat))).andExpect(status().isForbidden());
        mvc.perform(fee("JBC", "30000", "200").with(as(administrator)))
                .andExpect(flash().attribute("flash", "programme.fee.saved"));
        FeeRule saved = programmes.find("JBC").orElseThrow().fee();
        assertThat(saved.flatYen()).isEqualByComparingTo("30000");
        assertThat(saved.perTonneYen()).isEqualByComparingTo("200");

        for (String[] bad :
                new String[][] {{"-1", "0"}, {"1.5", "0"}, {"30,000", "0"}, {"", "0"}, {"0", "100000001"}, {"0", "abc"}
                }) {
            var refused = mvc.perform(fee("JBC", bad[0], bad[1]).with(as(administrator)))
                    .andExpect(status().isBadRequest())
                    .andReturn();
            @SuppressWarnings("unchecked")
            java.util.List<org.amamo.platform.Refusal> refusals = (java.util.List<org.amamo.platform.Refusal>)
                    refused.getModelAndView().getModel().get("refusals");
            assertThat(refusals)
                    .extracting(org.amamo.platform.Refusal::field)
                    .containsExactly(bad[0].equals("0") ? "feePerTonneYen" : "feeFlatYen");
            assertThat(programmes.find("JBC").orElseThrow().fee()).isEqualTo(saved);
        }

        String page = mvc.perform(fee("JBC", "", "-5").with(as(administrator)))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        // Both messages stand beneath their own inputs, inside the JBC section only.
        String jbc = page.substring(page.indexOf("id=\"programme-JBC\""), page.indexOf("id=\"programme-YBC\""));
        String message = "0から100000000までの整数（円、区切り記号なし）で入力してください。";
        assertThat(jbc.substring(jbc.indexOf("feeFlatYen-JBC"), jbc.indexOf("feePerTonneYen-JBC")))
                .contains(message);
        assertThat(jbc.substring(jbc.lastIndexOf("feePerTonneYen-JBC"))).contains(message);
        assertThat(page.substring(page.indexOf("id=\"programme-YBC\""))).doesNotContain(message);
        mvc.perform(fee("NOPE", "1", "1").with(as(administrator))).andExpect(status().isNotFound());
    }
}
