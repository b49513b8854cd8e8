package org.amamo.claim.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.amamo.claim.CertifiedBatchNames;
import org.amamo.claim.ClaimConflict;
import org.amamo.claim.ClaimDetermination;
import org.amamo.claim.ClaimDraft;
import org.amamo.claim.ClaimDraft.ClaimedAsset;
import org.amamo.claim.ClaimDraft.ClaimedYear;
import org.amamo.claim.ClaimRegister;
import org.amamo.claim.ClaimStatus;
import org.amamo.methodology.Verdict;
import org.amamo.methodology.geometry.GeoJsonSites;
import org.amamo.methodology.geometry.SiteBounds;
import org.amamo.methodology.geometry.SiteGeometry;
import org.amamo.methodology.geometry.SiteIntersection;
import org.amamo.platform.Outcome;
import org.amamo.platform.Refusal;
import org.amamo.platform.RefusalKind;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The double-issuance guard's rules over the claim tables (see the package description of the claim module). */
@Service
class ClaimService implements ClaimRegister {

    /** The longest reason a determination may give (the column's size). */
    static final int REASON_MAX = 2000;

    private final ClaimStore store;
    private final CertifiedBatchNames batches;
    private final Clock clock;

    ClaimService(ClaimStore store, CertifiedBatchNames batches, Clock clock) {
        this.store = store;
        this.batches = batches;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<ClaimConflict> conflicts(ClaimDraft draft) {
        if (draft.years().isEmpty()) {
            return List.of();
        }
        Map<Long, ClaimConflict> conflicts = new LinkedHashMap<>();
        Map<Long, ClaimDetermination> determinations = determinationsByOther(draft.applicationId());
        siteOf(draft).ifPresent(site -> {
            LocalDate start = firstDay(draft.years());
            LocalDate end = endExclusive(draft.years());
            for (StoredClaim other : store.nearby(draft.applicationId(), SiteBounds.of(site), start, end)) {
                siteConflict(draft, site, other, determinations.get(other.applicationId()))
                        .ifPresent(conflict -> conflicts.put(other.applicationId(), conflict));
            }
        });
        Set<String> keys = draft.assets().stream().map(ClaimedAsset::key).collect(Collectors.toSet());
        for (StoredClaim other : store.claimingAssets(keys, draft.applicationId())) {
            assetConflict(draft, other, determinations.get(other.applicationId()))
                    .ifPresent(byAsset -> conflicts.merge(other.applicationId(), byAsset, ClaimService::withAssets));
        }
        return List.copyOf(conflicts.values());
    }

    @Override
    @Transactional
    public Outcome<List<ClaimConflict>> submit(ClaimDraft draft, Instant submittedAt) {
        List<Refusal> refusals = new ArrayList<>(certifiedYears(draft));
        List<ClaimConflict> conflicts = draft.years().isEmpty() ? List.of() : conflicts(draft);
        refusals.addAll(assetRefusals(draft, conflicts));
        if (!refusals.isEmpty()) {
            return Outcome.refused(RefusalKind.CONFLICT, refusals);
        }
        if (draft.years().isEmpty()) {
            store.delete(draft.applicationId());
        } else {
            store.replace(draft, siteOf(draft).map(SiteBounds::of).orElse(null), ClaimStatus.UNDER_REVIEW, submittedAt);
        }
        return Outcome.done(conflicts);
    }

    @Override
    @Transactional
    public Outcome<Void> certify(long applicationId) {
        StoredClaim claim = store.find(applicationId).orElse(null);
        if (claim == null) {
            return Outcome.done();
        }
        List<Refusal> refusals = new ArrayList<>(certifiedYears(claim.draft()));
        for (ClaimConflict conflict : conflicts(claim.draft())) {
            if (conflict.blocksCertification(claim.submittedAt())) {
                refusals.add(unresolved(conflict));
            }
        }
        if (!refusals.isEmpty()) {
            return Outcome.refused(RefusalKind.CONFLICT, refusals);
        }
        store.markCertified(applicationId);
        return Outcome.done();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<LocalDate> certifiedUntil(long projectId) {
        return store.certifiedOfProject(projectId, -1).stream()
                .flatMap(claim -> claim.years().stream())
                .map(ClaimedYear::endExclusive)
                .max(LocalDate::compareTo);
    }

    @Override
    @Transactional
    public void release(long applicationId) {
        store.delete(applicationId);
    }

    @Override
    @Transactional(readOnly = true)
    public List<ClaimConflict> conflictsOf(long applicationId) {
        return store.find(applicationId).map(claim -> conflicts(claim.draft())).orElse(List.of());
    }

    @Override
    @Transactional
    public Outcome<ClaimDetermination> determine(
            long applicationId, long otherApplicationId, String reason, long decidedBy) {
        if (reason == null || reason.isBlank() || reason.strip().length() > REASON_MAX) {
            return Outcome.refused(RefusalKind.INVALID, Refusal.of("reason", "claim.determination.reason"));
        }
        StoredClaim claim = store.find(applicationId).orElse(null);
        StoredClaim other = store.find(otherApplicationId).orElse(null);
        if (claim == null || other == null) {
            return Outcome.refused(RefusalKind.NOT_FOUND, Refusal.of("$", "claim.determination.no-claim"));
        }
        Optional<ClaimConflict> conflict = conflicts(claim.draft()).stream()
                .filter(found -> found.otherApplicationId() == otherApplicationId)
                .findFirst();
        if (conflict.isEmpty()) {
            return Outcome.refused(RefusalKind.CONFLICT, Refusal.of("$", "claim.determination.no-conflict"));
        }
        if (conflict.get().resolved()) {
            return Outcome.refused(RefusalKind.CONFLICT, Refusal.of("$", "claim.determination.exists"));
        }
        boolean ordered = applicationId < otherApplicationId;
        return Outcome.done(store.insertDetermination(
                ordered ? claim : other, ordered ? other : claim, reason.strip(), decidedBy, clock.instant()));
    }

    @Override
    @Transactional(readOnly = true)
    public List<ClaimDetermination> determinationsOfProject(long projectId) {
        return store.determinationsOfProject(projectId);
    }

    @Override
    @Transactional(readOnly = true)
    public List<CertifiedConflict> certifiedConflicts() {
        List<CertifiedConflict> found = new ArrayList<>();
        for (StoredClaim claim : store.certified()) {
            for (ClaimConflict conflict : conflicts(claim.draft())) {
                if (conflict.otherStatus() == ClaimStatus.CERTIFIED
                        && conflict.otherApplicationId() > claim.applicationId()
                        && !conflict.sliver()
                        && !conflict.resolved()) {
                    found.add(new CertifiedConflict(
                            claim.applicationId(), claim.draft().projectName(), conflict));
                }
            }
        }
        return found;
    }

    // ---- the rules

    /** Years of the draft that its own project already has certified, refused at the year's field. */
    private List<Refusal> certifiedYears(ClaimDraft draft) {
        List<Refusal> refusals = new ArrayList<>();
        List<StoredClaim> certified = store.certifiedOfProject(draft.projectId(), draft.applicationId());
        for (ClaimedYear year : draft.years()) {
            for (StoredClaim other : certified) {
                Optional<ClaimedYear> same = other.years().stream()
                        .filter(otherYear -> year.overlaps(otherYear.start()))
                        .findFirst();
                if (same.isPresent()) {
                    refusals.add(Refusal.of(
                            "sheet.years[" + year.index() + "].start",
                            "claim.year.already-certified",
                            same.get().start().toString(),
                            batchName(other.applicationId())));
                    break;
                }
            }
        }
        return refusals;
    }

    /** The certified application's batch serial prefix, or the application's number while not yet issued. */
    private String batchName(long applicationId) {
        return batches.batchOf(applicationId).orElse("#" + applicationId);
    }

    private static List<Refusal> assetRefusals(ClaimDraft draft, List<ClaimConflict> conflicts) {
        List<Refusal> refusals = new ArrayList<>();
        for (ClaimConflict conflict : conflicts) {
            if (conflict.assetIds().isEmpty() || conflict.resolved()) {
                continue;
            }
            for (ClaimedAsset asset : draft.assets()) {
                if (conflict.assetIds().contains(asset.key())) {
                    refusals.add(Refusal.of(
                            "sheet.years[" + asset.yearIndex() + "].components[" + asset.componentIndex() + "].assetId",
                            "claim.asset.already-claimed",
                            asset.assetId(),
                            conflict.otherProjectName(),
                            conflict.otherApplicationId()));
                }
            }
        }
        return refusals;
    }

    private static Refusal unresolved(ClaimConflict conflict) {
        return conflict.assetIds().isEmpty()
                ? Refusal.of(
                        "$",
                        "claim.conflict.unresolved",
                        conflict.otherProjectName(),
                        conflict.otherApplicationId(),
                        conflict.overlapHectares()
                                .setScale(4, java.math.RoundingMode.HALF_UP)
                                .toPlainString())
                : Refusal.of(
                        "$",
                        "claim.conflict.unresolved-asset",
                        conflict.otherProjectName(),
                        conflict.otherApplicationId(),
                        String.join(", ", conflict.assetIds()));
    }

    private static Optional<ClaimConflict> siteConflict(
            ClaimDraft draft, SiteGeometry site, StoredClaim other, ClaimDetermination determination) {
        Overlapping years = overlapping(draft.years(), other.years());
        if (years.isEmpty()) {
            return Optional.empty();
        }
        Optional<SiteGeometry> otherSite = parse(other.draft().site());
        if (otherSite.isEmpty()) {
            return Optional.empty();
        }
        return SiteIntersection.of(site, otherSite.get())
                .map(shared -> conflict(
                        other,
                        years,
                        shared.hectares(),
                        GeoJsonSites.write(shared.common()),
                        List.of(),
                        determination));
    }

    private static Optional<ClaimConflict> assetConflict(
            ClaimDraft draft, StoredClaim other, ClaimDetermination determination) {
        Set<String> shared = new TreeSet<>();
        List<ClaimedYear> ownYears = new ArrayList<>();
        List<ClaimedYear> otherYears = new ArrayList<>();
        for (ClaimedAsset asset : draft.assets()) {
            for (ClaimedAsset otherAsset : other.assets()) {
                if (!asset.key().equals(otherAsset.key())) {
                    continue;
                }
                ClaimedYear year = yearAt(draft.years(), asset.yearIndex());
                ClaimedYear otherYear = yearAt(other.years(), otherAsset.yearIndex());
                if (year != null && otherYear != null && year.overlaps(otherYear.start())) {
                    shared.add(asset.key());
                    ownYears.add(year);
                    otherYears.add(otherYear);
                }
            }
        }
        if (shared.isEmpty()) {
            return Optional.empty();
        }
        Overlapping years = overlapping(ownYears, otherYears);
        return Optional.of(conflict(other, years, BigDecimal.ZERO, null, List.copyOf(shared), determination));
    }

    private static ClaimConflict withAssets(ClaimConflict bySite, ClaimConflict byAsset) {
        Set<Integer> years = new TreeSet<>(bySite.yearIndexes());
        years.addAll(byAsset.yearIndexes());
        Set<LocalDate> otherYears = new TreeSet<>(bySite.otherYearStarts());
        otherYears.addAll(byAsset.otherYearStarts());
        return new ClaimConflict(
                bySite.otherApplicationId(),
                bySite.otherProjectId(),
                bySite.otherProjectName(),
                bySite.otherProgrammeCode(),
                bySite.otherStatus(),
                bySite.otherSubmittedAt(),
                List.copyOf(years),
                List.copyOf(otherYears),
                bySite.overlapHectares(),
                bySite.intersectionGeojson(),
                byAsset.assetIds(),
                bySite.determination());
    }

    private static ClaimConflict conflict(
            StoredClaim other,
            Overlapping years,
            BigDecimal hectares,
            String intersection,
            List<String> assets,
            ClaimDetermination determination) {
        return new ClaimConflict(
                other.applicationId(),
                other.draft().projectId(),
                other.draft().projectName(),
                other.draft().programmeCode(),
                other.status(),
                other.submittedAt(),
                years.own(),
                years.other(),
                hectares,
                intersection,
                assets,
                Optional.ofNullable(determination));
    }

    /** The years of each side that overlap a year of the other side. */
    private record Overlapping(List<Integer> own, List<LocalDate> other) {

        boolean isEmpty() {
            return own.isEmpty();
        }
    }

    private static Overlapping overlapping(List<ClaimedYear> own, List<ClaimedYear> other) {
        Set<Integer> ownIndexes = new TreeSet<>();
        Set<LocalDate> otherStarts = new TreeSet<>();
        for (ClaimedYear year : own) {
            for (ClaimedYear otherYear : other) {
                if (year.overlaps(otherYear.start())) {
                    ownIndexes.add(year.index());
                    otherStarts.add(otherYear.start());
                }
            }
        }
        return new Overlapping(List.copyOf(ownIndexes), List.copyOf(otherStarts));
    }

    private static ClaimedYear yearAt(List<ClaimedYear> years, int index) {
        return years.stream().filter(year -> year.index() == index).findFirst().orElse(null);
    }

    private Map<Long, ClaimDetermination> determinationsByOther(long applicationId) {
        Map<Long, ClaimDetermination> byOther = new LinkedHashMap<>();
        for (ClaimDetermination determination : store.determinationsOf(applicationId)) {
            byOther.putIfAbsent(determination.otherThan(applicationId), determination);
        }
        return byOther;
    }

    private static Optional<SiteGeometry> siteOf(ClaimDraft draft) {
        return parse(draft.site());
    }

    /** A stored or submitted site that does not parse has been refused elsewhere; it claims no area here. */
    private static Optional<SiteGeometry> parse(String geojson) {
        if (geojson == null) {
            return Optional.empty();
        }
        return GeoJsonSites.parse(geojson) instanceof Verdict.Accepted<SiteGeometry> accepted
                ? Optional.of(accepted.value())
                : Optional.empty();
    }

    private static LocalDate firstDay(List<ClaimedYear> years) {
        return years.stream().map(ClaimedYear::start).min(LocalDate::compareTo).orElseThrow();
    }

    private static LocalDate endExclusive(List<ClaimedYear> years) {
        return years.stream()
                .map(ClaimedYear::endExclusive)
                .max(LocalDate::compareTo)
                .orElseThrow();
    }
}
