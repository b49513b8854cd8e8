package org.amamo.notice;

import java.time.Instant;

/**
 * A notice as shown: {@code bodyHtml} is the Markdown body rendered to HTML with raw HTML escaped and
 * unsafe link schemes removed, so it can be placed in a page as it is. {@code programmeCode} names the programme the
 * notice belongs to, or is null for a notice about every programme.
 */
public record NoticeView(
        long id,
        String title,
        String bodyMarkdown,
        String bodyHtml,
        Instant publishStart,
        Instant publishEnd,
        String programmeCode) {

    /** Whether the public sees the notice at {@code now}: start inclusive, end exclusive. */
    public boolean publishedAt(Instant now) {
        return !now.isBefore(publishStart) && (publishEnd == null || now.isBefore(publishEnd));
    }
}
