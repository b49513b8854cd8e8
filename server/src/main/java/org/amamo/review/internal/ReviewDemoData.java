package org.amamo.review.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.amamo.application.ApplicationStatus;
import org.amamo.application.Applications;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.UserDirectory;
import org.amamo.identity.UserSummary;
import org.amamo.platform.Outcome;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes the application module's demo applications whose fee is confirmed on through the review, through the real
 * services: the hearing, a reviewer of the programme's committee, findings and full certainty, public comment, and
 * the committee's decision. The three certified ones are issued by the registry.
 */
@Component
@Order(35)
@ConditionalOnProperty(name = "amamo.demo-data.enabled", havingValue = "true")
class ReviewDemoData implements ApplicationRunner {

    /** The demo applications the review takes on, by name, and the state each should reach, in this order. */
    static final Map<String, ApplicationStatus> TARGETS = targets();

    private final HearingService hearings;
    private final CommitteeService committee;
    private final FindingsService findings;
    private final PublicCommentService comments;
    private final CertificationService certification;
    private final QualityAssessmentService quality;
    private final Applications applications;
    private final UserDirectory users;
    private final JdbcClient jdbc;
    private final Clock clock;

    ReviewDemoData(
            HearingService hearings,
            CommitteeService committee,
            FindingsService findings,
            PublicCommentService comments,
            CertificationService certification,
            QualityAssessmentService quality,
            Applications applications,
            UserDirectory users,
            JdbcClient jdbc,
            Clock clock) {
        this.hearings = hearings;
        this.committee = committee;
        this.findings = findings;
        this.comments = comments;
        this.certification = certification;
        this.quality = quality;
        this.applications = applications;
        this.users = users;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** In review with the reviewer's finding not yet recorded: the reviewer's to-do page shows it. */
    private static final String AWAITING_FINDINGS = "富岡 アマモ場の再生（審査待ち）";

    private static Map<String, ApplicationStatus> targets() {
        Map<String, ApplicationStatus> targets = new LinkedHashMap<>();
        targets.put("横浜・海の公園 アマモ場再生プロジェクト", ApplicationStatus.CERTIFIED);
        targets.put("横浜港 ハイブリッドタグボートへの代替", ApplicationStatus.CERTIFIED);
        targets.put("金沢八景 アマモ場の保全", ApplicationStatus.CERTIFIED);
        targets.put("金沢湾 アマモ場保全（意見公募中）", ApplicationStatus.PUBLIC_COMMENT);
        targets.put("野島 海草藻場の再生", ApplicationStatus.IN_REVIEW);
        targets.put(AWAITING_FINDINGS, ApplicationStatus.IN_REVIEW);
        targets.put("平潟湾 干潟の保全", ApplicationStatus.HEARING_DONE);
        targets.put("鶴見川河口 干潟（不認証）", ApplicationStatus.REJECTED);
        return targets;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments arguments) {
        AmamoPrincipal secretariat = principal("secretariat@amamo.example");
        AmamoPrincipal reviewer = principal("reviewer@amamo.example");
        TARGETS.forEach((name, target) -> jdbc.sql("SELECT id FROM application WHERE name = ? AND status = ?")
                .params(name, ApplicationStatus.FEE_CONFIRMED.name())
                .query(Long.class)
                .optional()
                .ifPresent(id -> reach(id, target, name.equals(AWAITING_FINDINGS), secretariat, reviewer)));
    }

    private void reach(
            long id,
            ApplicationStatus target,
            boolean awaitingFindings,
            AmamoPrincipal secretariat,
            AmamoPrincipal reviewer) {
        check(hearings.recordHearing(
                secretariat,
                id,
                LocalDate.now(clock).minusDays(20),
                "横浜市金沢区 海の公園",
                "潜水調査の記録と水中写真を確認した。被度の判定方法について説明を受けた。"));
        if (target == ApplicationStatus.HEARING_DONE) {
            return;
        }
        check(committee.assignReviewer(secretariat, id, reviewer.userId()));
        check(committee.startReview(secretariat, id, null));
        if (awaitingFindings) {
            return;
        }
        Map<String, String> methods = applications.componentMethods(id);
        boolean area = methods.containsValue("area");
        check(findings.recordReview(
                reviewer, id, area ? "調査方法は妥当。面積の確実性は水中写真の範囲で評価した。" : "燃料記録と曳航時間の換算は妥当。", fullCertainty(methods)));
        check(quality.assess(reviewer, id, area ? EELGRASS_ASSESSMENT : TUGBOAT_ASSESSMENT));
        if (target == ApplicationStatus.IN_REVIEW) {
            return;
        }
        if (target == ApplicationStatus.REJECTED) {
            check(certification.reject(reviewer, id, "ベースラインの設定根拠が不十分"));
            return;
        }
        Instant now = clock.instant();
        boolean open = target == ApplicationStatus.PUBLIC_COMMENT;
        check(comments.open(
                secretariat,
                id,
                now.minus(Duration.ofDays(open ? 1 : 40)),
                open ? now.plus(Duration.ofDays(13)) : now.minus(Duration.ofDays(10))));
        if (!open) {
            check(certification.certify(reviewer, id, "委員会として認証する。"));
        }
    }

    /** The reviewer's assessment of an eelgrass bed against the Core Carbon Principles. */
    private static final Map<String, QualityAssessmentService.Given> EELGRASS_ASSESSMENT = Map.of(
            "additionality", meets("補助金がなく、播種の継続がクレジット収益に依存していることを収支計画で確認した。"),
            "permanence", meets("衰退時の再播種の体制と、毎年の潜水調査による面積の公表を確認した。"),
            "sustainable-development", meets("稚魚の育成場としての効果と観察会の実績を確認した。"),
            "no-double-counting", meets("他制度への申請がなく、システムの重複確認でも重なりがないことを確認した。"),
            "net-zero", meets("船舶の燃料使用は算定で差し引かれ、化石燃料の使用を増やす活動はない。"));

    /** The reviewer's assessment of the tugboat's fuel switch: permanence does not concern a reduction. */
    private static final Map<String, QualityAssessmentService.Given> TUGBOAT_ASSESSMENT = Map.of(
            "additionality", meets("建造費の差額と回収計画を確認した。法令による義務はない。"),
            "permanence", new QualityAssessmentService.Given("NOT_APPLICABLE", "排出削減であり、反転のおそれがない。"),
            "sustainable-development", meets("大気汚染物質と騒音の低減を運航記録で確認した。"),
            "no-double-counting", meets("燃料記録が他制度の算定に使われていないことを確認した。"),
            "net-zero", meets("残るディーゼル船の代替計画を確認した。"));

    private static QualityAssessmentService.Given meets(String reason) {
        return new QualityAssessmentService.Given("MEETS", reason);
    }

    /** Certainty 1.00 for every factor of every component. */
    private static Map<String, Map<String, String>> fullCertainty(Map<String, String> methods) {
        Map<String, Map<String, String>> scores = new LinkedHashMap<>();
        methods.forEach((component, method) -> {
            Map<String, String> factors = new LinkedHashMap<>();
            Certainty.factorsFor(method).forEach(factor -> factors.put(factor, "1.00"));
            scores.put(component, factors);
        });
        return scores;
    }

    private AmamoPrincipal principal(String email) {
        UserSummary user = users.findByEmail(email).orElseThrow();
        return new AmamoPrincipal(
                user.userId(), user.email(), user.fullName(), user.organisationId(), user.roles(), true, false, null);
    }

    private static void check(Outcome<?> outcome) {
        if (outcome.refused()) {
            throw new IllegalStateException("demo data refused: " + outcome.refusals());
        }
    }
}
