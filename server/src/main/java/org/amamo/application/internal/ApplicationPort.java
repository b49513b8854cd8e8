package org.amamo.application.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.amamo.application.ApplicationCertified;
import org.amamo.application.ApplicationSummary;
import org.amamo.application.ApplicationUnderReview;
import org.amamo.application.Applications;
import org.amamo.application.QualityAssessment;
import org.amamo.application.QualityRules;
import org.amamo.application.ReviewStep;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.methodology.Verdict;
import org.amamo.methodology.calculation.CalculationResult;
import org.amamo.platform.Outcome;
import org.amamo.platform.Refusal;
import org.amamo.platform.RefusalKind;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The applications as the review module sees them (see {@link Applications}). */
@Service
class ApplicationPort implements Applications {

    private final ApplicationRepository applications;
    private final Parties parties;
    private final Transitions transitions;
    private final SheetCalculation calculation;
    private final QualityStore quality;
    private final Clock clock;

    ApplicationPort(
            ApplicationRepository applications,
            Parties parties,
            Transitions transitions,
            SheetCalculation calculation,
            QualityStore quality,
            Clock clock) {
        this.applications = applications;
        this.parties = parties;
        this.transitions = transitions;
        this.calculation = calculation;
        this.quality = quality;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ApplicationUnderReview> find(long id) {
        return applications.find(id).map(this::underReview);
    }

    @Override
    @Transactional
    public Optional<ApplicationUnderReview> lock(long id) {
        return applications.lock(id).map(this::underReview);
    }

    @Override
    @Transactional
    public Outcome<Void> move(AmamoPrincipal actor, long id, ReviewStep step, String comment) {
        StoredApplication application = applications.lock(id).orElse(null);
        if (application == null) {
            return Outcome.refused(RefusalKind.NOT_FOUND, Refusal.of("$", "application.not-found"));
        }
        WorkflowAction action = WorkflowAction.valueOf(step.name());
        Outcome<Void> allowed =
                Workflow.decide(action, application.status(), parties.relations(actor, application), comment);
        if (allowed.isDone()) {
            transitions.record(actor, application, action, comment);
        }
        return allowed;
    }

    @Override
    @Transactional(readOnly = true)
    public Outcome<Void> check(AmamoPrincipal actor, long id, ReviewStep step, String comment) {
        StoredApplication application = applications.find(id).orElse(null);
        if (application == null) {
            return Outcome.refused(RefusalKind.NOT_FOUND, Refusal.of("$", "application.not-found"));
        }
        WorkflowAction action = WorkflowAction.valueOf(step.name());
        return Workflow.decide(action, application.status(), parties.relations(actor, application), comment);
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, String> componentMethods(long id) {
        return applications.loadForm(id).getSheet().componentMethods();
    }

    @Override
    @Transactional(readOnly = true)
    public Outcome<CertifiedSheet> calculateWithCertainty(long id, Map<String, Map<String, BigDecimal>> certainty) {
        StoredApplication application = applications.find(id).orElseThrow();
        SheetForm sheet = applications.loadForm(id).getSheet();
        sheet.applyCertainty(certainty);
        Verdict<CalculationResult> outcome = calculation.calculate(sheet, application.applicationDate(clock.instant()));
        if (outcome instanceof Verdict.Rejected<CalculationResult> rejected) {
            return Outcome.refused(RefusalKind.INVALID, SheetCalculation.refusals(rejected.errors()));
        }
        CalculationResult result = ((Verdict.Accepted<CalculationResult>) outcome).value();
        return Outcome.done(new CertifiedSheet(result, applications.sheetJson(sheet), SheetCalculation.json(result)));
    }

    @Override
    @Transactional(readOnly = true)
    public List<ApplicationCertified.InitialHolder> holders(long id) {
        return applications.holders(id).stream()
                .map(holder ->
                        new ApplicationCertified.InitialHolder(holder.userId(), holder.name(), holder.sharePercent()))
                .toList();
    }

    @Override
    @Transactional(readOnly = true)
    public ApplicationSummary summary(long id) {
        return applications.find(id).orElseThrow().summary();
    }

    @Override
    @Transactional(readOnly = true)
    public QualityRules qualityRules(long id) {
        return quality.rules(id);
    }

    @Override
    @Transactional(readOnly = true)
    public List<QualityAssessment> qualityAssessments(long id) {
        return quality.assessments(id);
    }

    @Override
    @Transactional
    public void recordQualityAssessments(long id, long reviewerId, List<QualityAssessment> assessments) {
        if (assessments.stream().anyMatch(one -> one.reviewerId() != reviewerId)) {
            throw new IllegalArgumentException("every assessment must be the reviewer's own");
        }
        quality.replaceAssessments(id, reviewerId, assessments);
    }

    @Override
    public void notify(List<Long> userIds, String messageKey, long id) {
        // The review's notifications name the application and link to it, like the workflow's own.
        StoredApplication application = applications.find(id).orElseThrow();
        transitions.notify(userIds, messageKey, application);
    }

    private ApplicationUnderReview underReview(StoredApplication application) {
        List<Long> applicants = new ArrayList<>();
        applicants.add(application.ownerId());
        applicants.addAll(applications.jointApplicantUserIds(application.id()));
        return new ApplicationUnderReview(
                application.id(),
                application.projectId(),
                application.name(),
                application.ownerId(),
                applicants,
                application.programmeCode(),
                application.status(),
                application.commentOpensAt(),
                application.commentClosesAt());
    }
}
