package org.amamo.consultation.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.amamo.consultation.ConsultationStatus;

/**
 * One consultation with its whole thread, as its applicant and the secretariat see it.
 *
 * @param prefecture JIS X 0401 code, {@code 01} to {@code 47}
 * @param ecosystems keys: seagrass, seaweed, tidal-flat, mangrove, seaweed-farm
 * @param closeNote  the secretariat's note on closing; null unless CLOSED
 * @param endedAt    when it was closed or withdrawn; null while active
 */
record ConsultationDetail(
        long id,
        long applicantId,
        String applicantName,
        String title,
        String summary,
        String prefecture,
        String placeName,
        List<String> ecosystems,
        boolean continuation,
        String previousProject,
        boolean implementersChanged,
        String implementerChanges,
        boolean activitiesChanged,
        String activityChanges,
        LocalDate periodStart,
        LocalDate periodEnd,
        ConsultationStatus status,
        String closeNote,
        Instant endedAt,
        Instant openedAt,
        Instant lastActivityAt,
        List<Message> messages) {

    ConsultationDetail {
        ecosystems = List.copyOf(ecosystems);
        messages = List.copyOf(messages);
    }

    /** One message of the thread; {@code fromSecretariat} tells which side wrote it. */
    record Message(long id, long authorId, String authorName, boolean fromSecretariat, String body, Instant postedAt) {}
}
