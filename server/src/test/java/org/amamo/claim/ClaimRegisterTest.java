package org.amamo.claim;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.amamo.claim.ClaimDraft.ClaimedAsset;
import org.amamo.platform.Outcome;
import org.amamo.platform.Refusal;
import org.amamo.platform.RefusalKind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * One tonne certified once: a claim (site and crediting years) is compared with every certified claim and every
 * claim under review. Each test works on its own patch of sea, far from the demo data and from each other.
 */
@SpringBootTest
class ClaimRegisterTest {

    private static final AtomicLong NEXT = new AtomicLong(9_100_000);
    private static final AtomicLong NEXT_PLACE = new AtomicLong();

    @Autowired
    ClaimRegister claims;

    private final double west = 150 + NEXT_PLACE.getAndIncrement() * 0.1;
    private final Instant monday = Instant.parse("2026-04-06T01:00:00Z");

    @Test
    void a_year_the_project_already_has_certified_is_refused_at_its_field_and_the_next_year_is_accepted() {
        long project = NEXT.getAndIncrement();
        ClaimDraft first = draft(project, square(west, 0.01), years("2024-04-01"));
        assertThat(claims.submit(first, monday).isDone()).isTrue();
        assertThat(claims.certify(first.applicationId()).isDone()).isTrue();

        ClaimDraft sameYear = draft(project, square(west, 0.01), years("2025-04-01", "2024-04-01"));
        Outcome<List<ClaimConflict>> refused = claims.submit(sameYear, monday.plusSeconds(60));

        assertThat(refused.kind()).isEqualTo(RefusalKind.CONFLICT);
        assertThat(refused.refusals()).extracting(Refusal::field).containsExactly("sheet.years[1].start");
        assertThat(refused.refusals().get(0).messageKey()).isEqualTo("claim.year.already-certified");
        assertThat(refused.refusals().get(0).arguments()).containsExactly("2024-04-01", "#" + first.applicationId());
        assertThat(claims.conflictsOf(sameYear.applicationId())).isEmpty();

        ClaimDraft nextYear = draft(project, square(west, 0.01), years("2025-04-01"));
        assertThat(claims.submit(nextYear, monday.plusSeconds(120)).isDone()).isTrue();
        assertThat(claims.certify(nextYear.applicationId()).isDone()).isTrue();
    }

    @Test
    void another_projects_overlapping_certified_site_blocks_certification_until_a_determination_resolves_it() {
        ClaimDraft certified = draft(NEXT.getAndIncrement(), square(west, 0.01), years("2024-04-01"));
        claims.submit(certified, monday);
        claims.certify(certified.applicationId());

        ClaimDraft overlapping = draft(NEXT.getAndIncrement(), square(west + 0.005, 0.01), years("2024-10-01"));
        Outcome<List<ClaimConflict>> submitted = claims.submit(overlapping, monday.plusSeconds(60));

        assertThat(submitted.isDone())
                .as("another project's overlap is shown, not refused")
                .isTrue();
        ClaimConflict conflict = submitted.value().get(0);
        assertThat(conflict.otherApplicationId()).isEqualTo(certified.applicationId());
        assertThat(conflict.otherStatus()).isEqualTo(ClaimStatus.CERTIFIED);
        assertThat(conflict.yearIndexes()).containsExactly(0);
        assertThat(conflict.overlapHectares()).isGreaterThan(new BigDecimal("10"));
        assertThat(conflict.intersectionGeojson()).contains("Polygon");

        Outcome<Void> refused = claims.certify(overlapping.applicationId());
        assertThat(refused.refusals()).extracting(Refusal::messageKey).containsExactly("claim.conflict.unresolved");

        Outcome<ClaimDetermination> determined = claims.determine(
                overlapping.applicationId(), certified.applicationId(), "The other site was surveyed again.", 1);
        assertThat(determined.isDone()).isTrue();
        assertThat(claims.certify(overlapping.applicationId()).isDone()).isTrue();
        assertThat(claims.determinationsOfProject(certified.projectId()))
                .extracting(ClaimDetermination::reason)
                .containsExactly("The other site was surveyed again.");
        assertThat(claims.determinationsOfProject(overlapping.projectId())).hasSize(1);
        assertThat(claims.determine(overlapping.applicationId(), certified.applicationId(), "again", 1)
                        .refusals())
                .extracting(Refusal::messageKey)
                .containsExactly("claim.determination.exists");
    }

    @Test
    void redrawing_the_site_to_exclude_the_overlap_resolves_the_conflict() {
        ClaimDraft certified = draft(NEXT.getAndIncrement(), square(west, 0.01), years("2024-04-01"));
        claims.submit(certified, monday);
        claims.certify(certified.applicationId());
        long project = NEXT.getAndIncrement();
        long application = NEXT.getAndIncrement();
        claims.submit(draft(project, application, square(west + 0.005, 0.01), years("2024-04-01")), monday);
        assertThat(claims.certify(application).refused()).isTrue();

        claims.submit(draft(project, application, square(west + 0.01, 0.01), years("2024-04-01")), monday);

        assertThat(claims.conflictsOf(application)).as("sites that only touch").isEmpty();
        assertThat(claims.certify(application).isDone()).isTrue();
    }

