package org.amamo.notice.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.amamo.platform.Refusal;

/**
 * A notice's content before it is stored, with the rule that spans fields: the window must be open. A null
 * {@code programmeCode} is a notice about every programme; whether a code names a programme the service checks.
 * {@code titleEn} and {@code bodyEn} are the optional English version (null: none).
 */
record NoticeDraft(
        String title,
        String body,
        Instant publishStart,
        Instant publishEnd,
        String programmeCode,
        String titleEn,
        String bodyEn) {

    /** A blank programme choice means every programme. */
    static String programme(String code) {
        return code == null || code.isBlank() ? null : code.strip();
    }

    List<Refusal> refusals() {
        List<Refusal> refusals = new ArrayList<>();
        if (publishStart != null && publishEnd != null && !publishEnd.isAfter(publishStart)) {
            refusals.add(Refusal.of("publishEnd", "notice.window.end-before-start"));
        }
        return refusals;
    }
}
