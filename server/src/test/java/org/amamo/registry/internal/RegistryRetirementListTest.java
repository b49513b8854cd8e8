package org.amamo.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.amamo.registry.internal.RegistryFixture.Holder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The public retirement list, newest first, pages by record id (issue 6: a page deep in 100,000 records costs what
 * the first costs): {@code before} gives the records older than an id, {@code after} those newer, the API's Link
 * header and the page's links lead from one page to the next with neither overlap nor gap, the programme and project
 * filters hold on every page, and a bad position is a clear 400 in the API and the newest page, with a note, on the
 * web.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(RegistryFixture.class)
class RegistryRetirementListTest {

    private static final Pattern LINK = Pattern.compile("<([^>]*)>; rel=\"([a-z]+)\"");

    @Autowired
    MockMvc mvc;

    @Autowired
    RegistryFixture fixture;

    @Autowired
    JdbcClient jdbc;

    Holder eelgrass;
    Holder seaweed;
    String eelgrassCode;
    /** The eelgrass project's 25 records, newest first. */
    List<Long> eelgrassIds = new ArrayList<>();
    /** The seaweed project's 5 records, retired between the eelgrass ones, newest first. */
    List<Long> seaweedIds = new ArrayList<>();

    @BeforeEach
    void twoProjectsRetireInTurn() {
        eelgrass = fixture.holder();
        seaweed = fixture.holder();
        eelgrassCode =
                fixture.issue(2024, 100, eelgrass).lines().get(0).serialRange().substring(9, 13);
        fixture.issue(2024, 100, seaweed);
        for (int i = 0; i < 25; i++) {
            eelgrassIds.add(0, retire(eelgrass, "アマモ " + i));
            if (i % 5 == 2) {
                seaweedIds.add(0, retire(seaweed, "海藻 " + i));
            }
        }
    }

    @AfterEach
    void ledgerSound() {
        fixture.assertLedgerSound();
    }

    @Test
    void theApiListsTheNewestFirstAndItsNextLinksWalkEveryRecordOnceWithoutGaps() throws Exception {
        List<Long> everyId = jdbc.sql("SELECT id FROM registry_retirement ORDER BY id DESC")
                .query(Long.class)
                .list();

        List<List<Long>> pages = walk("/api/v1/registry/retirements?size=7");

        assertThat(pages.get(0)).startsWith(eelgrassIds.get(0));
        assertThat(pages.stream().flatMap(List::stream).toList()).isEqualTo(everyId);
        assertThat(pages).allSatisfy(page -> assertThat(page).isSortedAccordingTo(Comparator.reverseOrder()));
        assertThat(pages.subList(0, pages.size() - 1))
                .allSatisfy(page -> assertThat(page).hasSize(7));
    }

    @Test
    void beforeGivesTheRecordsOlderThanAnId() throws Exception {
        long fifth = eelgrassIds.get(4);

        assertThat(ids(api("/api/v1/registry/retirements?projectCode=" + eelgrassCode + "&size=3&before=" + fifth)))
                .containsExactly(eelgrassIds.get(5), eelgrassIds.get(6), eelgrassIds.get(7));
    }

    @Test
    void theProjectAndProgrammeFiltersHoldOnEveryPage() throws Exception {
        List<List<Long>> pages = walk("/api/v1/registry/retirements?projectCode=" + eelgrassCode + "&size=10");
        assertThat(pages).extracting(List::size).containsExactly(10, 10, 5);
        assertThat(pages.stream().flatMap(List::stream).toList()).isEqualTo(eelgrassIds);

        List<List<Long>> both =
                walk("/api/v1/registry/retirements?programme=JBC&projectCode=" + eelgrassCode + "&size=10");
        assertThat(both.stream().flatMap(List::stream).toList()).isEqualTo(eelgrassIds);

        List<Long> programme = walk("/api/v1/registry/retirements?programme=JBC&size=50").stream()
                .flatMap(List::stream)
                .toList();
        assertThat(programme).containsSubsequence(eelgrassIds).containsSubsequence(seaweedIds);
        assertThat(walk("/api/v1/registry/retirements?programme=YBC&size=50").stream()
                        .flatMap(List::stream))
                .doesNotContainAnyElementsOf(eelgrassIds);
    }

    @Test
    void afterGivesTheNewerPageBackAndNearTheTopTheNewestPage() throws Exception {
        String list = "/api/v1/registry/retirements?projectCode=" + eelgrassCode + "&size=10";
        MockHttpServletResponse first = api(list);
        MockHttpServletResponse second = api(link(first, "next").orElseThrow());
        assertThat(link(first, "prev")).isEmpty();
        assertThat(link(second, "first")).hasValue("http://localhost" + list);

        MockHttpServletResponse back = api(link(second, "prev").orElseThrow());
        assertThat(ids(back)).isEqualTo(ids(first));
        assertThat(link(second, "prev").orElseThrow())
                .contains("after=" + ids(second).get(0));

        // Only three records are newer than the fourth: the newest page, full, rather than a page of three.
        assertThat(ids(api(list + "&after=" + eelgrassIds.get(3)))).isEqualTo(eelgrassIds.subList(0, 10));
    }

    @Test
    void aRecordRetiredMeanwhileNeitherRepeatsNorSkipsARecordOnTheNextPage() throws Exception {
        String list = "/api/v1/registry/retirements?projectCode=" + eelgrassCode + "&size=10";
        MockHttpServletResponse first = api(list);

        long meanwhile = retire(eelgrass, "あとから");

        assertThat(ids(api(link(first, "next").orElseThrow()))).isEqualTo(eelgrassIds.subList(10, 20));
        assertThat(ids(api(list))).startsWith(meanwhile, eelgrassIds.get(0));
    }

