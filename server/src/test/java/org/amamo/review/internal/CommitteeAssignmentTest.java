package org.amamo.review.internal;

import static org.amamo.testing.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.amamo.application.internal.ApplicationDriver;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
import org.amamo.platform.Outcome;
import org.amamo.platform.Refusal;
import org.amamo.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Each programme has its own review committee: the secretariat assigns to an application only a reviewer on the
 * committee of the application's programme, and the assign form offers only those.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({TestUsers.class, ApplicationDriver.class})
class CommitteeAssignmentTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    CommitteeService committee;

    @Autowired
    ApplicationDriver applications;

    @Autowired
    ReviewRepository reviews;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    AmamoPrincipal applicant;
    AmamoPrincipal secretariat;
    AmamoPrincipal yokohamaReviewer;
    AmamoPrincipal jbcReviewer;

    @BeforeEach
    void people() {
        applicant = users.create(users.organisation("漁協"), Role.APPLICANT, Role.HOLDER);
        secretariat = users.create(Role.SECRETARIAT);
        yokohamaReviewer = member(users.create(Role.REVIEWER), "YBC");
        jbcReviewer = member(users.create(Role.REVIEWER), "JBC");
    }

    AmamoPrincipal member(AmamoPrincipal reviewer, String programme) {
        jdbc.sql("INSERT INTO programme_committee_member (programme_code, user_id) VALUES (?, ?)")
                .params(programme, reviewer.userId())
                .update();
        return reviewer;
    }

    /** An application of the programme, submitted and with its fee confirmed: ready for reviewers. */
    long feeConfirmed(String programme, String version) {
        return applications.feeConfirmed(applicant, secretariat, programme, version);
    }

    @Test
    void aReviewerOffTheProgrammesCommitteeIsRefusedAndNothingIsAssigned() {
        long jbc = feeConfirmed("JBC", "jbe-2.3");
        List<Refusal> refused = committee
                .assignReviewer(secretariat, jbc, yokohamaReviewer.userId())
                .refusals();
        assertThat(refused)
                .extracting(Refusal::field, Refusal::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("reviewerId", "review.reviewer.not-on-committee"));
        assertThat(refused.get(0).arguments()).containsExactly("JBC");
        assertThat(reviews.reviews(jbc)).isEmpty();

        ok(committee.assignReviewer(secretariat, jbc, jbcReviewer.userId()));
        assertThat(reviews.reviews(jbc)).hasSize(1);

        long ybc = feeConfirmed("YBC", "yokohama-2019");
        assertThat(committee
                        .assignReviewer(secretariat, ybc, jbcReviewer.userId())
                        .refusals())
                .extracting(Refusal::messageKey)
                .containsExactly("review.reviewer.not-on-committee");
        ok(committee.assignReviewer(secretariat, ybc, yokohamaReviewer.userId()));
        assertThat(reviews.reviews(ybc)).hasSize(1);
    }

    @Test
    void aCommitteeMemberOfTheApplicantsOrganisationIsStillRefused() {
        long jbc = feeConfirmed("JBC", "jbe-2.3");
        AmamoPrincipal colleague = member(users.create(applicant.organisationId(), Role.REVIEWER), "JBC");
        assertThat(committee
                        .assignReviewer(secretariat, jbc, colleague.userId())
                        .refusals())
                .extracting(Refusal::messageKey)
                .containsExactly("review.reviewer.conflict");
        assertThat(reviews.reviews(jbc)).isEmpty();
    }

    @Test
    void theAssignFormListsOnlyTheCommitteeOfTheApplicationsProgramme() throws Exception {
        long ybc = feeConfirmed("YBC", "yokohama-2019");
        String page = mvc.perform(get("/applications/" + ybc).with(as(secretariat)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page)
                .contains("<option value=\"" + yokohamaReviewer.userId() + "\"")
                .doesNotContain("<option value=\"" + jbcReviewer.userId() + "\"");
    }

    @Test
    void theWebFormRefusesAReviewerOffTheCommitteeAndChangesNothing() throws Exception {
        long ybc = feeConfirmed("YBC", "yokohama-2019");
        mvc.perform(post("/applications/" + ybc + "/reviewers")
                        .with(as(secretariat))
                        .with(csrf())
                        .param("reviewerId", Long.toString(jbcReviewer.userId())))
                .andExpect(flash().attributeExists("refusals"));
        assertThat(reviews.reviews(ybc)).isEmpty();
    }

    @Test
    void aReviewerAlreadyAssignedIsRefusedAtTheFieldAndNothingChanges() throws Exception {
        long ybc = feeConfirmed("YBC", "yokohama-2019");
        ok(committee.assignReviewer(secretariat, ybc, yokohamaReviewer.userId()));
        long notified = notifications(yokohamaReviewer);

        MvcResult result = mvc.perform(post("/applications/" + ybc + "/reviewers")
                        .with(as(secretariat))
                        .with(csrf())
                        .param("reviewerId", Long.toString(yokohamaReviewer.userId())))
                .andExpect(flash().attributeExists("refusals"))
                .andReturn();
        List<Refusal> refused = ((List<?>) result.getFlashMap().get("refusals"))
                .stream().map(Refusal.class::cast).toList();
        assertThat(refused)
                .extracting(Refusal::field, Refusal::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("reviewerId", "review.reviewer.already-assigned"));
        assertThat(reviews.reviews(ybc)).hasSize(1);
        assertThat(notifications(yokohamaReviewer)).isEqualTo(notified);

        // The redirect, followed in the same session (which keeps the flash attributes).
        String page = mvc.perform(get("/applications/" + ybc)
                        .with(as(secretariat))
                        .cookie(result.getResponse().getCookies())
                        .session((org.springframework.mock.web.MockHttpSession)
                                result.getRequest().getSession())
                        .param("lang", "en"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String name = reviews.reviews(ybc).get(0).reviewerName();
        assertThat(page.substring(page.indexOf("id=\"assigned-reviewers\""), page.indexOf("id=\"reviewerId-errors\"")))
                .contains(name)
                .contains(name + " (assigned)");
        assertThat(page.substring(page.indexOf("id=\"reviewerId-errors\"")))
                .contains("is already assigned to review this application");
    }

    private long notifications(AmamoPrincipal user) {
        return jdbc.sql("SELECT COUNT(*) FROM notification WHERE user_id = ?")
                .param(user.userId())
                .query(Long.class)
                .single();
    }

    private static void ok(Outcome<?> outcome) {
        assertThat(outcome.refusals()).isEmpty();
    }
}
