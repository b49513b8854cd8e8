package org.amamo.notice;

import java.time.Instant;

/**
 * A notice as shown: {@code bodyHtml} is the Markdown body rendered to HTML with raw HTML escaped and
 * unsafe link schemes removed, so it can be placed in a page as it is. {@code programmeCode} names the programme the
 * notice belongs to, or is null for a notice about every programme. The English version ({@code titleEn},
 * {@code bodyMarkdownEn}, {@code bodyHtmlEn}) is optional: null when the secretariat wrote none.
 */
public record NoticeView(
        long id,
        String title,
        String bodyMarkdown,
        String bodyHtml,
        Instant publishStart,
        Instant publishEnd,
        String programmeCode,
        String titleEn,
        String bodyMarkdownEn,
        String bodyHtmlEn) {

    /** Whether the public sees the notice at {@code now}: start inclusive, end exclusive. */
    public boolean publishedAt(Instant now) {
        return !now.isBefore(publishStart) && (publishEnd == null || now.isBefore(publishEnd));
    }
}
