package org.amamo.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;

/** What every public page shares: a title of its own in each language, the favicon, and a layout htmx keeps. */
@SpringBootTest
@AutoConfigureMockMvc
class PagesTest {

    static final List<String> PUBLIC_PAGES = List.of(
            "/",
            "/notices",
            "/projects/approved",
            "/projects/public-comment",
            "/map",
            "/statistics",
            "/registry",
            "/registry/retirements",
            "/registry/serials",
            "/market",
            "/market/prices",
            "/exchange",
            "/exchange/results",
            "/login",
            "/register");
    private static final Pattern TITLE = Pattern.compile("<title>([^<]*)</title>");

    @Autowired
    MockMvc mvc;

    @Test
    void everyPublicPageHasATitleOfItsOwnInBothLanguages() throws Exception {
        for (String language : List.of("ja", "en")) {
            Map<String, String> pageByTitle = new HashMap<>();
            for (String page : PUBLIC_PAGES) {
                String title = title(html(page, language));
                assertThat(title).as(page + " in " + language).isNotBlank();
                String earlier = pageByTitle.put(title, page);
                assertThat(earlier)
                        .as(page + " has the same title as " + earlier + ": " + title)
                        .isNull();
            }
        }
    }

    /** A project's page loads parts of the registry's pages with htmx; their titles must not replace its own. */
    @Test
    void pagesLinkTheFaviconAndKeepTheirTitleWhenHtmxLoadsAPart() throws Exception {
        String page = html("/", "ja");
        assertThat(page).contains("<link rel=\"icon\" type=\"image/svg+xml\" href=\"/assets/favicon.svg\">");
        assertThat(page).contains("<meta name=\"htmx-config\" content='{\"ignoreTitle\":true}'>");
        String favicon = mvc.perform(get("/assets/favicon.svg"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(favicon).startsWith("<svg");
    }

    @Test
    void theProgrammeFilterOfTheStatisticsIsAListOfSeparateLinks() throws Exception {
        String page = html("/statistics", "en");
        int start = page.indexOf("id=\"usage-programmes\"");
        assertThat(start).isPositive();
        String filter = page.substring(start, page.indexOf("</nav>", start));
        assertThat(filter).contains("<ul>").contains("<li><a href=\"/statistics\"");
        assertThat(filter.split("<li>")).hasSizeGreaterThan(2);
        assertThat(filter).contains("aria-current=\"page\"");
    }

    private String html(String page, String language) throws Exception {
        return mvc.perform(get(page).param("lang", language))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private static String title(String html) {
        Matcher matcher = TITLE.matcher(html);
        return matcher.find() ? matcher.group(1).trim() : "";
    }
}
