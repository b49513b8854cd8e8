package org.amamo.application.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The label a reader sees on the application form for each of its fields, so that a refused submission lists its
 * problems by the page's own words ("Initial holder 2 › Share (%)") rather than by field paths. Each field's path
 * is read segment by segment: a repeated row ({@code holders[1]}) is named with its number, from 1; a field is named
 * by the label key the form shows beside it. {@code FieldLabelsTest} checks the keys against the form's templates.
 */
final class FieldLabels {

    private FieldLabels() {}

    /** One part of a label: a message key and, for a repeated row, its number from 1 (else null). */
    record Part(String key, Integer number) {}

    /** Repeated rows, by their path with the indexes left out. */
    static final Map<String, String> ROWS = Map.ofEntries(
            Map.entry("jointApplicants", "application.label.joint"),
            Map.entry("plants", "application.label.plant"),
            Map.entry("holders", "application.label.holder"),
            Map.entry("sheet.years", "application.label.year"),
            Map.entry("sheet.years[].components", "application.label.component"),
            Map.entry("sheet.years[].vessels", "application.label.vessel"));

    /** Fields, by their path with the indexes left out. */
    static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("name", "application.field.name"),
            Map.entry("consultationId", "application.field.consultation"),
            Map.entry("programmeCode", "application.field.programme"),
            Map.entry("sheet.methodologyVersion", "application.field.methodology-version"),
            Map.entry("categories", "application.field.categories"),
            Map.entry("prefecture", "application.field.prefecture"),
            Map.entry("startDate", "application.field.start-date"),
            Map.entry("overview", "application.field.overview"),
            Map.entry("rolesDescription", "application.field.roles"),
            Map.entry("whyCredits", "application.field.why-credits"),
            Map.entry("extensionPlan", "application.field.extension-plan"),
            Map.entry("periodActivities", "application.field.period-activities"),
            Map.entry("areaBasis", "application.field.area-basis"),
            Map.entry("coefficientBasis", "application.field.coefficient-basis"),
            Map.entry("baselineRationale", "application.field.baseline-rationale"),
            Map.entry("jointApplicants[].name", "user.full-name"),
            Map.entry("jointApplicants[].organisation", "user.organisation-name"),
            Map.entry("jointApplicants[].title", "user.title"),
            Map.entry("jointApplicants[].address", "user.address"),
            Map.entry("jointApplicants[].corporateNumber", "user.corporate-number"),
            Map.entry("jointApplicants[].email", "application.field.registered-email"),
            Map.entry("siteGeojson", "application.field.site-geojson"),
            Map.entry("municipality", "quality.field.municipality"),
            Map.entry("holders[].email", "application.field.holder-email"),
            Map.entry("holders[].sharePercent", "application.field.share"),
            Map.entry("holders[].contribution", "application.field.contribution"),
            Map.entry("plants[].ecosystem", "application.field.ecosystem"),
            Map.entry("plants[].bedType", "application.field.bed-type"),
            Map.entry("plants[].species", "application.field.species"),
            Map.entry("plants[].formula", "application.field.formula"),
            Map.entry("sheet.type", "application.field.credit-type"),
            Map.entry("sheet.years[].start", "application.field.year-start"),
            Map.entry("sheet.years[].baselineT", "application.field.baseline"),
            Map.entry("sheet.years[].components[].id", "application.field.component-id"),
            Map.entry("sheet.years[].components[].method", "application.field.method"),
            Map.entry("sheet.years[].components[].ecosystem", "application.field.ecosystem"),
            Map.entry("sheet.years[].components[].areaHa", "application.field.area-ha"),
            Map.entry("sheet.years[].components[].coefficient", "application.field.coefficient"),
            Map.entry("sheet.years[].components[].biomassTww", "application.field.biomass"),
            Map.entry("sheet.years[].components[].ropeLengthM", "application.field.rope-length"),
            Map.entry("sheet.years[].components[].yieldKgWwPerM", "application.field.yield"),
            Map.entry("sheet.years[].components[].pb", "application.field.pb"),
            Map.entry("sheet.years[].components[].waterContent", "application.field.water-content"),
            Map.entry("sheet.years[].components[].carbonContent", "application.field.carbon-content"),
            Map.entry("sheet.years[].components[].residualRate", "application.field.residual-rate"),
            Map.entry("sheet.years[].components[].parameterSource", "application.field.parameter-source"),
            Map.entry("sheet.years[].components[].baselineElectricityKwh", "application.field.baseline-kwh"),
            Map.entry("sheet.years[].components[].projectElectricityKwh", "application.field.project-kwh"),
            Map.entry("sheet.years[].components[].gridFactorTCo2PerKwh", "application.field.grid-factor"),
            Map.entry("sheet.years[].components[].gridFactorSource", "application.field.grid-factor-source"),
            Map.entry("sheet.years[].components[].avoidedTonneKm", "application.field.avoided-tonne-km"),
            Map.entry("sheet.years[].components[].transportFactorTCo2PerTonneKm", "application.field.transport-factor"),
            Map.entry("sheet.years[].components[].transportFactorSource", "application.field.transport-factor-source"),
            Map.entry("sheet.years[].components[].baselineBasis", "application.field.baseline-basis"),
            Map.entry("sheet.years[].components[].assetId", "application.field.asset-id"),
            Map.entry("sheet.years[].components[].baselineFuel", "application.field.baseline-fuel"),
            Map.entry("sheet.years[].components[].baselineFuelLitres", "application.field.baseline-fuel-litres"),
            Map.entry("sheet.years[].components[].baselineFuelTonnes", "application.field.baseline-fuel-tonnes"),
            Map.entry("sheet.years[].components[].projectFuel", "application.field.project-fuel"),
            Map.entry("sheet.years[].components[].projectFuelLitres", "application.field.project-fuel-litres"),
            Map.entry("sheet.years[].components[].projectFuelTonnes", "application.field.project-fuel-tonnes"),
            Map.entry("sheet.years[].vessels[].kind", "application.field.vessel-kind"),
            Map.entry("sheet.years[].vessels[].fuel", "application.field.fuel"),
            Map.entry("sheet.years[].vessels[].fuelLitres", "application.field.fuel-litres"),
            Map.entry("sheet.years[].vessels[].count", "application.field.vessel-count"),
            Map.entry("sheet.years[].vessels[].hours", "application.field.hours"),
            Map.entry("sheet.years[].vessels[].ratedKw", "application.field.rated-kw"),
            Map.entry("sheet.years[].vessels[].fuelLitresPerKwh", "application.field.fuel-per-kwh"),
            Map.entry("quality.additionality", "quality.criterion.additionality"),
            Map.entry("quality.permanence", "quality.field.permanence"),
            Map.entry("quality.permanenceMonitoring", "quality.field.permanence-monitoring"),
            Map.entry("quality.sustainableDevelopment", "quality.criterion.sustainable-development"),
            Map.entry("quality.sdgs", "quality.field.sdgs"),
            Map.entry("quality.noDoubleCounting", "quality.criterion.no-double-counting"),
            Map.entry("quality.netZero", "quality.criterion.net-zero"));

    /**
     * Where a problem with a field is shown: the field's own element (its id as the form writes it, without the
     * brackets), or for a whole list of rows the section that holds them.
     */
    private static final Map<String, String> SECTIONS = Map.ofEntries(
            Map.entry("jointApplicants", "joint-applicants"),
            Map.entry("plants", "plants"),
            Map.entry("holders", "holders"),
            Map.entry("categories", "categories"),
            Map.entry("quality.sdgs", "quality-sdgs"),
            Map.entry("sheet.years", "co2-form"));

    /**
     * The parts of the field's label, outermost first: the numbered rows it lies in, then the field itself. A field
     * the form does not show (a path from elsewhere) is named by the rows it lies in, or not at all.
     */
    static List<Part> of(String field) {
        List<Part> parts = new ArrayList<>();
        StringBuilder path = new StringBuilder();
        for (String segment : field.split("\\.")) {
            int bracket = segment.indexOf('[');
            String name = bracket < 0 ? segment : segment.substring(0, bracket);
            if (!path.isEmpty()) {
                path.append('.');
            }
            path.append(name);
            Optional<Integer> index = bracket < 0 ? Optional.empty() : index(segment.substring(bracket));
            if (index.isPresent() && ROWS.containsKey(path.toString())) {
                parts.add(new Part(ROWS.get(path.toString()), index.get() + 1));
                path.append("[]");
            } else if (bracket >= 0) {
                path.append("[]");
            }
        }
        String key = FIELDS.getOrDefault(path.toString(), SurveyChecks.LABELS.get(path.toString()));
        if (key == null && ROWS.containsKey(path.toString())) {
            key = sectionKey(path.toString());
        }
        if (key != null) {
            parts.add(new Part(key, null));
        }
        return List.copyOf(parts);
    }

    /** The id of the element a link to the field's problem leads to. */
    static String anchor(String field) {
        String section = SECTIONS.get(field);
        if (section != null) {
            return section;
        }
        return field.replace("[", "").replace("]", "");
    }

    private static String sectionKey(String rows) {
        return SECTION_LABELS.get(rows);
    }

    /** A whole list of rows, named by the legend of its section. */
    private static final Map<String, String> SECTION_LABELS = Map.ofEntries(
            Map.entry("jointApplicants", "application.section.joint"),
            Map.entry("plants", "application.section.plants"),
            Map.entry("holders", "application.section.holders"),
            Map.entry("sheet.years", "application.section.co2"));

    private static Optional<Integer> index(String brackets) {
        if (!brackets.startsWith("[") || !brackets.endsWith("]")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(brackets.substring(1, brackets.length() - 1)));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }
}