    @Test
    void theOldPageNumberStillAnswersShallowPagesAndLinksOnByRecordId() throws Exception {
        MockHttpServletResponse second =
                api("/api/v1/registry/retirements?projectCode=" + eelgrassCode + "&size=10&page=1");

        assertThat(ids(second)).isEqualTo(eelgrassIds.subList(10, 20));
        assertThat(link(second, "next").orElseThrow())
                .contains("before=" + eelgrassIds.get(19))
                .doesNotContain("page=");
    }

    @Test
    void theApiAnswersABadPositionWithAClear400() throws Exception {
        refused("before=-1", "before");
        refused("before=0", "before");
        refused("after=-5", "after");
        refused("before=abc", "before");
        refused("before=10&after=3", "$");
        refused("before=10&page=1", "$");
        refused("page=500&size=20", "page");
        refused("page=100&size=100", "page");
        mvc.perform(get("/api/v1/registry/retirements?page=499&size=20")).andExpect(status().isOk());
    }

    @Test
    void theApiDescriptionTellsHowToPage() throws Exception {
        assertThat(page("/v3/api-docs")).contains("Records older than this record id", "rel=\\\"next\\\"");
    }

    @Test
    void theWebPageLinksOlderNewerAndNewestPages() throws Exception {
        String first = page("/registry/retirements?projectCode=" + eelgrassCode);
        assertThat(first)
                .contains("アマモ 24", "アマモ 5")
                .doesNotContain("アマモ 4 ", "海藻", "rel=\"prev\"", "rel=\"first\"")
                .contains("before=" + eelgrassIds.get(19));

        String older = page("/registry/retirements?projectCode=" + eelgrassCode + "&before=" + eelgrassIds.get(19));
        assertThat(older)
                .contains("アマモ 4 ", "アマモ 0 ")
                .doesNotContain("アマモ 5 ", "rel=\"next\"")
                .contains("after=" + eelgrassIds.get(20), "rel=\"first\"");

        String newer = page("/registry/retirements?projectCode=" + eelgrassCode + "&after=" + eelgrassIds.get(20));
        assertThat(newer).contains("アマモ 24", "アマモ 5 ").doesNotContain("アマモ 4 ");
    }

    @Test
    void theWebPageShowsTheNewestRecordsWithANoteForAMangledOrOutdatedLink() throws Exception {
        for (String position : List.of("before=abc", "before=-3", "after=0", "page=99999", "before=5&after=3")) {
            mvc.perform(get("/registry/retirements?projectCode=" + eelgrassCode + "&" + position))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("retirements-outdated")))
                    .andExpect(content().string(containsString("アマモ 24")));
        }
        mvc.perform(get("/registry/retirements?projectCode=" + eelgrassCode + "&page=1"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("retirements-outdated"))))
                .andExpect(content().string(containsString("アマモ 4 ")));
        mvc.perform(get("/registry/retirements?projectCode=" + eelgrassCode + "&before=" + eelgrassIds.get(24)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("rel=\"first\"")));
    }

    @Test
    void theCsvExportsEveryRecordOfTheFilterNewestFirst() throws Exception {
        String csv = page("/registry/retirements.csv?projectCode=" + eelgrassCode);
        List<Long> exported = csv.lines()
                .skip(1)
                .map(line -> Long.valueOf(line.substring(0, line.indexOf(','))))
                .toList();

        assertThat(exported).isEqualTo(eelgrassIds);
        assertThat(page("/registry/retirements.csv?projectCode=" + eelgrassCode + "&page=0"))
                .isEqualTo(csv);
        assertThat(page("/registry/retirements.csv?projectCode=" + eelgrassCode + "&page=1")
                        .lines())
                .hasSize(1);
    }

    long retire(Holder holder, String beneficiary) {
        RetirementDisclosure disclosure = new RetirementDisclosure(
                beneficiary + " " + UUID.randomUUID(), RetirementPurpose.EVENT, "イベントの排出", 2024, null);
        return fixture.registry
                .retire(holder.actor(), new Registry.Retirement(holder.accountId(), 1, disclosure), null)
                .value()
                .retirementId();
    }

    /** Every page of a list from its first, following the Link header's rel="next". */
    List<List<Long>> walk(String first) throws Exception {
        List<List<Long>> pages = new ArrayList<>();
        Optional<String> next = Optional.of(first);
        while (next.isPresent()) {
            MockHttpServletResponse response = api(next.get());
            pages.add(ids(response));
            assertThat(link(response, "prev").isPresent())
                    .as("a newer page before " + next.get())
                    .isEqualTo(pages.size() > 1);
            next = link(response, "next");
            assertThat(pages.size()).as("pages").isLessThan(1_000);
        }
        return pages;
    }

    MockHttpServletResponse api(String uri) throws Exception {
        return mvc.perform(request(uri)).andExpect(status().isOk()).andReturn().getResponse();
    }

    String page(String uri) throws Exception {
        return mvc.perform(request(uri))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    static MockHttpServletRequestBuilder request(String uri) {
        return uri.startsWith("http") ? get(URI.create(uri)) : get(uri);
    }

    static List<Long> ids(MockHttpServletResponse response) throws Exception {
        List<Number> ids = JsonPath.read(response.getContentAsString(StandardCharsets.UTF_8), "$[*].id");
        return ids.stream().map(Number::longValue).toList();
    }

    static Optional<String> link(MockHttpServletResponse response, String relation) {
        for (String value : response.getHeaders("Link")) {
            Matcher link = LINK.matcher(value);
            if (link.matches() && link.group(2).equals(relation)) {
                return Optional.of(link.group(1));
            }
        }
        return Optional.empty();
    }

    void refused(String query, String field) throws Exception {
        mvc.perform(get("/api/v1/registry/retirements?" + query))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].message").isNotEmpty());
    }
}
