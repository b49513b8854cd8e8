package org.amamo.notice.internal;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.stereotype.Component;

/**
 * Markdown to HTML for notices. Raw HTML in the source is escaped, never passed through, and link and
 * image URLs with unsafe schemes (javascript:, data: ...) are removed, so a notice cannot inject script.
 */
@Component
class MarkdownRenderer {

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer =
            HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    String toHtml(String markdown) {
        return renderer.render(parser.parse(markdown == null ? "" : markdown));
    }
}
