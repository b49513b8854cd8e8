package org.amamo.notice.internal;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.springframework.stereotype.Component;

/**
 * Markdown to HTML for notices. Raw HTML in the source is escaped, never passed through, and the rendered HTML then
 * goes through the OWASP Java HTML Sanitizer with an allow-list: the elements Markdown produces, and links and
 * images whose URL is relative or uses http, https or mailto only ({@code javascript:}, {@code data:} and every other
 * scheme are removed), so a notice cannot inject script even if the Markdown renderer lets something through.
 */
@Component
class MarkdownRenderer {

    static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements(
                    "p",
                    "br",
                    "hr",
                    "h1",
                    "h2",
                    "h3",
                    "h4",
                    "h5",
                    "h6",
                    "strong",
                    "em",
                    "del",
                    "code",
                    "pre",
                    "blockquote",
                    "ul",
                    "ol",
                    "li",
                    "a",
                    "img",
                    "table",
                    "thead",
                    "tbody",
                    "tr",
                    "th",
                    "td")
            .allowUrlProtocols("http", "https", "mailto")
            .allowAttributes("href", "title")
            .onElements("a")
            .allowAttributes("src", "alt", "title")
            .onElements("img")
            .allowAttributes("start")
            .matching(true, "\\d{1,6}")
            .onElements("ol")
            .toFactory();

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer =
            HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    String toHtml(String markdown) {
        return POLICY.sanitize(renderer.render(parser.parse(markdown == null ? "" : markdown)));
    }
}
