package org.amamo.claim;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What an application claims: its site and crediting years, and the reduction assets of each year.
 *
 * @param applicationId the application
 * @param projectId its project
 * @param projectName the project's name, as other claims' conflicts will name it
 * @param programmeCode its programme (JBC, YBC ...)
 * @param siteGeojson the site as GeoJSON, or null when the application has none (reductions may have none)
 * @param years the crediting years in the order of the calculation sheet
 * @param assets the reduction assets claimed
 */
public record ClaimDraft(
        long applicationId,
        long projectId,
        String projectName,
        String programmeCode,
        String siteGeojson,
        List<ClaimedYear> years,
        List<ClaimedAsset> assets) {

    public ClaimDraft {
        Objects.requireNonNull(projectName, "projectName");
        Objects.requireNonNull(programmeCode, "programmeCode");
        years = List.copyOf(years);
        assets = List.copyOf(assets);
    }

    /** The site's GeoJSON, or null when blank. */
    public String site() {
        return siteGeojson == null || siteGeojson.isBlank() ? null : siteGeojson;
    }

    /** The years with a start, in sheet order. */
    public static List<ClaimedYear> years(List<LocalDate> starts) {
        List<ClaimedYear> years = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            if (starts.get(i) != null) {
                years.add(new ClaimedYear(i, starts.get(i)));
            }
        }
        return years;
    }

    /**
     * One crediting year: its position in the sheet ({@code sheet.years[index]}) and its first day; it ends a
     * year later.
     */
    public record ClaimedYear(int index, LocalDate start) {

        public ClaimedYear {
            Objects.requireNonNull(start, "start");
        }

        public LocalDate endExclusive() {
            return start.plusYears(1);
        }

        public boolean overlaps(LocalDate otherStart) {
            return start.isBefore(otherStart.plusYears(1)) && otherStart.isBefore(endExclusive());
        }
    }

    /** A reduction asset claimed by a component of a crediting year ({@code sheet.years[y].components[c]}). */
    public record ClaimedAsset(int yearIndex, int componentIndex, String assetId) {

        public ClaimedAsset {
            Objects.requireNonNull(assetId, "assetId");
        }

        /** Asset identifiers compare without case and surrounding spaces. */
        public String key() {
            return assetId.strip().toUpperCase(java.util.Locale.ROOT);
        }
    }
}
