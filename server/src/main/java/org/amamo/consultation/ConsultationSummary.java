package org.amamo.consultation;

import java.time.Instant;

/**
 * A consultation as a list shows it.
 *
 * @param applicantName  the applicant's organisation and name, or the person's name for an individual
 * @param prefecture     JIS X 0401 code, {@code 01} to {@code 47}
 * @param messageCount   messages in the thread, not counting the opening description
 * @param lastActivityAt when it was opened, last written to, closed or withdrawn
 */
public record ConsultationSummary(
        long id,
        String title,
        ConsultationStatus status,
        long applicantId,
        String applicantName,
        String prefecture,
        String placeName,
        int messageCount,
        Instant openedAt,
        Instant lastActivityAt) {}
