package org.amamo.application.internal;

import org.amamo.application.ApplicationStatus;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.UserDirectory;
import org.amamo.identity.UserSummary;
import org.amamo.platform.Outcome;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo applications in every workflow state, taken through the real services (so every rule applies) up to the
 * confirmed fee; {@code ReviewDemoData} of the review module takes them on to their state,
 * among them a certified project of the Yokohama programme modelled on seed 001's eelgrass site: 7.8 ha of
 * seagrass at 1.58 t-CO2/ha/yr (yokohama-2019) gives 12.324, certified as 12.3 t-CO2 and issued with YBC
 * serials, and a Yokohama reduction project: a hybrid tugboat's fuel switch ({@link TugboatForm}, 103.2 t-CO2 of
 * reductions, issued as REDUCTION credits with YBC serials); the other projects belong to J Blue Credit.
 */
@Component
@Order(30)
@ConditionalOnProperty(name = "amamo.demo-data.enabled", havingValue = "true")
class ApplicationDemoData implements ApplicationRunner {

    static final byte[] EVIDENCE =
            "%PDF-1.4\n% survey of the eelgrass bed\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final DraftService drafts;
    private final SubmissionService submissions;
    private final ApplicationRepository applications;
    private final AttachmentStore attachments;
    private final UserDirectory users;

    ApplicationDemoData(
            DraftService drafts,
            SubmissionService submissions,
            ApplicationRepository applications,
            AttachmentStore attachments,
            UserDirectory users) {
        this.drafts = drafts;
        this.submissions = submissions;
        this.applications = applications;
        this.attachments = attachments;
        this.users = users;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments arguments) {
        if (!applications.search(null, null, null, 0, 1).isEmpty()) {
            return;
        }
        AmamoPrincipal applicant = principal("applicant@amamo.example");
        AmamoPrincipal secretariat = principal("secretariat@amamo.example");
        Demo demo = new Demo(applicant, secretariat);
        demo.reach("横浜・海の公園 アマモ場再生プロジェクト", "7.8", ApplicationStatus.CERTIFIED, "YBC", "yokohama-2019");
        demo.reach(TugboatForm.complete("横浜港 ハイブリッドタグボートへの代替", applicant.email()), ApplicationStatus.CERTIFIED);
        demo.reach("金沢八景 アマモ場の保全", "5.4", ApplicationStatus.CERTIFIED);
        demo.reach("金沢湾 アマモ場保全（意見公募中）", "3.2", ApplicationStatus.PUBLIC_COMMENT);
        demo.reach("野島 海草藻場の再生", "2.5", ApplicationStatus.IN_REVIEW);
        demo.reach("富岡 アマモ場の再生（審査待ち）", "1.8", ApplicationStatus.IN_REVIEW);
        demo.reach("平潟湾 干潟の保全", "1.4", ApplicationStatus.HEARING_DONE);
        demo.reach("八景島 ガラモ場の創出", "4.0", ApplicationStatus.FEE_CONFIRMED);
        demo.reach("本牧 ワカメ養殖とアマモ場", "1.1", ApplicationStatus.SUBMITTED);
        demo.reach("根岸湾 藻場づくり（差戻し）", "0.9", ApplicationStatus.RETURNED);
        demo.reach("鶴見川河口 干潟（不認証）", "0.6", ApplicationStatus.REJECTED);
        demo.reach("大黒ふ頭 藻場（取下げ）", "0.5", ApplicationStatus.WITHDRAWN);
        demo.reach("新しいアマモ場プロジェクト（下書き）", "2.0", ApplicationStatus.DRAFT);
    }

    private AmamoPrincipal principal(String email) {
        UserSummary user = users.findByEmail(email).orElseThrow();
        return new AmamoPrincipal(
                user.userId(), user.email(), user.fullName(), user.organisationId(), user.roles(), true, false, null);
    }

    /** Takes one complete application through the workflow, step by step, up to a target state. */
    private final class Demo {
        private final AmamoPrincipal applicant;
        private final AmamoPrincipal secretariat;

        Demo(AmamoPrincipal applicant, AmamoPrincipal secretariat) {
            this.applicant = applicant;
            this.secretariat = secretariat;
        }

        void reach(String name, String areaHectares, ApplicationStatus target) {
            reach(name, areaHectares, target, "JBC", "jbe-2.3-ranges");
        }

        void reach(String name, String areaHectares, ApplicationStatus target, String programme, String version) {
            ApplicationForm form = EelgrassForm.complete(name, areaHectares, applicant.email());
            form.setProgrammeCode(programme);
            form.getSheet().setMethodologyVersion(version);
            survey(form, name);
            reach(form, target);
        }

        /**
         * The demo projects are surveyed in different ways and implemented by different bodies (seed 002: drones,
         * acoustics, satellites; cooperatives, NPOs, municipalities), so the statistics show more than one row.
         */
        private void survey(ApplicationForm form, String name) {
            SheetForm.ComponentForm component =
                    form.getSheet().getYears().get(0).getComponents().get(0);
            if (name.startsWith("金沢八景")) {
                form.setImplementerType("NPO");
                component.setSurveyMethods(
                        new java.util.ArrayList<>(java.util.List.of("DRONE", "UNDERWATER_PHOTO", "QUADRAT")));
                component.setCoefficientBasisType("MEASURED");
                component.setSurveyDate(java.time.LocalDate.of(2025, 7, 14));
            } else if (name.startsWith("金沢湾") || name.startsWith("平潟湾")) {
                form.setImplementerType("MUNICIPALITY");
                component.setSurveyMethods(
                        new java.util.ArrayList<>(java.util.List.of("ACOUSTIC", "UNDERWATER_PHOTO")));
            } else if (name.startsWith("八景島") || name.startsWith("本牧")) {
                form.setImplementerType("COMPANY");
                component.setSurveyMethods(new java.util.ArrayList<>(java.util.List.of("AERIAL_PHOTO", "SATELLITE")));
            } else if (name.startsWith("野島")) {
                form.setImplementerType("RESEARCH_INSTITUTE");
                component.setSurveyMethods(new java.util.ArrayList<>(java.util.List.of("DRONE", "QUADRAT")));
                component.setCoefficientBasisType("MEASURED");
            }
        }

        void reach(ApplicationForm form, ApplicationStatus target) {
            long id = drafts.create(applicant, form.getName());
            check(drafts.save(applicant, id, form));
            boolean reduction = form.getSheet().reduction();
            check(attachments.store(
                    id,
                    applicant.userId(),
                    reduction ? "BASELINE" : "AREA_BASIS",
                    reduction ? "fuel-records.pdf" : "area-survey.pdf",
                    EVIDENCE));
            if (target == ApplicationStatus.DRAFT) {
                return;
            }
            check(submissions.move(applicant, id, WorkflowAction.SUBMIT, null));
            if (target == ApplicationStatus.WITHDRAWN) {
                check(submissions.move(applicant, id, WorkflowAction.WITHDRAW, "事業計画を見直すため"));
                return;
            }
            if (target == ApplicationStatus.RETURNED) {
                check(submissions.move(secretariat, id, WorkflowAction.RETURN, "面積の算定根拠に調査日を追記してください。"));
                return;
            }
            if (target == ApplicationStatus.SUBMITTED) {
                return;
            }
            check(submissions.confirmFee(secretariat, id, "INV-2026-" + id));
            // The review module's demo data takes the rest of the way, from the hearing to the committee's decision.
        }

        private void check(Outcome<?> outcome) {
            if (outcome.refused()) {
                throw new IllegalStateException("demo data refused: " + outcome.refusals());
            }
        }
    }
}
