package org.amamo.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.amamo.platform.MapLayers;
import org.amamo.testing.BrowserJourney;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Every public page and the applicant's main pages, on the demo data, in Japanese and English, on a phone (390 px)
 * and a desktop (1366 px), in one browser. A page fails when it is wider than the window, when the console has an
 * error (a script error, a Content-Security-Policy violation; only a base-map tile that cannot be fetched on a
 * machine without network is not a defect), when its title is empty or the same as another page's, or when it shows
 * a missing message ({@code ??}), or when axe-core finds an accessibility violation of serious or critical impact.
 * Every problem is listed, not just the first.
 */
@TestPropertySource(properties = "amamo.test.demo-data=true")
class EveryPageBrowserTest extends BrowserJourney {

    private static final String APPLICANT = "applicant@amamo.example";
    private static final String DEMO_PASSWORD = "amamo-demo-password";
    private static final List<Integer> WIDTHS = List.of(390, 1366);
    private static final List<String> LANGUAGES = List.of("ja", "en");
    private static final int HEIGHT = 900;

    /** The element (tag, id, classes) of each outermost box that reaches past the window's right edge. */
    private static final String TOO_WIDE = """
            const w = window.innerWidth;
            const out = [];
            for (const e of document.body.querySelectorAll('*')) {
              if (e.getBoundingClientRect().right <= w + 1) continue;
              const p = e.parentElement;
              if (p && p !== document.body && p.getBoundingClientRect().right > w + 1) continue;
              let clipped = false;
              for (let a = p; a && a !== document.body; a = a.parentElement) {
                if (getComputedStyle(a).overflowX !== 'visible') { clipped = true; break; }
              }
              if (clipped) continue;
              out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                  + (typeof e.className === 'string' && e.className ? '.' + e.className.trim().replace(/\\s+/g, '.') : '')
                  + ' ' + Math.round(e.getBoundingClientRect().right) + ' px');
              if (out.length >= 5) break;
            }
            return out.join(', ');""";

    private static final Pattern HOST = Pattern.compile("^https?://([^/]+)/");

    @Autowired
    MapLayers mapLayers;

    private final List<String> problems = new ArrayList<>();
    private final Map<String, Map<String, String>> titles = new HashMap<>();
    private int loads;

    @Test
    void everyPageFitsTheWindowLogsNoErrorAndSaysWhatItIs() {
        long started = System.nanoTime();
        List<String> visitor = publicPages();
        checkAll(visitor);
        browser.logIn(APPLICANT, DEMO_PASSWORD);
        List<String> applicant = applicantPages();
        checkAll(applicant);
        System.out.printf(
                "EveryPageBrowserTest: %d pages (%d public, %d of the applicant), %d page loads in %d s%n",
                visitor.size() + applicant.size(),
                visitor.size(),
                applicant.size(),
                loads,
                (System.nanoTime() - started) / 1_000_000_000L);

        assertThat(visitor).hasSizeGreaterThan(20);
        assertThat(applicant).hasSizeGreaterThan(5);
        assertThat(problems).isEmpty();
    }

    private List<String> publicPages() {
        List<String> pages = new ArrayList<>(List.of(
                "/",
                "/notices",
                "/map",
                "/statistics",
                "/programmes/JBC/statistics",
                "/programmes/YBC/statistics",
                "/programmes/YBC/partners",
                "/projects/approved",
                "/projects/public-comment",
                "/registry",
                "/registry/retirements",
                "/registry/serials",
                "/registry/buffer/JBC",
                "/market",
                "/market/prices",
                "/exchange",
                "/exchange/results",
                "/login",
                "/register",
                "/password/forgot"));
        pages.addAll(links("/notices", "#notice-list a[href^='/notices/']", 2));
        pages.addAll(links("/projects/approved", "a[href^='/applications/']", 1));
        pages.addAll(links("/projects/public-comment", "a[href^='/applications/']", 1));
        pages.addAll(links("/registry", "a[href^='/registry/batches/']", 1));
        pages.addAll(links("/registry/retirements", "a[href^='/registry/retirements/']:not([href$='.pdf'])", 1));
        pages.addAll(links("/market", "a[href^='/market/rounds/']", 3));
        pages.addAll(links("/exchange", "a[href^='/exchange/instruments/']", 2));
        return List.copyOf(new LinkedHashSet<>(pages));
    }

