package org.amamo.registry.internal;

import static org.amamo.testing.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.amamo.application.ApplicationCertified;
import org.amamo.application.CertifiedIssuance;
import org.amamo.application.CertifiedProject;
import org.amamo.application.CertifiedProjects;
import org.amamo.application.internal.ApplicationDriver;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
import org.amamo.identity.UserDirectory;
import org.amamo.review.internal.ReviewDriver;
import org.amamo.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The manual issuance form starts from a certified application (every figure as certification froze it, holders by
 * name), labels every input, and names every error of an empty submit at once.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({TestUsers.class, ApplicationDriver.class, ReviewDriver.class})
class IssueFormTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    CertifiedProjects certifiedProjects;

    @Autowired
    CertifiedIssuance certifiedIssuance;

    @Autowired
    UserDirectory directory;

    @Autowired
    ApplicationDriver applications;

    @Autowired
    ReviewDriver review;

    @Autowired
    Clock clock;

    /** An application taken through the review to certification, as the workflow does it. */
    long certified() {
        AmamoPrincipal applicant = users.create(users.organisation("漁協"), Role.APPLICANT, Role.HOLDER);
        AmamoPrincipal secretariat = users.create(Role.SECRETARIAT);
        AmamoPrincipal reviewer = users.committeeReviewer(null);
        long id = applications.feeConfirmed(applicant, secretariat, "JBC", "jbe-2.3");
        assertThat(review.recordHearing(secretariat, id, LocalDate.now(clock).minusDays(1), "海の公園", "記録")
                        .refused())
                .isFalse();
        assertThat(review.assignReviewer(secretariat, id, reviewer.userId()).refused())
                .isFalse();
        assertThat(review.startReview(secretariat, id).refused()).isFalse();
        assertThat(review.recordReview(
                                reviewer,
                                id,
                                "所見",
                                Map.of("eelgrass", Map.of("areaCertainty", "0.9", "coefficientCertainty", "1")))
                        .refused())
                .isFalse();
        var now = clock.instant();
        assertThat(review.openPublicComment(secretariat, id, now.minusSeconds(120), now.minusSeconds(60))
                        .refused())
                .isFalse();
        assertThat(review.assessQualityAsMet(reviewer, id).refusals()).isEmpty();
        assertThat(review.certify(reviewer, id, null).refusals()).isEmpty();
        return id;
    }

    @Test
    void theFormIsFilledInFromTheCertifiedApplication() throws Exception {
        long id = certified();
        CertifiedProject project = certifiedProjects.all().stream()
                .filter(p -> p.applicationId() == id)
                .findFirst()
                .orElseThrow();
        ApplicationCertified certified =
                certifiedIssuance.of(project.applicationId()).orElseThrow();
        String page = page("/secretariat/registry/issue?application=" + project.applicationId(), "en");

        assertThat(value(page, "projectId")).isEqualTo(Long.toString(certified.projectId()));
        assertThat(value(page, "projectCode")).isEqualTo(project.projectCode());
        assertThat(value(page, "projectName")).isEqualTo(project.name());
        assertThat(value(page, "programmePrefix")).isNotBlank().isEqualTo(certified.programmePrefix());
        assertThat(value(page, "vintage")).isEqualTo(Integer.toString(certified.vintage()));
        assertThat(value(page, "methodologyVersion")).isEqualTo(project.methodologyVersion());
        assertThat(value(page, "certifier")).isNotBlank().isEqualTo(certified.certifier());
        assertThat(new BigDecimal(value(page, "tonnes")))
                .isEqualByComparingTo(BigDecimal.valueOf(project.certifiedUnits(), 1));
        assertThat(value(page, "requestKey")).isEqualTo("application-" + project.applicationId() + "-certified");
        assertThat(page).contains("Filled in from the certification of");

        // The first holder is chosen by name, not typed as a number.
        ApplicationCertified.InitialHolder holder = certified.holders().get(0);
        String name = directory.find(holder.userId()).orElseThrow().displayName();
        assertThat(page)
                .containsPattern(
                        "<option value=\"U-" + holder.userId() + "\" selected=\"selected\">" + Pattern.quote(name));
        assertThat(page).contains("<label for=\"holders0.holder\">Initial holder 1</label>");
        assertThat(page).contains("<label for=\"holders0.sharePercent\">Share of initial holder 1 (%)</label>");
    }

    @Test
    void anApplicationNotCertifiedIsSaidSo() throws Exception {
        assertThat(page("/secretariat/registry/issue?application=999999999", "en"))
                .contains("That application is not certified.");
    }

    @Test
    void anEmptySubmitNamesEveryErrorAtItsField() throws Exception {
        String page = mvc.perform(post("/secretariat/registry/issue")
                        .with(as(users.create(Role.SECRETARIAT)))
                        .with(csrf())
                        .param("lang", "en")
                        .param("projectId", "")
                        .param("projectCode", "")
                        .param("projectName", "")
                        .param("programmePrefix", "")
                        .param("vintage", "")
                        .param("methodologyVersion", "")
                        .param("creditType", "REMOVAL")
                        .param("certifier", "")
                        .param("tonnes", ""))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        for (String field : new String[] {
            "projectCode", "projectName", "programmePrefix", "vintage", "methodologyVersion", "certifier", "tonnes"
        }) {
            assertThat(page).as(field).contains("id=\"" + field + "-errors\"");
        }
        assertThat(page).contains("Name at least one initial holder.");
    }

    @Test
    void aShareWithoutAHolderIsRefusedAtItsRow() throws Exception {
        AmamoPrincipal secretariat = users.create(Role.SECRETARIAT);
        String page = mvc.perform(post("/secretariat/registry/issue")
                        .with(as(secretariat))
                        .with(csrf())
                        .param("lang", "en")
                        .param("holders[1].holder", "")
                        .param("holders[1].sharePercent", "100"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Choose the initial holder for a row with a share.");
    }

    private String page(String path, String language) throws Exception {
        return mvc.perform(get(path).param("lang", language).with(as(users.create(Role.SECRETARIAT))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** The value of the input whose id is {@code id}. */
    private static String value(String page, String id) {
        Matcher input = Pattern.compile("<input[^>]*id=\"" + Pattern.quote(id) + "\"[^>]*>")
                .matcher(page);
        assertThat(input.find()).as(id).isTrue();
        Matcher value = Pattern.compile("value=\"([^\"]*)\"").matcher(input.group());
        return value.find() ? value.group(1) : "";
    }
}
