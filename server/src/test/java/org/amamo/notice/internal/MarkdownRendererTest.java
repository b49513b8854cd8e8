package org.amamo.notice.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Only http, https and mailto links (and relative ones) survive a notice's Markdown; script never does. */
class MarkdownRendererTest {

    private final MarkdownRenderer markdown = new MarkdownRenderer();

    @Test
    void keepsTheMarkupMarkdownMakes() {
        String html = markdown.toHtml("# 題\n\n**太字** _斜体_\n\n- 一\n- 二\n\n`code`");
        assertThat(html)
                .contains("<h1>題</h1>")
                .contains("<strong>太字</strong>")
                .contains("<em>斜体</em>")
                .contains("<li>一</li>")
                .contains("<code>code</code>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://example.jp/a", "http://example.jp/", "mailto:office@example.jp", "/notices/1"})
    void keepsHttpHttpsMailtoAndRelativeLinks(String url) {
        assertThat(markdown.toHtml("[link](" + url + ")")).contains("<a href=\"" + url.replace("@", "&#64;"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "javascript:alert(1)",
                "JAVASCRIPT:alert(1)",
                "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
                "vbscript:msgbox(1)",
                "file:///etc/passwd",
                "ftp://example.jp/x"
            })
    void removesEveryOtherSchemeFromLinksAndImages(String url) {
        String html = markdown.toHtml("[link](" + url + ") ![image](" + url + ")");
        assertThat(html.toLowerCase(Locale.ROOT)).doesNotContain("javascript:").doesNotContain("data:");
        assertThat(html).doesNotContain("href=\"" + url).doesNotContain("src=\"" + url);
        assertThat(html).contains("link");
    }

    @Test
    void rawHtmlIsEscapedAndEventHandlersNeverSurvive() {
        String html = markdown.toHtml(
                "<script>alert(1)</script> <img src=x onerror=alert(3)> <a href=\"javascript:x\">a</a>");
        assertThat(html).doesNotContain("<script").doesNotContain("<img src").doesNotContain("onerror=\"");
        assertThat(html).contains("&lt;script&gt;");
    }

    @Test
    void aReferenceLinkWithAnEncodedSchemeIsRemoved() {
        String html = markdown.toHtml("[x][r]\n\n[r]: jav&#x61;script:alert(1)");
        assertThat(html.toLowerCase(Locale.ROOT)).doesNotContain("href=\"jav");
    }
}
