package org.amamo.review.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.amamo.application.ApplicationUnderReview;
import org.amamo.application.Applications;
import org.amamo.application.ReviewStep;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.platform.Outcome;
import org.amamo.platform.Refusal;
import org.amamo.platform.RefusalKind;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Public comment (意見公募): the secretariat opens a window, and anyone may comment while it is open. */
@Service
class PublicCommentService {

    static final int BODY_MAX = 4000;
    static final int AUTHOR_MAX = 100;

    private final Applications applications;
    private final ReviewRepository reviews;
    private final Clock clock;

    PublicCommentService(Applications applications, ReviewRepository reviews, Clock clock) {
        this.applications = applications;
        this.reviews = reviews;
        this.clock = clock;
    }

    /** The secretariat opens public comment once every reviewer has recorded certainty. */
    @Transactional
    Outcome<Void> open(AmamoPrincipal actor, long id, Instant opens, Instant closes) {
        if (opens == null || closes == null || !closes.isAfter(opens)) {
            return Outcome.refused(RefusalKind.INVALID, Refusal.of("closesAt", "review.comment-window.invalid"));
        }
        if (applications.lock(id).isEmpty()) {
            return Outcome.refused(RefusalKind.NOT_FOUND, Refusal.of("$", "application.not-found"));
        }
        if (reviews.reviews(id).stream().anyMatch(review -> !review.recorded())) {
            return Outcome.refused(RefusalKind.CONFLICT, Refusal.of("$", "review.certainty.outstanding"));
        }
        Outcome<Void> moved = applications.move(actor, id, ReviewStep.OPEN_PUBLIC_COMMENT, null);
        if (moved.isDone()) {
            reviews.openCommentWindow(id, opens, closes);
        }
        return moved;
    }

    /** Anyone, signed in or not, may comment while the window is open; the committee is told. */
    @Transactional
    Outcome<Void> comment(long id, String authorName, String body) {
        ApplicationUnderReview application = applications.find(id).orElse(null);
        if (application == null) {
            return Outcome.refused(RefusalKind.NOT_FOUND, Refusal.of("$", "application.not-found"));
        }
        if (!application.commentWindowOpenAt(clock.instant())) {
            return Outcome.refused(RefusalKind.CONFLICT, Refusal.of("$", "comment.window.closed"));
        }
        List<Refusal> refusals = new ArrayList<>();
        if (body == null || body.isBlank() || body.length() > BODY_MAX) {
            refusals.add(Refusal.of("body", "comment.body.invalid", BODY_MAX));
        }
        if (authorName != null && authorName.length() > AUTHOR_MAX) {
            refusals.add(Refusal.of("authorName", "application.text.too-long", AUTHOR_MAX));
        }
        if (!refusals.isEmpty()) {
            return Outcome.refused(RefusalKind.INVALID, refusals);
        }
        String author = authorName == null || authorName.isBlank() ? null : authorName.strip();
        reviews.comment(id, author, body.strip(), clock.instant());
        applications.notify(reviews.reviewerIds(id), "notification.comment-posted", id);
        return Outcome.done();
    }
}
