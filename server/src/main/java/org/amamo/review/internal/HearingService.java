package org.amamo.review.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.amamo.application.Applications;
import org.amamo.application.ReviewStep;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.platform.Outcome;
import org.amamo.platform.Refusal;
import org.amamo.platform.RefusalKind;
import org.amamo.platform.SchemeTime;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The secretariat records the on-site hearing (現地ヒアリング): when, where, and what was found. */
@Service
class HearingService {

    static final int PLACE_MAX = 200;
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
