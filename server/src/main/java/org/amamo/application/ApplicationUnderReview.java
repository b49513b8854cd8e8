package org.amamo.application;

import java.time.Instant;
import java.util.List;

/**
 * What the review reads of an application: who made it, under which programme, where it stands and its public
 * comment window.
 *
 * @param applicantIds the representative applicant first, then the registered joint applicants
 */
public record ApplicationUnderReview(
        long id,
        long projectId,
        String name,
        long ownerId,
        List<Long> applicantIds,
        String programmeCode,
        ApplicationStatus status,
        Instant commentOpensAt,
        Instant commentClosesAt) {

    public ApplicationUnderReview {
        applicantIds = List.copyOf(applicantIds);
    }

    /** The project's public code: its id, zero-padded to four digits, as in serial numbers. */
    public String projectCode() {
        return String.format("%04d", projectId);
    }

    /** Whether the public may comment now: open for comment, and inside the window. */
    public boolean commentWindowOpenAt(Instant now) {
        return status == ApplicationStatus.PUBLIC_COMMENT
                && commentOpensAt != null
                && !now.isBefore(commentOpensAt)
                && now.isBefore(commentClosesAt);
    }
}
