package org.amamo.review.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.amamo.application.ApplicationStatus;
import org.amamo.application.ApplicationUnderReview;
import org.amamo.application.Applications;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
import org.amamo.platform.Outcome;
import org.amamo.platform.Refusal;
import org.amamo.platform.RefusalKind;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An assigned reviewer records findings and {@link Certainty} per component, during the committee's review. */
@Service
class FindingsService {

    /** As long as any text of the application form. */
    static final int FINDINGS_MAX = 8000;

    private final Applications applications;
    private final ReviewRepository reviews;
    private final ObjectMapper json;
    private final Clock clock;

    FindingsService(Applications applications, ReviewRepository reviews, ObjectMapper json, Clock clock) {
        this.applications = applications;
        this.reviews = reviews;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    Outcome<Void> recordReview(
            AmamoPrincipal actor, long id, String findings, Map<String, Map<String, String>> scores) {
        Outcome<Void> allowed = mayReview(actor, id, true);
        if (allowed.refused()) {
            return allowed;
        }
        List<Refusal> refusals = new ArrayList<>();
        if (findings == null || findings.isBlank() || findings.length() > FINDINGS_MAX) {
            refusals.add(Refusal.of("findings", "review.findings.required", FINDINGS_MAX));
        }
        refusals.addAll(Certainty.check(applications.componentMethods(id), scores));
        if (!refusals.isEmpty()) {
            return Outcome.refused(RefusalKind.INVALID, refusals);
        }
        reviews.record(id, actor.userId(), findings.strip(), write(scores), clock.instant());
        return Outcome.done();
    }

    /**
     * The credit (units of 0.1 t-CO2) the application's sheet would give with this reviewer's certainty, as the
     * committee's calculation makes it (methodology.md §1), without recording anything. The committee certifies with
     * the lowest figure of all its reviewers, so this is at most what this reviewer's scores allow.
     */
    @Transactional(readOnly = true)
    Outcome<Long> preview(AmamoPrincipal actor, long id, Map<String, Map<String, String>> scores) {
        Outcome<Void> allowed = mayReview(actor, id, false);
        if (allowed.refused()) {
            return allowed.cast();
        }
        List<Refusal> refusals = Certainty.check(applications.componentMethods(id), scores);
        if (!refusals.isEmpty()) {
            return Outcome.refused(RefusalKind.INVALID, refusals);
        }
        Outcome<Applications.CertifiedSheet> calculated =
                applications.calculateWithCertainty(id, Certainty.decimals(scores));
        if (calculated.refused()) {
            return calculated.cast();
        }
        return Outcome.done(calculated.value().result().creditUnits());
    }

    /** An assigned reviewer, during the committee's review. */
    private Outcome<Void> mayReview(AmamoPrincipal actor, long id, boolean lock) {
        ApplicationUnderReview application = (lock ? applications.lock(id) : applications.find(id)).orElse(null);
        if (application == null) {
            return Outcome.refused(RefusalKind.NOT_FOUND, Refusal.of("$", "application.not-found"));
        }
        if (!actor.has(Role.REVIEWER) || !reviews.reviewerIds(id).contains(actor.userId())) {
            return Outcome.refused(RefusalKind.FORBIDDEN, Refusal.of("$", "workflow.not-yours", "REVIEW"));
        }
        if (application.status() != ApplicationStatus.IN_REVIEW) {
            return Outcome.refused(
                    RefusalKind.CONFLICT,
                    Refusal.of(
                            "$",
                            "workflow.wrong-state",
                            "REVIEW",
                            application.status().name()));
        }
        return Outcome.done();
    }

    private String write(Map<String, Map<String, String>> scores) {
        try {
            return json.writeValueAsString(scores);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("certainty scores are always writable", e);
        }
    }
}
