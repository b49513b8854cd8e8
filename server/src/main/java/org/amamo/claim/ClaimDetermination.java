package org.amamo.claim;

import java.time.Instant;

/**
 * The secretariat's determination of a conflict between two applications' claims, with its reason (e.g. the other
 * claim was rejected, withdrawn, or its credits cancelled). Public on both projects' pages.
 */
public record ClaimDetermination(
        long id,
        long firstApplicationId,
        String firstProjectName,
        long secondApplicationId,
        String secondProjectName,
        String reason,
        Instant decidedAt) {

    public boolean concerns(long applicationId) {
        return firstApplicationId == applicationId || secondApplicationId == applicationId;
    }

    /** The application on the other side of the determination from the given one. */
    public long otherThan(long applicationId) {
        return firstApplicationId == applicationId ? secondApplicationId : firstApplicationId;
    }
}
