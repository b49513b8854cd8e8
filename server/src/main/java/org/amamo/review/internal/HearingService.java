package org.amamo.review.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.amamo.application.ApplicationUnderReview;
import org.amamo.application.Applications;
import org.amamo.application.ReviewStep;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.platform.Outcome;
import org.amamo.platform.Refusal;
import org.amamo.platform.RefusalKind;
import org.amamo.platform.SchemeTime;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The on-site hearing (現地ヒアリング): the secretariat schedules it (date, time, and a place or an online meeting's
 * link; the applicants are told, and must attend) and records it once held (when, where, and what was found).
 */
@Service
class HearingService {

    static final int PLACE_MAX = 200;
    /** A place's address or an online meeting's link. */
    static final int VENUE_MAX = 300;
    /** As long as any text of the application form. */
    static final int RECORD_MAX = 8000;

    private final Applications applications;
    private final ReviewRepository reviews;
    private final Clock clock;

    HearingService(Applications applications, ReviewRepository reviews, Clock clock) {
        this.applications = applications;
        this.reviews = reviews;
        this.clock = clock;
    }

    /**
     * Sets (or moves) when and where the hearing will be held, and tells the applicants (a notification they must act
     * on, so always mailed). Only who may record the hearing may schedule it, and only while it may be recorded (the
     * fee confirmed, the hearing not yet held): otherwise refused as {@link Applications#check} refuses. The time must
     * be later than now (Japan's time), the venue given and at most {@link #VENUE_MAX} characters; a refusal changes
     * nothing.
     */
    @Transactional
    Outcome<Void> scheduleHearing(AmamoPrincipal actor, long id, LocalDate date, LocalTime time, String venue) {
        Outcome<Void> allowed = applications.check(actor, id, ReviewStep.RECORD_HEARING, null);
        if (allowed.refused()) {
            return allowed;
        }
        List<Refusal> refusals = new ArrayList<>();
        Instant at = date == null || time == null
                ? null
                : date.atTime(time).atZone(SchemeTime.ZONE).toInstant();
        if (at == null || !at.isAfter(clock.instant())) {
            refusals.add(Refusal.of(date == null || time != null ? "date" : "time", "hearing.schedule.invalid"));
        }
        if (venue == null || venue.isBlank() || venue.strip().length() > VENUE_MAX) {
            refusals.add(Refusal.of("venue", "hearing.venue.invalid", VENUE_MAX));
        }
        if (!refusals.isEmpty()) {
            return Outcome.refused(RefusalKind.INVALID, refusals);
        }
        ApplicationUnderReview application = applications.lock(id).orElseThrow();
        Outcome<Void> still = applications.check(actor, id, ReviewStep.RECORD_HEARING, null);
        if (still.refused()) {
            return still;
        }
        reviews.scheduleHearing(id, at, venue.strip());
        applications.notify(application.applicantIds(), "notification.hearing-scheduled", id);
        return Outcome.done();
    }

    @Transactional
    Outcome<Void> recordHearing(AmamoPrincipal actor, long id, LocalDate heldOn, String place, String record) {
        List<Refusal> refusals = new ArrayList<>();
        if (heldOn == null || heldOn.isAfter(LocalDate.now(clock.withZone(SchemeTime.ZONE)))) {
            refusals.add(Refusal.of("heldOn", "hearing.date.invalid"));
        }
        if (place == null || place.isBlank() || place.length() > PLACE_MAX) {
            refusals.add(Refusal.of("place", "validation.required"));
        }
        if (record == null || record.isBlank() || record.length() > RECORD_MAX) {
            refusals.add(Refusal.of("record", "validation.required"));
        }
        if (!refusals.isEmpty()) {
            return Outcome.refused(RefusalKind.INVALID, refusals);
        }
        Outcome<Void> moved = applications.move(actor, id, ReviewStep.RECORD_HEARING, null);
        if (moved.isDone()) {
            reviews.recordHearing(id, heldOn, place.strip(), record.strip());
        }
        return moved;
    }
}
