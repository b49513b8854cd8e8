package org.amamo.application.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.amamo.claim.ClaimConflict;
import org.amamo.claim.ClaimRegister;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.UserSummary;
import org.amamo.methodology.Verdict;
import org.amamo.methodology.calculation.CalculationResult;
import org.amamo.platform.Outcome;
import org.amamo.platform.Refusal;
import org.amamo.platform.RefusalKind;
import org.amamo.programme.Programme;
import org.amamo.programme.Programmes;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Submission and the secretariat's first checks: submitting and resubmitting a complete application, returning it
 * for correction, withdrawing it, and confirming the application fee. The review's moves (hearing to certification)
 * are the review module's, through {@link ApplicationPort}.
 */
@Service
class SubmissionService {

    /** The moves this service takes; the others belong to the review. */
    static final Set<WorkflowAction> MOVES =
            EnumSet.of(WorkflowAction.SUBMIT, WorkflowAction.RETURN, WorkflowAction.RESUBMIT, WorkflowAction.WITHDRAW);

    private final ApplicationRepository applications;
    private final Parties parties;
    private final Transitions transitions;
    private final AttachmentStore attachments;
    private final SheetCalculation calculation;
    private final DraftService drafts;
    private final Programmes programmes;
    private final ClaimRegister claims;
    private final org.amamo.programme.PartnerMunicipalities partners;
    private final org.amamo.identity.UserDirectory users;
    private final QualityStore quality;
    private final SurveyStore surveys;
    private final Clock clock;

    SubmissionService(
            ApplicationRepository applications,
            Parties parties,
            Transitions transitions,
            AttachmentStore attachments,
            SheetCalculation calculation,
            DraftService drafts,
            Programmes programmes,
            ClaimRegister claims,
            org.amamo.programme.PartnerMunicipalities partners,
            org.amamo.identity.UserDirectory users,
            QualityStore quality,
            SurveyStore surveys,
            Clock clock) {
        this.applications = applications;
        this.parties = parties;
        this.transitions = transitions;
        this.attachments = attachments;
        this.calculation = calculation;
        this.drafts = drafts;
        this.programmes = programmes;
        this.claims = claims;
        this.partners = partners;
        this.users = users;
        this.quality = quality;
        this.surveys = surveys;
        this.clock = clock;
    }

    /**
     * Takes one of the applicant's or the secretariat's moves that needs nothing but a comment: submit, return,
     * resubmit, withdraw. A submission must be complete (refused as INVALID, listing what is missing).
     */
    @Transactional
    Outcome<Void> move(AmamoPrincipal actor, long id, WorkflowAction action, String comment) {
        if (!MOVES.contains(action)) {
            return Outcome.refused(RefusalKind.INVALID, Refusal.of("$", "workflow.not-yours", action.name()));
        }
        StoredApplication application = applications.lock(id).orElse(null);
        if (application == null) {
            return Outcome.refused(RefusalKind.NOT_FOUND, Refusal.of("$", "application.not-found"));
        }
        Outcome<Void> allowed =
                Workflow.decide(action, application.status(), parties.relations(actor, application), comment);
        if (allowed.refused()) {
            return allowed;
        }
        if (action == WorkflowAction.SUBMIT || action == WorkflowAction.RESUBMIT) {
            List<Refusal> missing = completeness(application);
            if (!missing.isEmpty()) {
                return Outcome.refused(RefusalKind.INVALID, missing);
            }
            Optional<Refusal> partnerRule = partnerRule(application);
            if (partnerRule.isPresent()) {
                return Outcome.refused(RefusalKind.CONFLICT, partnerRule.get());
            }
            Instant firstSubmitted = application.submittedAt() == null ? clock.instant() : application.submittedAt();
            Outcome<List<ClaimConflict>> claimed =
                    claims.submit(ClaimDrafts.of(application, applications.loadForm(id)), firstSubmitted);
            if (claimed.refused()) {
                return claimed.cast();
            }
            applications.markSubmitted(id, clock.instant());
            if (application.submittedAt() == null) {
                surveys.markRequired(id);
            }
        }
        transitions.record(actor, application, action, comment);
        if (action == WorkflowAction.SUBMIT || action == WorkflowAction.RESUBMIT) {
            requestFee(application);
        }
        if (action == WorkflowAction.WITHDRAW) {
            claims.release(id);
        }
        return Outcome.done();
    }

