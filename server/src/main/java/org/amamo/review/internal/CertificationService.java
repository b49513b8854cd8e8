package org.amamo.review.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.amamo.application.ApplicationCertified;
import org.amamo.application.ApplicationUnderReview;
import org.amamo.application.Applications;
import org.amamo.application.Applications.CertifiedSheet;
import org.amamo.application.ReviewStep;
import org.amamo.claim.ClaimRegister;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.methodology.calculation.CalculationResult;
import org.amamo.platform.Outcome;
import org.amamo.platform.Refusal;
import org.amamo.platform.RefusalKind;
import org.amamo.programme.Programme;
import org.amamo.programme.Programmes;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The committee's decision. Certification waits for the end of public comment, then freezes the certified
 * quantity (the methodology result of the application's CO2 form with the committee's certainty, and the
 * methodology version it used) and announces {@link ApplicationCertified} for the registry to issue. Rejection
 * needs a reason.
 */
@Service
class CertificationService {

    private final Applications applications;
    private final ReviewRepository reviews;
    private final Programmes programmes;
    private final ClaimRegister claims;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;
    private final Clock clock;

    CertificationService(
            Applications applications,
            ReviewRepository reviews,
            Programmes programmes,
            ClaimRegister claims,
            ApplicationEventPublisher events,
            ObjectMapper json,
            Clock clock) {
        this.applications = applications;
        this.reviews = reviews;
        this.programmes = programmes;
        this.claims = claims;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    /**
     * An assigned reviewer certifies for the committee, once the comment window has closed and, for an application
     * held to the Core Carbon Principles checklist, once {@link CertificationChecklist} allows it.
     */
    @Transactional
    Outcome<Void> certify(AmamoPrincipal actor, long id, String comment) {
        ApplicationUnderReview application = applications.lock(id).orElse(null);
        Outcome<Void> allowed = applications.check(actor, id, ReviewStep.CERTIFY, comment);
        if (allowed.refused()) {
            return allowed;
        }
        if (application.commentClosesAt() != null && clock.instant().isBefore(application.commentClosesAt())) {
            return Outcome.refused(RefusalKind.CONFLICT, Refusal.of("$", "review.comment-window.still-open"));
        }
        Outcome<Void> checklist = checklist(id);
        if (checklist.refused()) {
            return checklist;
        }
        Outcome<CertifiedSheet> calculated = applications.calculateWithCertainty(id, committeeCertainty(id));
        if (calculated.refused()) {
            return calculated.cast();
        }
        CalculationResult result = calculated.value().result();
        if (result.creditUnits() < 1) {
            return Outcome.refused(RefusalKind.CONFLICT, Refusal.of("$", "review.certify.no-credit"));
        }
        Outcome<Void> claimed = claims.certify(id);
        if (claimed.refused()) {
            return claimed;
        }
        reviews.certify(
                id,
                result.creditUnits(),
                calculated.value().sheetJson(),
                calculated.value().resultJson(),
                result.methodologyVersion(),
                clock.instant());
        events.publishEvent(certified(application, result));
        return applications.move(actor, id, ReviewStep.CERTIFY, comment);
    }

    /**
     * Whether the actor may certify now as far as the workflow and the quality checklist go, changing nothing: what
     * the confirmation step asks before it shows the confirmation page.
     */
    @Transactional(readOnly = true)
    Outcome<Void> check(AmamoPrincipal actor, long id, String comment) {
        Outcome<Void> allowed = applications.check(actor, id, ReviewStep.CERTIFY, comment);
        return allowed.refused() ? allowed : checklist(id);
    }

    /** What {@link CertificationChecklist} says of the application's assessments now. */
    private Outcome<Void> checklist(long id) {
        List<CertificationChecklist.Reviewer> reviewers = reviews.reviews(id).stream()
                .map(review -> new CertificationChecklist.Reviewer(review.reviewerId(), review.reviewerName()))
                .toList();
        List<Refusal> missing = CertificationChecklist.refusals(
                applications.qualityRules(id), reviewers, applications.qualityAssessments(id));
        return missing.isEmpty() ? Outcome.done() : Outcome.refused(RefusalKind.CONFLICT, missing);
    }

    /** An assigned reviewer rejects for the committee, with the reason as the move's comment. */
    @Transactional
    Outcome<Void> reject(AmamoPrincipal actor, long id, String comment) {
        Outcome<Void> moved = applications.move(actor, id, ReviewStep.REJECT, comment);
        if (moved.isDone()) {
            claims.release(id);
        }
        return moved;
    }

    /** The committee's figure per component and factor: the lowest any reviewer recorded. */
    private Map<String, Map<String, BigDecimal>> committeeCertainty(long id) {
        List<Map<String, Map<String, String>>> scores = new ArrayList<>();
        for (ReviewRepository.Review review : reviews.reviews(id)) {
            if (review.recorded()) {
                scores.add(read(review.certaintyJson()));
            }
        }
        return Certainty.committee(scores);
    }

    private ApplicationCertified certified(ApplicationUnderReview application, CalculationResult result) {
        LocalDate lastYear = result.years().get(result.years().size() - 1).start();
        Programme programme = programmes.find(application.programmeCode()).orElseThrow();
        return new ApplicationCertified(
                application.id(),
                application.projectId(),
                application.projectCode(),
                application.name(),
                programme.serialPrefix(),
                programme.certifier(),
                ApplicationCertified.fiscalYear(lastYear),
                result.methodologyVersion(),
                result.type().jsonName(),
                result.creditUnits(),
                applications.holders(application.id()));
    }

    private Map<String, Map<String, String>> read(String text) {
        try {
            return json.readValue(text, new TypeReference<Map<String, Map<String, String>>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored certainty is not readable", e);
        }
    }
}
