package org.amamo.application;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.methodology.calculation.CalculationResult;
import org.amamo.platform.Outcome;

/**
 * The applications as the review module sees them: it reads them, takes the workflow's review moves and asks for
 * the credit of a sheet with the committee's certainty. The form and its sheet stay inside the application module.
 */
public interface Applications {

    Optional<ApplicationUnderReview> find(long id);

    /** Reads the application and locks it until the transaction ends, so that two moves do not cross. */
    Optional<ApplicationUnderReview> lock(long id);

    /**
     * Takes a review move, if the workflow allows it from the application's state for the actor: records the
     * transition and tells the parties. Refused as FORBIDDEN (not the actor's move), CONFLICT (wrong state) or
     * INVALID (a comment missing or too long); NOT_FOUND for an unknown application.
     */
    Outcome<Void> move(AmamoPrincipal actor, long id, ReviewStep step, String comment);

    /** {@link #move}'s check alone, changing nothing: whether the actor may take the step now. */
    Outcome<Void> check(AmamoPrincipal actor, long id, ReviewStep step, String comment);

    /** Tells these users of something about the application (a message key naming it, and a link to its page). */
    void notify(List<Long> userIds, String messageKey, long id);

    /** Component id to calculation method, over every crediting year of the application's CO2 form. */
    Map<String, String> componentMethods(long id);

    /**
     * The credit of the application's CO2 form with the committee's certainty per component and factor, with the
     * sheet as calculated, as JSON; refused as INVALID when the sheet does not calculate.
     */
    Outcome<CertifiedSheet> calculateWithCertainty(long id, Map<String, Map<String, BigDecimal>> certainty);

    /** The initial holders of the credit with their shares, as certification hands them to the registry. */
    List<ApplicationCertified.InitialHolder> holders(long id);

    /** The quality rules the application was submitted under (issue 22 item 1). */
    QualityRules qualityRules(long id);

    /** The reviewers' recorded assessments of the Core Carbon Principles, by reviewer then criterion. */
    List<QualityAssessment> qualityAssessments(long id);

    /**
     * Replaces all of one reviewer's assessments of the application with these (each naming that reviewer). The
     * review module decides first who may assess and whether the assessments are complete.
     */
    void recordQualityAssessments(long id, long reviewerId, List<QualityAssessment> assessments);

    /** The API's view of an application, after a move the review took. */
    ApplicationSummary summary(long id);

    /** A sheet as it would be certified: its result, the sheet and the result as stored JSON. */
    record CertifiedSheet(CalculationResult result, String sheetJson, String resultJson) {}
}