    /**
     * A submission under a programme that charges an application fee asks the applicants to pay it: the review waits
     * for the secretariat to confirm the payment. The amount is on the application's page.
     */
    private void requestFee(StoredApplication application) {
        feeOwed(application).filter(fee -> fee.amountYen().signum() > 0).ifPresent(fee -> {
            List<Long> applicants = new ArrayList<>(applications.jointApplicantUserIds(application.id()));
            applicants.add(application.ownerId());
            transitions.notify(applicants, "notification.fee-requested", application);
        });
    }

    /**
     * A municipality applies to a programme only as one of its partner municipalities, until the end of the fiscal
     * year after its latest information exchange (seed 001 table 4); checked on the application's date.
     */
    private Optional<Refusal> partnerRule(StoredApplication application) {
        Long organisation = users.find(application.ownerId())
                .map(UserSummary::organisationId)
                .orElse(null);
        return partners.submissionRefusal(application.programmeCode(), organisation, applicationDate(application));
    }

    /**
     * Everything a submission lacks now: the form's fields, the evidence, the CO2 form and, for an application held
     * to the Core Carbon Principles checklist, the statements on it.
     */
    @Transactional(readOnly = true)
    List<Refusal> completeness(StoredApplication application) {
        ApplicationForm form = applications.loadForm(application.id());
        ResolvedPeople people = drafts.resolve(form);
        List<Refusal> refusals = new ArrayList<>(Completeness.wrongFields(form, people));
        String evidence = form.getSheet().reduction() ? "BASELINE" : "AREA_BASIS";
        refusals.addAll(Completeness.missingFields(form, people, attachments.hasEvidence(application.id(), evidence)));
        refusals.addAll(
                SurveyChecks.wrongFields(form, LocalDate.now(clock.withZone(org.amamo.platform.SchemeTime.ZONE))));
        if (surveys.required(application)) {
            refusals.addAll(SurveyChecks.missingFields(form));
        }
        if (quality.rules(application.id()).checklist()) {
            refusals.addAll(QualityChecklist.missingFields(form.getQuality()));
        }
        Verdict<CalculationResult> result = calculation.calculate(form.getSheet(), applicationDate(application));
        if (result instanceof Verdict.Rejected<CalculationResult> rejected) {
            refusals.addAll(SheetCalculation.refusals(rejected.errors()));
        }
        return refusals;
    }

    /**
     * The secretariat confirms the application fee (申請手数料) was paid, with the invoice reference. The amount owed
     * under the programme's rule is recorded with it, so that a later change of the rule leaves it as charged.
     */
    @Transactional
    Outcome<Void> confirmFee(AmamoPrincipal actor, long id, String invoice) {
        if (invoice == null || invoice.isBlank() || invoice.strip().length() > 100) {
            return Outcome.refused(RefusalKind.INVALID, Refusal.of("invoice", "application.fee.invoice-required"));
        }
        StoredApplication application = applications.lock(id).orElse(null);
        if (application == null) {
            return Outcome.refused(RefusalKind.NOT_FOUND, Refusal.of("$", "application.not-found"));
        }
        Outcome<Void> allowed = Workflow.decide(
                WorkflowAction.CONFIRM_FEE,
                application.status(),
                parties.relations(actor, application),
                invoice.strip());
        if (allowed.refused()) {
            return allowed;
        }
        // Submission required a sheet that calculates, and the sheet cannot change until it is returned.
        BigDecimal amount = feeOwed(application)
                .orElseThrow(() -> new IllegalStateException("submitted sheet does not calculate"))
                .amountYen();
        applications.recordFee(id, invoice.strip(), amount);
        transitions.record(actor, application, WorkflowAction.CONFIRM_FEE, invoice.strip());
        return Outcome.done();
    }

    /**
     * The fee owed under the application's programme's rule for the credit of its sheet as it stands; empty while
     * the sheet does not calculate.
     */
    @Transactional(readOnly = true)
    Optional<ApplicationFee> feeOwed(StoredApplication application) {
        Programme programme = programmes.find(application.programmeCode()).orElse(null);
        if (programme == null) {
            return Optional.empty();
        }
        ApplicationForm form = applications.loadForm(application.id());
        Verdict<CalculationResult> result = calculation.calculate(form.getSheet(), applicationDate(application));
        return result instanceof Verdict.Accepted<CalculationResult> accepted
                ? Optional.of(
                        ApplicationFee.of(programme.fee(), accepted.value().creditUnits()))
                : Optional.empty();
    }

    /** The day the application counts as made: its first submission, or today for a draft. */
    LocalDate applicationDate(StoredApplication application) {
        return application.applicationDate(clock.instant());
    }
}
