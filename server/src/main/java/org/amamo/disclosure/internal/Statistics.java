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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The certification record per fiscal year: the system's own certifications counted from the certified
 * projects, and the secretariat's imported records of earlier years, each row marked for what it is.
 */
@Service
class Statistics {

    private final CertifiedProjects projects;
    private final MarketPrices prices;
    private final JdbcClient jdbc;
    private final Clock clock;

    Statistics(CertifiedProjects projects, MarketPrices prices, JdbcClient jdbc, Clock clock) {
        this.projects = projects;
        this.prices = prices;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Every year, oldest first; an imported year and a counted year are separate rows. */
    @Transactional(readOnly = true)
    List<YearlyStatistic> yearly() {
        List<YearlyStatistic> rows = new ArrayList<>(imported());
        rows.addAll(counted());
        rows.sort(Comparator.comparingInt(YearlyStatistic::fiscalYear)
                .thenComparing(YearlyStatistic::imported, Comparator.reverseOrder()));
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
            BigDecimal tonnes = certified.stream()
                    .map(p -> BigDecimal.valueOf(p.certifiedUnits(), 1))
                    .reduce(BigDecimal.valueOf(0, 1), BigDecimal::add);
            BigDecimal hectares = certified.stream()
                    .map(CertifiedProject::siteAreaHectares)
                    .filter(java.util.Objects::nonNull)
                    .reduce(BigDecimal.ZERO, BigDecimal::add)
                    .setScale(1, RoundingMode.HALF_UP);
            Map<PriceSource, BigDecimal> price = priced.getOrDefault(year, Map.of());
            rows.add(new YearlyStatistic(
                    year,
                    certified.size(),
                    tonnes,
                    hectares,
                    price.get(PriceSource.ROUND),
                    false,
                    null,
                    price.get(PriceSource.REPORTED)));
        });
        return rows;
    }

    List<YearlyStatistic> imported() {
        return jdbc.sql("""
                SELECT fiscal_year, certified_sites, certified_tonnes, certified_hectares, average_price_jpy, note
                  FROM historical_statistic ORDER BY fiscal_year""")
                .query((row, n) -> new YearlyStatistic(
                        row.getInt(1),
                        row.getInt(2),
                        row.getBigDecimal(3),
                        row.getBigDecimal(4),
                        row.getBigDecimal(5),
                        true,
                        row.getString(6)))
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
                                                  average_price_jpy, note, source, entered_by, entered_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        form.getFiscalYear(),
                        form.getCertifiedSites(),
                        form.getCertifiedTonnes(),
                        form.getCertifiedHectares(),
                        form.getAveragePriceJpy(),
                        blankToNull(form.getNote()),
                        form.getSource().strip(),
                        secretariatId,
                        OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)))
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
