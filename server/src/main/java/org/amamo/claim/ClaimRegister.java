package org.amamo.claim;

import java.time.Instant;
import java.util.List;
import org.amamo.platform.Outcome;

/**
 * The double-issuance guard (see the package description): the claims of every application under review or
 * certified, compared with each new one at submission and at certification.
 */
public interface ClaimRegister {

    /** The conflicts a draft would have with the stored claims of other applications; nothing is stored. */
    List<ClaimConflict> conflicts(ClaimDraft draft);

    /**
     * Submission: refuses a crediting year that the project already has certified (at that year's field, naming
     * the certified batch) and a reduction asset that another application claims in an overlapping year (at the
     * component's field); otherwise stores the claim as under review, replacing the application's earlier one, and
     * answers its conflicts with other projects' claims, which are shown, not refused.
     */
    Outcome<List<ClaimConflict>> submit(ClaimDraft draft, Instant submittedAt);

    /**
     * Certification: refused while a crediting year is already certified for the project, or while the stored
     * claim has an unresolved conflict with a certified or an earlier-submitted claim; otherwise the claim is
     * marked certified.
     */
    Outcome<Void> certify(long applicationId);

    /** The day after the project's last certified crediting year ends; empty when none is certified. */
    java.util.Optional<java.time.LocalDate> certifiedUntil(long projectId);

    /** The application was rejected or withdrawn: its claim no longer counts. */
    void release(long applicationId);

    /** The conflicts of an application's stored claim (empty when it has none). */
    List<ClaimConflict> conflictsOf(long applicationId);

    /**
     * The secretariat resolves the conflict between two applications' claims with a reason, which is published on
     * both projects' pages. Refused when the reason is blank or too long, or when the two claims do not conflict.
     */
    Outcome<ClaimDetermination> determine(long applicationId, long otherApplicationId, String reason, long decidedBy);

    /** The determinations that concern any application of the project, newest first. */
    List<ClaimDetermination> determinationsOfProject(long projectId);

    /**
     * Certified claims that conflict with each other, unresolved: they can only come from before this guard (an
     * upgraded installation), and each can be given a determination.
     */
    List<CertifiedConflict> certifiedConflicts();

    /** Two certified claims in conflict: {@code conflict} is seen from {@code applicationId}'s side. */
    record CertifiedConflict(long applicationId, String projectName, ClaimConflict conflict) {}
}
