package org.amamo.notice.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.amamo.platform.Refusal;

/** A notice's content before it is stored, with the rule that spans fields: the window must be open. */
record NoticeDraft(String title, String body, Instant publishStart, Instant publishEnd) {

    List<Refusal> refusals() {
        List<Refusal> refusals = new ArrayList<>();
        if (publishStart != null && publishEnd != null && !publishEnd.isAfter(publishStart)) {
            refusals.add(Refusal.of("publishEnd", "notice.window.end-before-start"));
        }
        return refusals;
    }
}
