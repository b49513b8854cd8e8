package org.amamo.consultation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.amamo.consultation.ConsultationEnded;
import org.amamo.consultation.ConsultationMessagePosted;
import org.amamo.consultation.ConsultationOpened;
import org.amamo.consultation.ConsultationStatus;
import org.amamo.consultation.ConsultationSummary;
import org.amamo.consultation.Consultations;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
import org.amamo.identity.UserDirectory;
import org.amamo.platform.Outcome;
import org.amamo.platform.RefusalKind;
import org.amamo.platform.SchemeTime;
import org.amamo.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** The service's rules against a real database: concurrent writers, the published API, the demo data. */
@SpringBootTest
@Import(TestUsers.class)
@RecordApplicationEvents
class ConsultationServiceTest {

    @Autowired
    ApplicationEvents events;

    @Autowired
    ConsultationService service;

    @Autowired
    ConsultationRepository repository;

    @Autowired
    Consultations consultations;

    @Autowired
    UserDirectory directory;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    static ConsultationDraft draft(String title) {
        LocalDate today = LocalDate.now(SchemeTime.ZONE);
        LocalDate start = LocalDate.of(today.getMonthValue() >= 4 ? today.getYear() - 1 : today.getYear() - 2, 4, 1);
        return new ConsultationDraft(
                title,
                "概要",
                "14",
                "横浜市",
                List.of("seagrass"),
                false,
                null,
                false,
                null,
                false,
                null,
                start,
                start.plusYears(1).minusDays(1));
    }

    @Test
    void onlyApplicantsOpenConsultations() {
        AmamoPrincipal holder = users.create(Role.HOLDER, Role.SECRETARIAT);
        Outcome<Long> refused = service.open(holder, draft("保有者の相談"));
        assertThat(refused.kind()).isEqualTo(RefusalKind.FORBIDDEN);
        assertThat(refused.refusals())
                .extracting(refusal -> refusal.messageKey())
                .containsExactly("consultation.applicant-only");
    }

    @Test
    void twoPostsRacingForTheLastPlaceInAThreadLetExactlyOneIn() throws Exception {
        AmamoPrincipal applicant = users.create(Role.APPLICANT);
        AmamoPrincipal secretariat = users.create(Role.SECRETARIAT);
        long id = service.open(applicant, draft("最後の1件")).value();
        jdbc.sql("UPDATE consultation SET message_count = ? WHERE id = ?")
                .params(ConsultationService.MESSAGES_MAX - 1, id)
                .update();

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Outcome<Long>>> posts = new ArrayList<>();
            for (AmamoPrincipal author : List.of(applicant, secretariat)) {
                Callable<Outcome<Long>> post = () -> {
                    start.await();
                    return service.post(id, author, "同時の投稿");
                };
                posts.add(pool.submit(post));
            }
            start.countDown();
            int accepted = 0;
            for (Future<Outcome<Long>> post : posts) {
                accepted += post.get().refusals().isEmpty() ? 1 : 0;
            }
            assertThat(accepted).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("SELECT message_count FROM consultation WHERE id = ?")
                        .param(id)
                        .query(Integer.class)
                        .single())
                .isEqualTo(ConsultationService.MESSAGES_MAX);
    }

    @Test
    void otherFeaturesSeeAnApplicantsConsultationsNewestActivityFirst() {
        AmamoPrincipal applicant = users.create(Role.APPLICANT);
        AmamoPrincipal secretariat = users.create(Role.SECRETARIAT);
        long older = service.open(applicant, draft("古い相談")).value();
        long newer = service.open(applicant, draft("新しい相談")).value();
        service.post(older, secretariat, "回答します。");
        service.open(users.create(Role.APPLICANT), draft("他人の相談"));

        List<ConsultationSummary> opened = consultations.openedBy(applicant.userId(), 10);
        assertThat(opened).extracting(ConsultationSummary::id).containsExactly(older, newer);
        assertThat(opened.get(0).status()).isEqualTo(ConsultationStatus.ANSWERED);
        assertThat(opened.get(0).messageCount()).isEqualTo(1);
        assertThat(consultations.openedBy(applicant.userId(), 1)).hasSize(1);
    }

    @Test
    void theDemoDataIsOneEelgrassConsultationWhoseFollowUpQuestionAwaitsTheSecretariatLoadedOnce() {
        demoUser("applicant@amamo.example", Role.APPLICANT);
        demoUser("secretariat@amamo.example", Role.SECRETARIAT);
        ConsultationDemoData demo = new ConsultationDemoData(repository, service, directory, clock);
        jdbc.sql("DELETE FROM consultation").update();

        demo.run(null);
        demo.run(null);

        List<Long> ids =
                jdbc.sql("SELECT id FROM consultation").query(Long.class).list();
        assertThat(ids).hasSize(1);
        ConsultationDetail consultation = repository.find(ids.get(0)).orElseThrow();
        assertThat(consultation.status()).isEqualTo(ConsultationStatus.OPEN);
        assertThat(consultation.title()).contains("アマモ");
        assertThat(consultation.ecosystems()).containsExactly("seagrass");
        assertThat(consultation.messages())
                .extracting(ConsultationDetail.Message::fromSecretariat)
                .containsExactly(false, true, false);
    }

    @Test
    void eachChangeIsPublishedAsAnEventCarryingIdsAndARefusalPublishesNothing() {
        AmamoPrincipal applicant = users.create(Role.APPLICANT);
        AmamoPrincipal secretariat = users.create(Role.SECRETARIAT);
        long answered = service.open(applicant, draft("イベント")).value();
        service.post(answered, secretariat, "回答");
        service.post(answered, applicant, "追加の質問");
        service.close(answered, secretariat, "終了");
        long withdrawn = service.open(applicant, draft("取下げ")).value();
        service.withdraw(withdrawn, applicant);
        service.post(withdrawn, applicant, "取下げ後の投稿");
        service.close(withdrawn, secretariat, "");

        long applicantId = applicant.userId();
        assertThat(events.stream(ConsultationOpened.class))
                .containsExactly(
                        new ConsultationOpened(answered, applicantId), new ConsultationOpened(withdrawn, applicantId));
        assertThat(events.stream(ConsultationMessagePosted.class))
                .containsExactly(
                        new ConsultationMessagePosted(answered, applicantId, true),
                        new ConsultationMessagePosted(answered, applicantId, false));
        assertThat(events.stream(ConsultationEnded.class))
                .containsExactly(
                        new ConsultationEnded(answered, applicantId, ConsultationStatus.CLOSED),
                        new ConsultationEnded(withdrawn, applicantId, ConsultationStatus.WITHDRAWN));
    }

    private void demoUser(String email, Role role) {
        if (directory.findByEmail(email).isPresent()) {
            return;
        }
        jdbc.sql("""
                INSERT INTO user_account (kind, email, password_hash, full_name, address, phone, enabled, created_at)
                VALUES ('INDIVIDUAL', ?, 'x', 'デモ', '横浜市', '045-000-0000', TRUE, ?)
                """).params(email, OffsetDateTime.now(ZoneOffset.UTC)).update();
        long id = directory.findByEmail(email).orElseThrow().userId();
        jdbc.sql("INSERT INTO user_role (user_id, role) VALUES (?, ?)")
                .params(id, role.name())
                .update();
    }
}