    private List<String> applicantPages() {
        List<String> pages = new ArrayList<>(List.of(
                "/applications",
                "/account/registry",
                "/account/market",
                "/account/exchange",
                "/consultations",
                "/account/notifications"));
        List<String> applications = links("/applications", "a[href^='/applications/']", 20);
        pages.addAll(applications.subList(0, 1));
        applications.stream()
                .flatMap(application -> links(application, "#edit-application", 1).stream())
                .findFirst()
                .ifPresent(pages::add);
        pages.addAll(links("/account/registry", "a[href^='/account/registry/accounts/']:not([href$='.pdf'])", 1));
        assertThat(pages).as("the applicant's editor").anyMatch(page -> page.endsWith("/edit"));
        return List.copyOf(new LinkedHashSet<>(pages));
    }

    /** The first {@code limit} distinct links of the page that match {@code css} (paths without CSV or PDF). */
    private List<String> links(String page, String css, int limit) {
        browser.open(page);
        @SuppressWarnings("unchecked")
        List<String> hrefs = (List<String>) browser.evaluate(
                "return Array.from(document.querySelectorAll(\"" + css + "\")).map(a => a.getAttribute('href'));");
        return hrefs.stream()
                .map(href -> href.replaceFirst("#.*", ""))
                .filter(href -> !href.endsWith(".csv") && !href.endsWith(".pdf"))
                .distinct()
                .limit(limit)
                .toList();
    }

    private void checkAll(List<String> pages) {
        for (int width : WIDTHS) {
            browser.viewport(width, HEIGHT);
            for (String language : LANGUAGES) {
                for (String page : pages) {
                    check(page, language, width);
                }
            }
        }
    }

    private void check(String page, String language, int width) {
        browser.open(page + (page.contains("?") ? "&" : "?") + "lang=" + language);
        loads++;
        String where = page + " [" + language + ", " + width + " px]";
        if (!browser.path().startsWith(page)) {
            problems.add(where + ": answered by " + browser.path());
        }
        long wide = (Long) browser.evaluate("return document.documentElement.scrollWidth;");
        long window = (Long) browser.evaluate("return window.innerWidth;");
        if (wide > window) {
            problems.add(
                    where + ": " + wide + " px wide in a window of " + window + " px: " + browser.evaluate(TOO_WIDE));
        }
        String title = browser.title().strip();
        long titleElements = (Long) browser.evaluate("return document.querySelectorAll('title').length;");
        if (title.isEmpty() || titleElements != 1) {
            problems.add(where + ": title '" + title + "' in " + titleElements + " title elements");
        } else {
            String other =
                    titles.computeIfAbsent(language, l -> new HashMap<>()).putIfAbsent(title, page);
            if (other != null && !other.equals(page)) {
                problems.add(where + ": the same title as " + other + ": " + title);
            }
        }
        if (title.contains("??") || (Boolean) browser.evaluate("return document.body.innerText.includes('??');")) {
            problems.add(where + ": a missing message (??)");
        }
        for (String violation : browser.seriousAccessibilityViolations()) {
            problems.add(where + ": " + violation);
        }
        for (String error : browser.consoleErrors()) {
            if (!unreachableTile(error)) {
                problems.add(where + ": console: " + error);
            }
        }
    }

    /** A base-map tile that could not be fetched for lack of network: not a defect of the page. */
    private boolean unreachableTile(String error) {
        if (!error.contains("net::ERR_")) {
            return false;
        }
        Set<String> hosts = new LinkedHashSet<>();
        for (MapLayers.Layer layer : mapLayers.layers()) {
            Matcher host = HOST.matcher(layer.url());
            if (host.find()) {
                hosts.add(host.group(1));
            }
        }
        return hosts.stream().anyMatch(host -> error.contains("//" + host + "/"));
    }
}
