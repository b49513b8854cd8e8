package org.amamo.application.internal;

import java.time.Instant;

/**
 * A request to take over a project (引継ぎ), as stored: who asked, whose project it was, what they said, and the
 * secretariat's decision once made (null before). {@code projectName} and the people's names are read for lists.
 */
record Takeover(
        long id,
        long projectId,
        String projectName,
        long requestedBy,
        String requesterName,
        long previousOwnerId,
        String previousOwnerName,
        String statement,
        Status status,
        Instant requestedAt,
        String deciderName,
        Instant decidedAt,
        String decisionReason) {

    /** Where a request stands: waiting for the secretariat, or decided. */
    enum Status {
        PENDING,
        APPROVED,
        REFUSED
    }

    /** The project's public code, as on its pages and in serial numbers. */
    public String projectCode() {
        return String.format("%04d", projectId);
    }
}
