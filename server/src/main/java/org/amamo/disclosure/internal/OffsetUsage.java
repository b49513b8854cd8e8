package org.amamo.disclosure.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.amamo.application.CertifiedProject;
import org.amamo.application.CertifiedProjects;
import org.amamo.programme.Programme;
import org.amamo.programme.ProgrammeRecords;
import org.amamo.programme.Programmes;
import org.amamo.registry.RetirementStatistics;
import org.springframework.stereotype.Service;

/**
 * Offset usage (seed 001's usage table, issue 7): credits retired per programme, fiscal year and purpose, and by the
 * ecosystem and prefecture of the project they came from; beside them, each programme's imported record of offsets
 * from before the system, marked as imported.
 *
 * <p>Rules: a live row's fiscal year is the Japanese fiscal year (April to March) of the retirement's date in
 * Asia/Tokyo ({@link RetirementStatistics}); its programme is the one whose serial prefix the batch carries. Its
 * ecosystem is the certified project's: the target plants' ecosystems for a removal project (joined with
 * {@code +} when there are several, since retired units cannot be split between them), the reduction methods for a
 * reduction project; {@code unknown} for credits issued by hand for a project the system did not certify. Imported
 * offsets have no purpose, project, ecosystem or prefecture (seed 001's table 1 gives only the yearly total).
 */
@Service
class OffsetUsage {

    /** Purposes in the order of seed 001's table, then {@link #UNSPECIFIED} for imported records. */
    static final List<String> PURPOSES = List.of("EVENT", "CORPORATE", "PRODUCT", "INDIVIDUAL", "OTHER");

    static final String UNSPECIFIED = "UNSPECIFIED";
    static final String UNKNOWN = "unknown";

    private final RetirementStatistics retirements;
    private final CertifiedProjects projects;
    private final Programmes programmes;
    private final ProgrammeRecords records;

    OffsetUsage(
            RetirementStatistics retirements,
            CertifiedProjects projects,
            Programmes programmes,
            ProgrammeRecords records) {
        this.retirements = retirements;
        this.projects = projects;
        this.programmes = programmes;
        this.records = records;
    }

    /**
     * One row of offset usage, as the CSV and the API give it.
     *
     * @param programme   programme code (JBC, YBC ...)
     * @param source      {@code system} (retired in this registry) or {@code imported} (earlier records)
     * @param purpose     {@code event}, {@code corporate}, {@code product}, {@code individual}, {@code other}; null
     *                    for imported records
     * @param creditType  {@code removal} or {@code reduction}; null for imported records
     * @param ecosystem   see the class comment; null for imported records
     * @param prefecture  the project's JIS prefecture code, {@code unknown}, or null for imported records
     * @param tonnes      t-CO2 (one decimal)
     */
    record Row(
            String programme,
            int fiscalYear,
            String source,
            String purpose,
            String creditType,
            String projectCode,
            String ecosystem,
            String prefecture,
            BigDecimal tonnes) {

        boolean imported() {
            return "imported".equals(source);
        }
    }

    /** One fiscal year's usage by purpose, live or imported (separate rows, as in the certification record). */
    record Year(int fiscalYear, boolean imported, Map<String, BigDecimal> byPurpose, BigDecimal total) {}

    /** The whole picture for one programme or for all. */
    record Summary(
            List<Year> years,
            List<String> purposes,
            Map<String, BigDecimal> byEcosystem,
            Map<String, BigDecimal> byPrefecture,
            BigDecimal liveTotal,
            BigDecimal importedTotal,
            List<UserYear> users) {

        /** The purposes the users are counted by (imported records give no users). */
        public List<String> userPurposes() {
            return PURPOSES;
        }
    }

    /**
     * Seed 001's users (活用者数) of one fiscal year. Live: distinct beneficiaries of the system's retirements, per
     * purpose and in all (a beneficiary who retired for two purposes counts in each, and once in the total). Imported:
     * the users the programme's history CSV gives for the year's offsets (summed over its offset rows that give them),
     * with no purposes.
     */
    record UserYear(int fiscalYear, boolean imported, Map<String, Integer> byPurpose, int total) {}

    /** The users per fiscal year of one programme (by code) or of all when {@code programmeCode} is null. */
    List<UserYear> users(String programmeCode) {
        Map<String, String> codeByPrefix = new HashMap<>();
        programmes.all().forEach(programme -> codeByPrefix.put(programme.serialPrefix(), programme.code()));
        Map<Integer, Map<String, java.util.Set<String>>> byYear = new TreeMap<>();
        Map<Integer, java.util.Set<String>> all = new TreeMap<>();
        for (RetirementStatistics.Beneficiary beneficiary : retirements.beneficiaries()) {
            String programme = codeByPrefix.getOrDefault(beneficiary.programmePrefix(), beneficiary.programmePrefix());
            if (programmeCode != null && !programmeCode.equals(programme)) {
                continue;
            }
            String user = user(beneficiary.beneficiary());
            byYear.computeIfAbsent(beneficiary.fiscalYear(), year -> new LinkedHashMap<>())
                    .computeIfAbsent(beneficiary.purpose(), purpose -> new java.util.HashSet<>())
                    .add(user);
            all.computeIfAbsent(beneficiary.fiscalYear(), year -> new java.util.HashSet<>())
                    .add(user);
        }
        List<UserYear> years = new ArrayList<>();
        byYear.forEach((year, purposes) -> {
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (String purpose : PURPOSES) {
                counts.put(
                        purpose,
                        purposes.getOrDefault(purpose, java.util.Set.of()).size());
            }
            years.add(new UserYear(year, false, counts, all.get(year).size()));
        });
        Map<Integer, Integer> imported = new TreeMap<>();
        for (Programme programme : programmes.all()) {
            if (programmeCode != null && !programmeCode.equals(programme.code())) {
                continue;
            }
            records.imported(programme.code()).stream()
                    .filter(record -> record.offset() && record.users() != null)
                    .forEach(record -> imported.merge(record.fiscalYear(), record.users(), Integer::sum));
        }
        imported.forEach((year, users) -> years.add(new UserYear(year, true, Map.of(), users)));
        years.sort(Comparator.comparingInt(UserYear::fiscalYear)
                .thenComparing(UserYear::imported, Comparator.reverseOrder()));
        return years;
    }

