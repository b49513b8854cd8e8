package org.amamo.application.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.amamo.methodology.Verdict;
import org.amamo.methodology.geometry.GeoJsonSites;
import org.amamo.methodology.geometry.Overlap;
import org.amamo.methodology.geometry.OverlapIndex;
import org.amamo.methodology.geometry.Site;
import org.amamo.methodology.geometry.SiteGeometry;
import org.springframework.stereotype.Component;

/**
 * Double counting (seed 002, CCP checklist): a site that overlaps another project's site for an
 * overlapping crediting year is flagged to the secretariat, with the overlap in hectares.
 */
@Component
class SiteChecks {

    private final ApplicationRepository applications;

    SiteChecks(ApplicationRepository applications) {
        this.applications = applications;
    }

    /** Another application whose site overlaps this one in space and time. */
    record SiteOverlap(long applicationId, String name, java.math.BigDecimal overlapHectares) {}

    List<SiteOverlap> overlaps(StoredApplication application, ApplicationForm form) {
        if (form.getSiteGeojson() == null || form.getSiteGeojson().isBlank()) {
            return List.of();
        }
        Verdict<SiteGeometry> site = GeoJsonSites.parse(form.getSiteGeojson());
        if (!(site instanceof Verdict.Accepted<SiteGeometry> accepted)) {
            return List.of();
        }
        Period period = Period.of(form.getSheet());
        List<Site> candidates = new ArrayList<>();
        List<ApplicationRepository.OtherSite> others = applications.otherSites(application.projectId());
        for (ApplicationRepository.OtherSite other : others) {
            if (!period.overlaps(Period.of(applications.readSheet(other.sheetJson())))) {
                continue;
            }
            Verdict<SiteGeometry> geometry = GeoJsonSites.parse(other.siteGeojson());
            if (geometry instanceof Verdict.Accepted<SiteGeometry> otherSite) {
                candidates.add(new Site(Long.toString(other.applicationId()), otherSite.value()));
            }
        }
        List<SiteOverlap> overlaps = new ArrayList<>();
        for (Overlap overlap : OverlapIndex.of(candidates).overlapsWith(accepted.value())) {
            long otherId = Long.parseLong(overlap.siteId());
            String name = others.stream()
                    .filter(other -> other.applicationId() == otherId)
                    .findFirst()
                    .map(ApplicationRepository.OtherSite::name)
                    .orElse("");
            overlaps.add(new SiteOverlap(otherId, name, overlap.overlapHectares()));
        }
        return overlaps;
    }

    /** The span of a sheet's crediting years; an empty sheet spans nothing and overlaps everything. */
    record Period(LocalDate start, LocalDate endExclusive) {

        static Period of(SheetForm sheet) {
            List<SheetForm.YearForm> years = sheet.getYears().stream()
                    .filter(year -> year.getStart() != null)
                    .toList();
            if (years.isEmpty()) {
                return new Period(null, null);
            }
            LocalDate first = years.stream()
                    .map(SheetForm.YearForm::getStart)
                    .min(LocalDate::compareTo)
                    .orElseThrow();
            LocalDate last = years.stream()
                    .map(SheetForm.YearForm::getStart)
                    .max(LocalDate::compareTo)
                    .orElseThrow();
            return new Period(first, last.plusYears(1));
        }

        boolean overlaps(Period other) {
            if (start == null || other.start == null) {
                return true;
            }
            return start.isBefore(other.endExclusive) && other.start.isBefore(endExclusive);
        }
    }
}
