package org.amamo.disclosure.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.amamo.application.CertifiedProject;
import org.amamo.application.CertifiedProjects;
import org.amamo.market.MarketPrices;
import org.amamo.market.PriceSource;
import org.amamo.market.PriceStatistic;
import org.amamo.platform.Outcome;
import org.amamo.platform.Refusal;
import org.amamo.platform.RefusalKind;
import org.amamo.programme.Programme;
import org.amamo.programme.ProgrammeRecords;
import org.amamo.programme.Programmes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The certification record per fiscal year: the system's own certifications counted from the certified
 * projects, the secretariat's imported records of earlier years, and the certifications in each programme's
 * imported history, each row marked for what it is and split into removals and reductions where the record says.
 */
@Service
class Statistics {

    private final CertifiedProjects projects;
    private final MarketPrices prices;
    private final Programmes programmes;
    private final ProgrammeRecords records;
    private final JdbcClient jdbc;
    private final Clock clock;

    Statistics(
            CertifiedProjects projects,
            MarketPrices prices,
            Programmes programmes,
            ProgrammeRecords records,
            JdbcClient jdbc,
            Clock clock) {
        this.projects = projects;
        this.prices = prices;
        this.programmes = programmes;
        this.records = records;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Every year, oldest first; an imported year and a counted year are separate rows. */
    @Transactional(readOnly = true)
    List<YearlyStatistic> yearly() {
        List<YearlyStatistic> rows = new ArrayList<>(imported());
        rows.addAll(programmeHistory());
        rows.addAll(counted());
        rows.sort(Comparator.comparingInt(YearlyStatistic::fiscalYear)
                .thenComparing(YearlyStatistic::imported, Comparator.reverseOrder())
                .thenComparing(row -> row.programmeCode() == null ? "" : row.programmeCode()));
        return rows;
    }

    /** One row per programme and fiscal year of the certifications in the programmes' imported history CSVs. */
    private List<YearlyStatistic> programmeHistory() {
        List<YearlyStatistic> rows = new ArrayList<>();
        for (Programme programme : programmes.all()) {
            Map<Integer, BigDecimal[]> byYear = new TreeMap<>();
            for (ProgrammeRecords.ImportedRecord record : records.imported(programme.code())) {
                if (record.offset()) {
                    continue;
                }
                BigDecimal[] split = byYear.computeIfAbsent(record.fiscalYear(), year ->
                        new BigDecimal[] {BigDecimal.valueOf(0, 1), BigDecimal.valueOf(0, 1)});
                int slot = "REDUCTION".equals(record.creditType()) ? 1 : 0;
                split[slot] = split[slot].add(record.tonnes());
            }
            byYear.forEach((year, split) -> rows.add(new YearlyStatistic(
                    year,
                    null,
                    split[0].add(split[1]),
                    null,
                    null,
                    true,
                    null,
                    null,
                    split[0],
                    split[1],
                    programme.code(),
                    null,
                    null)));
        }
        return rows;
    }

    private List<YearlyStatistic> counted() {
        Map<Integer, List<CertifiedProject>> byYear = new TreeMap<>();
        for (CertifiedProject project : projects.all()) {
            byYear.computeIfAbsent(project.certifiedFiscalYear(), year -> new ArrayList<>())
                    .add(project);
        }
        // A year with trades but no certification still gets a row, so that its prices are not lost.
        Map<Integer, Map<PriceSource, BigDecimal>> priced = new TreeMap<>();
        for (PriceStatistic price : prices.byFiscalYear()) {
            priced.computeIfAbsent(price.fiscalYear(), year -> new java.util.EnumMap<>(PriceSource.class))
                    .put(price.source(), price.averagePriceJpy());
            byYear.computeIfAbsent(price.fiscalYear(), year -> new ArrayList<>());
        }
        List<YearlyStatistic> rows = new ArrayList<>();
        byYear.forEach((year, certified) -> {
            BigDecimal removals = tonnes(certified, "removal");
            BigDecimal reductions = tonnes(certified, "reduction");
            BigDecimal hectares = certified.stream()
                    .map(CertifiedProject::siteAreaHectares)
                    .filter(java.util.Objects::nonNull)
                    .reduce(BigDecimal.ZERO, BigDecimal::add)
                    .setScale(1, RoundingMode.HALF_UP);
            Map<PriceSource, BigDecimal> price = priced.getOrDefault(year, Map.of());
            rows.add(new YearlyStatistic(
                    year,
                    certified.size(),
                    removals.add(reductions),
                    hectares,
                    price.get(PriceSource.ROUND),
                    false,
                    null,
                    price.get(PriceSource.REPORTED),
                    removals,
                    reductions,
                    null,
                    null,
                    price.get(PriceSource.EXCHANGE)));
        });
        return rows;
    }

    /**
     * The t-CO2 certified of one credit type; a project whose type is not {@code reduction} counts as a removal,
     * as the methodology library reads a sheet.
     */
    private static BigDecimal tonnes(List<CertifiedProject> certified, String creditType) {
        return certified.stream()
                .filter(p -> creditType.equals("reduction") == "reduction".equals(p.creditType()))
                .map(p -> BigDecimal.valueOf(p.certifiedUnits(), 1))
                .reduce(BigDecimal.valueOf(0, 1), BigDecimal::add);
    }

    List<YearlyStatistic> imported() {
        return jdbc.sql("""
                SELECT fiscal_year, certified_sites, certified_tonnes, certified_hectares, average_price_jpy, note,
                       note_en
                  FROM historical_statistic ORDER BY fiscal_year""")
                .query((row, n) -> YearlyStatistic.enteredTotal(
                        row.getInt(1),
                        row.getInt(2),
                        row.getBigDecimal(3),
                        row.getBigDecimal(4),
                        row.getBigDecimal(5),
                        row.getString(6),
                        row.getString(7)))
                .list();
    }

    /** Records a year from before the system; one record per year, so a year recorded already is a conflict. */
    @Transactional
    Outcome<Void> importYear(HistoryForm form, long secretariatId) {
        boolean taken = jdbc.sql("SELECT COUNT(*) FROM historical_statistic WHERE fiscal_year = ?")
                        .param(form.getFiscalYear())
                        .query(Long.class)
                        .single()
                > 0;
        if (taken) {
            return Outcome.refused(
                    RefusalKind.CONFLICT, Refusal.of("fiscalYear", "history.year.taken", form.getFiscalYear()));
        }
        jdbc.sql("""
                INSERT INTO historical_statistic (fiscal_year, certified_sites, certified_tonnes, certified_hectares,
                                                  average_price_jpy, note, source, entered_by, entered_at,
                                                  note_en)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        form.getFiscalYear(),
                        form.getCertifiedSites(),
                        form.getCertifiedTonnes(),
                        form.getCertifiedHectares(),
                        form.getAveragePriceJpy(),
                        blankToNull(form.getNote()),
                        form.getSource().strip(),
                        secretariatId,
                        OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)),
                        blankToNull(form.getNoteEn()))
                .update();
        return Outcome.done();
    }

    /** Deletes a year's record; refused as not found when there is none. */
    @Transactional
    Outcome<Void> deleteYear(int fiscalYear) {
        boolean deleted = jdbc.sql("DELETE FROM historical_statistic WHERE fiscal_year = ?")
                        .param(fiscalYear)
                        .update()
                == 1;
        return deleted ? Outcome.done() : Outcome.refused(RefusalKind.NOT_FOUND, Refusal.of("$", "history.not-found"));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
