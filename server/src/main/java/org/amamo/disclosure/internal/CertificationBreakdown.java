package org.amamo.disclosure.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.amamo.application.CertifiedProject;
import org.amamo.application.CertifiedProjects;
import org.amamo.application.ImplementerType;
import org.amamo.application.ProjectSurvey;
import org.amamo.application.SurveyMethod;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The projects certified in this system broken down as seed 002 reports its record: t-CO2 certified and hectares by
 * ecosystem, by prefecture, by implementer type, by survey method and by the coefficients' basis type.
 *
 * <p>Rules: each certification (one application) counts once per table with its certified units and its site's area
 * (hectares summed, then rounded to one decimal). A project with several ecosystems counts in the row of their
 * combination (joined with {@code +}, as offset usage does); a reduction project in the row of its reduction methods.
 * By survey method and by basis type, only removal projects count, each in the row of every method (basis) its area
 * components recorded, so those rows may add up to more than the total. What an application did not record (made
 * before the survey record, or never stated) counts as {@code unknown}.
 */
@Service
class CertificationBreakdown {

    static final String UNKNOWN = "unknown";

    /** The tables, by the name their CSV carries ({@code /statistics/certified/{name}.csv}). */
    static final List<String> TABLES =
            List.of("ecosystem", "prefecture", "implementer-type", "survey-method", "coefficient-basis");

    private final CertifiedProjects projects;

    CertificationBreakdown(CertifiedProjects projects) {
        this.projects = projects;
    }

    /**
     * One row of a table.
     *
     * @param group    the ecosystem (or {@code +}-joined ecosystems), JIS prefecture code, ImplementerType name,
     *                 SurveyMethod name, CoefficientBasisType name, or {@code unknown}
     * @param projects how many certifications count in the row
     * @param tonnes   t-CO2 certified, one decimal
     * @param hectares the sites' area, one decimal
     */
    record Group(String group, int projects, BigDecimal tonnes, BigDecimal hectares) {}

    /** Every table, by the name of {@link #TABLES}. */
    record Tables(
            List<Group> ecosystem,
            List<Group> prefecture,
            List<Group> implementerType,
            List<Group> surveyMethod,
            List<Group> coefficientBasis) {

        public List<Group> table(String name) {
            return switch (name) {
                case "ecosystem" -> ecosystem;
                case "prefecture" -> prefecture;
                case "implementer-type" -> implementerType;
                case "survey-method" -> surveyMethod;
                case "coefficient-basis" -> coefficientBasis;
                default -> throw new IllegalArgumentException(name);
            };
        }
    }

    @Transactional(readOnly = true)
    Tables tables() {
        List<CertifiedProject> certified = projects.all();
        Map<Long, ProjectSurvey> surveys = projects.surveys();
        Function<CertifiedProject, ProjectSurvey> survey = project -> surveys.getOrDefault(
                project.applicationId(), new ProjectSurvey(project.applicationId(), null, List.of(), null, List.of()));
        List<CertifiedProject> removals = certified.stream()
                .filter(project -> !"reduction".equals(project.creditType()))
                .toList();
        return new Tables(
                sum(certified, project -> List.of(OffsetUsage.ecosystem(project)), Comparator.naturalOrder()),
                sum(
                        certified,
                        project -> List.of(project.prefecture() == null ? UNKNOWN : project.prefecture()),
                        Comparator.naturalOrder()),
                sum(
                        certified,
                        project -> {
                            ImplementerType type = survey.apply(project).implementerType();
                            return List.of(type == null ? UNKNOWN : type.name());
                        },
                        enumOrder(ImplementerType.values())),
                sum(
                        removals,
                        project -> names(survey.apply(project).surveyMethods()),
                        enumOrder(SurveyMethod.values())),
                sum(
                        removals,
                        project -> names(survey.apply(project).coefficientBases()),
                        enumOrder(org.amamo.application.CoefficientBasisType.values())));
    }

    private static List<String> names(List<? extends Enum<?>> values) {
        return values.isEmpty()
                ? List.of(UNKNOWN)
                : values.stream().map(Enum::name).toList();
    }

    /** Orders groups as the enum declares them, {@code unknown} last. */
    private static Comparator<String> enumOrder(Enum<?>[] values) {
        List<String> order = java.util.Arrays.stream(values).map(Enum::name).toList();
        return Comparator.comparingInt(name -> order.contains(name) ? order.indexOf(name) : order.size());
    }

    private static List<Group> sum(
            List<CertifiedProject> certified,
            Function<CertifiedProject, List<String>> groups,
            Comparator<String> order) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, BigDecimal> hectares = new LinkedHashMap<>();
        for (CertifiedProject project : certified) {
            for (String group : groups.apply(project)) {
                long[] count = counts.computeIfAbsent(group, g -> new long[2]);
                count[0]++;
                count[1] += project.certifiedUnits();
                if (project.siteAreaHectares() != null) {
                    hectares.merge(group, project.siteAreaHectares(), BigDecimal::add);
                }
            }
        }
        Comparator<String> unknownLast =
                Comparator.comparing((String group) -> UNKNOWN.equals(group)).thenComparing(order);
        List<Group> rows = new ArrayList<>();
        counts.keySet().stream()
                .sorted(unknownLast)
                .forEach(group -> rows.add(new Group(
                        group,
                        (int) counts.get(group)[0],
                        BigDecimal.valueOf(counts.get(group)[1], 1),
                        hectares.getOrDefault(group, BigDecimal.ZERO).setScale(1, RoundingMode.HALF_UP))));
        return rows;
    }
}
