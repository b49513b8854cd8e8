package org.amamo.application.internal;

import static org.amamo.testing.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;

import java.time.LocalDate;
import java.util.List;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
import org.amamo.platform.SchemeTime;
import org.amamo.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An application follows the pre-consultation its applicant opened: started from it or linked on the form, shown
 * to the applicant and the secretariat; and each consultation message reaches the other side as a notification.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestUsers.class)
class ConsultationLinkTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    DraftService drafts;

    @Autowired
    SubmissionService submissions;

    @Autowired
    ApplicationRepository applications;

    @Autowired
    JdbcClient jdbc;

    AmamoPrincipal applicant;
    AmamoPrincipal otherApplicant;
    AmamoPrincipal secretariat;

    @BeforeEach
    void people() {
        applicant = users.create(users.organisation("金沢漁協"), Role.APPLICANT);
        otherApplicant = users.create(Role.APPLICANT);
        secretariat = users.create(Role.SECRETARIAT);
    }

    long consult(AmamoPrincipal user, String title) throws Exception {
        LocalDate today = LocalDate.now(SchemeTime.ZONE);
        LocalDate start = LocalDate.of(today.getMonthValue() >= 4 ? today.getYear() - 1 : today.getYear() - 2, 4, 1);
        String location = mvc.perform(post("/consultations")
                        .with(as(user))
                        .with(csrf())
                        .param("title", title)
                        .param("summary", "アマモの移植")
                        .param("prefecture", "14")
                        .param("placeName", "海の公園地先")
                        .param("ecosystems", "seagrass")
                        .param("periodStart", start.toString())
                        .param("periodEnd", start.plusYears(1).minusDays(1).toString()))
                .andExpect(redirectedUrlPattern("/consultations/*"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    long startFrom(AmamoPrincipal user, long consultationId) throws Exception {
        String location = mvc.perform(post("/applications")
                        .with(as(user))
                        .with(csrf())
                        .param("consultation", String.valueOf(consultationId)))
                .andExpect(redirectedUrlPattern("/applications/*/edit"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        return Long.parseLong(location.split("/")[2]);
    }

    @Test
    void an_application_started_from_a_consultation_takes_its_title_and_shows_the_link_to_applicant_and_secretariat()
            throws Exception {
        long consultation = consult(applicant, "海の公園アマモ場再生");
        long id = startFrom(applicant, consultation);

        ApplicationForm form = applications.loadForm(id);
        assertThat(form.getName()).isEqualTo("海の公園アマモ場再生");
        assertThat(form.getConsultationId()).isEqualTo(consultation);
        assertThat(form.getPrefecture()).isEqualTo("14");
        mvc.perform(get("/applications/{id}", id).with(as(applicant)))
                .andExpect(content().string(containsString("href=\"/consultations/" + consultation + "\"")));
        mvc.perform(get("/applications/{id}", id).with(as(secretariat)))
                .andExpect(content().string(containsString("href=\"/consultations/" + consultation + "\"")));
        mvc.perform(get("/applications/{id}/edit", id).with(as(applicant)))
                .andExpect(content().string(containsString("海の公園アマモ場再生")));
    }

    @Test
    void nobody_starts_or_links_an_application_with_someone_elses_consultation_and_nothing_changes() throws Exception {
        long theirs = consult(otherApplicant, "他者の相談");
        long before =
                jdbc.sql("SELECT COUNT(*) FROM application").query(Long.class).single();

        mvc.perform(post("/applications")
                        .with(as(applicant))
                        .with(csrf())
                        .param("consultation", String.valueOf(theirs)))
                .andExpect(redirectedUrl("/applications"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM application")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);

        long own = drafts.create(applicant, "自分のプロジェクト");
        ApplicationForm form = applications.loadForm(own);
        form.setConsultationId(theirs);
        assertThat(drafts.save(applicant, own, form).refusals())
                .extracting(refusal -> refusal.field() + " " + refusal.messageKey())
                .containsExactly("consultationId application.consultation.not-yours");
        assertThat(applications.loadForm(own).getConsultationId()).isNull();

        form.setConsultationId(999_999_999L);
        assertThat(drafts.save(applicant, own, form).refusals())
                .extracting(refusal -> refusal.messageKey())
                .containsExactly("application.consultation.not-yours");
    }

    @Test
    void a_withdrawn_consultation_cannot_be_followed_and_is_not_offered() throws Exception {
        long consultation = consult(applicant, "取り下げる相談");
        mvc.perform(post("/consultations/{id}/withdraw", consultation)
                .with(as(applicant))
                .with(csrf())
                .param("confirmed", "yes"));

        assertThat(drafts.linkableConsultations(applicant.userId()))
                .extracting(found -> found.id())
                .doesNotContain(consultation);
        long own = drafts.create(applicant, "プロジェクト");
        ApplicationForm form = applications.loadForm(own);
        form.setConsultationId(consultation);
        assertThat(drafts.save(applicant, own, form).refusals())
                .extracting(refusal -> refusal.messageKey())
                .containsExactly("application.consultation.withdrawn");
    }

    @Test
    void the_link_is_shown_only_to_the_applicant_and_the_secretariat() throws Exception {
        long consultation = consult(applicant, "公開しない相談");
        long id = startFrom(applicant, consultation);
        AmamoPrincipal reviewer = users.create(Role.REVIEWER);

        mvc.perform(get("/applications/{id}", id).with(as(reviewer)))
                .andExpect(content().string(not(containsString("/consultations/" + consultation))));
    }

    @Test
    void each_consultation_message_notifies_the_other_side() throws Exception {
        long consultation = consult(applicant, "通知の確認");
        assertThat(notifications(secretariat)).contains("notification.consultation.opened 通知の確認");

        mvc.perform(post("/consultations/{id}/messages", consultation)
                .with(as(secretariat))
                .with(csrf())
                .param("body", "面積の根拠資料を添付してください。"));
        assertThat(notifications(applicant)).contains("notification.consultation.answered 通知の確認");

        mvc.perform(post("/consultations/{id}/messages", consultation)
                .with(as(applicant))
                .with(csrf())
                .param("body", "添付しました。"));
        assertThat(notifications(secretariat)).contains("notification.consultation.asked 通知の確認");

        mvc.perform(post("/secretariat/consultations/{id}/close", consultation)
                .with(as(secretariat))
                .with(csrf())
                .param("confirmed", "yes")
                .param("note", "申請をお待ちしています。"));
        assertThat(notifications(applicant)).contains("notification.consultation.closed 通知の確認");
        mvc.perform(get("/account/notifications").with(as(applicant)))
                .andExpect(content().string(containsString("href=\"/consultations/" + consultation + "\"")));
    }

    List<String> notifications(AmamoPrincipal user) {
        return jdbc.sql("SELECT message_key || ' ' || argument FROM notification WHERE user_id = ?")
                .param(user.userId())
                .query(String.class)
                .list();
    }
}
