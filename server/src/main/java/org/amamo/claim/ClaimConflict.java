package org.amamo.claim;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A claim of another application that this one meets in an overlapping crediting year: by site (the shared area,
 * drawn and in hectares) or by a reduction asset claimed by both.
 *
 * @param otherApplicationId the other application
 * @param otherProjectId its project
 * @param otherProjectName its project's name
 * @param otherProgrammeCode its programme
 * @param otherStatus whether the other claim is certified or under review
 * @param otherSubmittedAt when the other claim was submitted
 * @param yearIndexes this claim's crediting years that overlap (positions in the sheet)
 * @param otherYearStarts the other claim's crediting years that overlap
 * @param overlapHectares the area the sites share (zero for a conflict by asset only)
 * @param intersectionGeojson the shared area as GeoJSON, to draw; null for a conflict by asset only
 * @param assetIds the reduction assets both claim in overlapping years
 * @param determination the secretariat's determination, if recorded
 */
public record ClaimConflict(
        long otherApplicationId,
        long otherProjectId,
        String otherProjectName,
        String otherProgrammeCode,
        ClaimStatus otherStatus,
        Instant otherSubmittedAt,
        List<Integer> yearIndexes,
        List<LocalDate> otherYearStarts,
        BigDecimal overlapHectares,
        String intersectionGeojson,
        List<String> assetIds,
        Optional<ClaimDetermination> determination) {

    /**
     * Overlaps of at most this many hectares (about 10 m x 10 m) come from digitising two sites that share an edge:
     * reported, never refused.
     */
    public static final BigDecimal SLIVER_HECTARES = new BigDecimal("0.01");

    public ClaimConflict {
        yearIndexes = List.copyOf(yearIndexes);
        otherYearStarts = List.copyOf(otherYearStarts);
        assetIds = List.copyOf(assetIds);
    }

    /** A site overlap small enough to come from digitising, and no shared asset: reported only. */
    public boolean sliver() {
        return assetIds.isEmpty() && overlapHectares.compareTo(SLIVER_HECTARES) <= 0;
    }

    public boolean resolved() {
        return determination.isPresent();
    }

    /**
     * Whether the conflict stops this claim's certification: it is not a sliver, not resolved, and the other claim
     * is certified or was submitted before this one.
     */
    public boolean blocksCertification(Instant submittedAt) {
        return !sliver()
                && !resolved()
                && (otherStatus == ClaimStatus.CERTIFIED || otherSubmittedAt.isBefore(submittedAt));
    }
}