    @Test
    void an_earlier_submitted_claim_blocks_a_later_one_but_not_the_other_way_round() {
        ClaimDraft earlier = draft(NEXT.getAndIncrement(), square(west, 0.01), years("2024-04-01"));
        ClaimDraft later = draft(NEXT.getAndIncrement(), square(west, 0.01), years("2024-04-01"));
        claims.submit(earlier, monday);
        claims.submit(later, monday.plusSeconds(3600));

        assertThat(claims.certify(later.applicationId()).refused()).isTrue();
        assertThat(claims.certify(earlier.applicationId()).isDone()).isTrue();
        assertThat(claims.certify(later.applicationId()).refused()).isTrue();
    }

    @Test
    void a_rejected_or_withdrawn_claim_no_longer_counts() {
        ClaimDraft rejected = draft(NEXT.getAndIncrement(), square(west, 0.01), years("2024-04-01"));
        ClaimDraft other = draft(NEXT.getAndIncrement(), square(west, 0.01), years("2024-04-01"));
        claims.submit(rejected, monday);
        claims.submit(other, monday.plusSeconds(60));

        claims.release(rejected.applicationId());

        assertThat(claims.conflictsOf(other.applicationId())).isEmpty();
        assertThat(claims.certify(other.applicationId()).isDone()).isTrue();
    }

    @Test
    void a_sliver_from_digitising_is_reported_and_never_blocks() {
        ClaimDraft certified = draft(NEXT.getAndIncrement(), square(west, 0.01), years("2024-04-01"));
        claims.submit(certified, monday);
        claims.certify(certified.applicationId());
        // The squares share a corner of 0.00005 degrees each way, about 4 m x 6 m: a sliver.
        ClaimDraft touching = draft(NEXT.getAndIncrement(), square(west + 0.00995, 0.01, 0.00995), years("2024-04-01"));
        claims.submit(touching, monday.plusSeconds(60));

        List<ClaimConflict> conflicts = claims.conflictsOf(touching.applicationId());
        assertThat(conflicts).hasSize(1);
        assertThat(conflicts.get(0).sliver()).isTrue();
        assertThat(claims.certify(touching.applicationId()).isDone()).isTrue();
    }

    @Test
    void years_that_do_not_overlap_do_not_conflict() {
        ClaimDraft certified = draft(NEXT.getAndIncrement(), square(west, 0.01), years("2023-04-01"));
        claims.submit(certified, monday);
        claims.certify(certified.applicationId());
        ClaimDraft nextYear = draft(NEXT.getAndIncrement(), square(west, 0.01), years("2024-04-01"));

        assertThat(claims.submit(nextYear, monday).value()).isEmpty();
    }

    @Test
    void a_reduction_asset_claimed_twice_in_overlapping_years_is_refused_at_the_component() {
        String tug = "TUG-" + NEXT.getAndIncrement();
        ClaimDraft first = new ClaimDraft(
                NEXT.getAndIncrement(),
                NEXT.getAndIncrement(),
                "Tugboat A",
                "YBC",
                null,
                years("2024-04-01"),
                List.of(new ClaimedAsset(0, 0, tug)));
        assertThat(claims.submit(first, monday).isDone()).isTrue();
        ClaimDraft second = new ClaimDraft(
                NEXT.getAndIncrement(),
                NEXT.getAndIncrement(),
                "Tugboat B",
                "YBC",
                null,
                years("2023-04-01", "2024-06-01"),
                List.of(new ClaimedAsset(1, 2, " " + tug.toLowerCase() + " ")));

        Outcome<List<ClaimConflict>> refused = claims.submit(second, monday);

        assertThat(refused.refusals())
                .extracting(Refusal::field)
                .containsExactly("sheet.years[1].components[2].assetId");
        ClaimDraft laterYear = new ClaimDraft(
                second.applicationId(),
                second.projectId(),
                "Tugboat B",
                "YBC",
                null,
                years("2025-04-01"),
                List.of(new ClaimedAsset(0, 0, tug)));
        assertThat(claims.submit(laterYear, monday).isDone()).isTrue();
    }

    @Test
    void a_determination_needs_a_reason_and_a_conflict() {
        ClaimDraft one = draft(NEXT.getAndIncrement(), square(west, 0.01), years("2024-04-01"));
        ClaimDraft apart = draft(NEXT.getAndIncrement(), square(west + 0.05, 0.01), years("2024-04-01"));
        claims.submit(one, monday);
        claims.submit(apart, monday);

        assertThat(claims.determine(one.applicationId(), apart.applicationId(), " ", 1)
                        .refusals())
                .extracting(Refusal::field)
                .containsExactly("reason");
        assertThat(claims.determine(one.applicationId(), apart.applicationId(), "no overlap", 1)
                        .refusals())
                .extracting(Refusal::messageKey)
                .containsExactly("claim.determination.no-conflict");
    }

    private ClaimDraft draft(long project, String site, List<ClaimDraft.ClaimedYear> years) {
        return draft(project, NEXT.getAndIncrement(), site, years);
    }

    private static ClaimDraft draft(long project, long application, String site, List<ClaimDraft.ClaimedYear> years) {
        return new ClaimDraft(application, project, "Project " + project, "JBC", site, years, List.of());
    }

    private static List<ClaimDraft.ClaimedYear> years(String... starts) {
        return ClaimDraft.years(List.of(starts).stream().map(LocalDate::parse).toList());
    }

    private static String square(double west, double size) {
        return square(west, size, 0);
    }

    /** A square of {@code size} degrees whose south-west corner is at (west, 40 + southOffset). */
    private static String square(double west, double size, double southOffset) {
        double south = 40 + southOffset;
        double east = west + size;
        double north = south + size;
        return "{\"type\":\"Polygon\",\"coordinates\":[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]}"
                .formatted(west, south, east, south, east, north, west, north, west, south);
    }
}