    /** A beneficiary's name as counted: NFKC-normalised, spaces collapsed and trimmed, lower case. */
    static String user(String beneficiary) {
        String normal =
                java.text.Normalizer.normalize(beneficiary == null ? "" : beneficiary, java.text.Normalizer.Form.NFKC);
        return normal.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** Every row, of one programme (by code) or of all when {@code programmeCode} is null. */
    List<Row> rows(String programmeCode) {
        Map<String, String> codeByPrefix = new HashMap<>();
        List<Programme> all = programmes.all();
        all.forEach(programme -> codeByPrefix.put(programme.serialPrefix(), programme.code()));
        Map<String, CertifiedProject> byProject = new HashMap<>();
        projects.all().forEach(project -> byProject.putIfAbsent(project.projectCode(), project));
        List<Row> rows = new ArrayList<>();
        for (RetirementStatistics.RetiredUnits group : retirements.retired()) {
            String programme = codeByPrefix.getOrDefault(group.programmePrefix(), group.programmePrefix());
            if (programmeCode != null && !programmeCode.equals(programme)) {
                continue;
            }
            CertifiedProject project = byProject.get(group.projectCode());
            rows.add(new Row(
                    programme,
                    group.fiscalYear(),
                    "system",
                    group.purpose().toLowerCase(Locale.ROOT),
                    group.creditType().name().toLowerCase(Locale.ROOT),
                    group.projectCode(),
                    ecosystem(project),
                    project == null || project.prefecture() == null ? UNKNOWN : project.prefecture(),
                    BigDecimal.valueOf(group.units(), 1)));
        }
        for (Programme programme : all) {
            if (programmeCode != null && !programmeCode.equals(programme.code())) {
                continue;
            }
            records.imported(programme.code()).stream()
                    .filter(ProgrammeRecords.ImportedRecord::offset)
                    .forEach(record -> rows.add(new Row(
                            programme.code(),
                            record.fiscalYear(),
                            "imported",
                            null,
                            null,
                            null,
                            null,
                            null,
                            record.tonnes())));
        }
        rows.sort(Comparator.comparingInt(Row::fiscalYear)
                .thenComparing(Row::programme)
                .thenComparing(Row::imported, Comparator.reverseOrder()));
        return rows;
    }

    /** Sums the rows by year and purpose, and the live rows by ecosystem and prefecture. */
    Summary summary(String programmeCode) {
        List<Row> rows = rows(programmeCode);
        Map<String, Map<String, BigDecimal>> years = new TreeMap<>();
        Map<String, BigDecimal> byEcosystem = new TreeMap<>();
        Map<String, BigDecimal> byPrefecture = new TreeMap<>();
        BigDecimal live = BigDecimal.ZERO;
        BigDecimal imported = BigDecimal.ZERO;
        for (Row row : rows) {
            String purpose = row.purpose() == null ? UNSPECIFIED : row.purpose().toUpperCase(Locale.ROOT);
            // Imported rows sort before live rows of the same year (":0" < ":1").
            String key = row.fiscalYear() + ":" + (row.imported() ? "0" : "1");
            years.computeIfAbsent(key, k -> new LinkedHashMap<>()).merge(purpose, row.tonnes(), BigDecimal::add);
            if (row.imported()) {
                imported = imported.add(row.tonnes());
            } else {
                live = live.add(row.tonnes());
                byEcosystem.merge(row.ecosystem(), row.tonnes(), BigDecimal::add);
                byPrefecture.merge(row.prefecture(), row.tonnes(), BigDecimal::add);
            }
        }
        List<Year> result = new ArrayList<>();
        years.forEach((key, byPurpose) -> result.add(new Year(
                Integer.parseInt(key.substring(0, key.indexOf(':'))),
                key.endsWith(":0"),
                byPurpose,
                byPurpose.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add))));
        boolean anyImported = result.stream().anyMatch(Year::imported);
        List<String> purposes = new ArrayList<>(PURPOSES);
        if (anyImported) {
            purposes.add(UNSPECIFIED);
        }
        return new Summary(result, purposes, byEcosystem, byPrefecture, live, imported, users(programmeCode));
    }

    static String ecosystem(CertifiedProject project) {
        if (project == null) {
            return UNKNOWN;
        }
        List<String> keys = "reduction".equals(project.creditType()) ? project.methods() : project.ecosystems();
        return keys.isEmpty() ? UNKNOWN : String.join("+", keys);
    }
}
