package org.amamo.application.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.amamo.application.ApplicationStatus;
import org.amamo.application.UncertaintyBands;
import org.amamo.methodology.Verdict;
import org.amamo.methodology.calculation.AreaComponent;
import org.amamo.methodology.calculation.CalculationSheet;
import org.amamo.methodology.calculation.Component;
import org.amamo.methodology.calculation.CreditingYear;
import org.amamo.methodology.calculation.SheetJson;
import org.amamo.methodology.table.Coefficient;
import org.amamo.methodology.table.MethodologyTable;
import org.amamo.methodology.table.MethodologyTables;
import org.amamo.methodology.uncertainty.UncertaintyBand;
import org.amamo.methodology.uncertainty.UncertaintyEstimator;
import org.amamo.methodology.uncertainty.UncertaintySettings;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The informative uncertainty band of a certified calculation sheet (issue 22, item 6): the Monte Carlo percentiles
 * of the net, drawn from the uncertainties the frozen sheet states and from the ranges its methodology version
 * publishes for its default coefficients. It runs with the methodology's default samples and seed, so the
 * methodology CLI's {@code uncertainty} command on the frozen sheet gives the same figures. A certified sheet never
 * changes, so each band is computed once, when first asked for, and stored (table {@code certified_band}).
 */
@Service
class CertifiedUncertainty implements UncertaintyBands {

    private final ApplicationRepository applications;
    private final JdbcClient jdbc;
    private final TransactionTemplate separately;
    private final Clock clock;

    CertifiedUncertainty(
            ApplicationRepository applications, JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.applications = applications;
        this.jdbc = jdbc;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /**
     * The band of a certified application, with the published ranges its sheet used; empty when it is not
     * certified or was certified before its sheet's inputs were frozen.
     */
    Optional<CertifiedBand> of(StoredApplication application) {
        return certifiedSheet(application)
                .flatMap(sheet -> stored(application.id())
                        .or(() -> drawAndStore(application.id(), sheet))
                        .map(band -> CertifiedBand.of(band, sheet)));
    }

    @Override
    public Map<Long, Band> of(Collection<Long> applicationIds) {
        Map<Long, Band> bands = new HashMap<>();
        for (Long id : applicationIds) {
            stored(id)
                    .or(() -> applications
                            .find(id)
                            .flatMap(this::certifiedSheet)
                            .flatMap(sheet -> drawAndStore(id, sheet)))
                    .ifPresent(band -> bands.put(id, band.figures()));
        }
        return bands;
    }

    /** The frozen sheet of a certified application; empty if not certified or certified before sheets were frozen. */
    private Optional<CalculationSheet> certifiedSheet(StoredApplication application) {
        return application.status() == ApplicationStatus.CERTIFIED
                ? sheet(applications.certifiedSheet(application.id()))
                : Optional.empty();
    }

    /** A band as stored: how it was drawn, and its figures. */
    record StoredBand(Drawing drawing, Band figures) {}

    /** How a stored band was drawn. */
    record Drawing(String methodologyVersion, int samples, long seed, int uncertainInputs, int tableRangeInputs) {}

    private Optional<StoredBand> stored(long applicationId) {
        return jdbc.sql("""
                        SELECT methodology_version, samples, seed, uncertain_inputs, table_range_inputs,
                               net_p5_t, net_p50_t, net_p95_t
                          FROM certified_band WHERE application_id = ?""")
                .param(applicationId)
                .query((row, n) -> new StoredBand(
                        new Drawing(
                                row.getString("methodology_version"),
                                row.getInt("samples"),
                                row.getLong("seed"),
                                row.getInt("uncertain_inputs"),
                                row.getInt("table_range_inputs")),
                        new Band(
                                row.getInt("uncertain_inputs") > 0,
                                row.getBigDecimal("net_p5_t"),
                                row.getBigDecimal("net_p50_t"),
                                row.getBigDecimal("net_p95_t"))))
                .optional();
    }

    /**
     * Draws the band of a certified application's frozen sheet and stores it in a transaction of its own, so that a
     * read-only page can store it too; when another request stored it first, that one stands (the same sheet,
     * samples and seed give the same band).
     */
    private Optional<StoredBand> drawAndStore(long applicationId, CalculationSheet sheet) {
        if (!(UncertaintyEstimator.standard().estimate(sheet, UncertaintySettings.defaults())
                instanceof Verdict.Accepted<UncertaintyBand> accepted)) {
            return Optional.empty();
        }
        UncertaintyBand band = accepted.value();
        StoredBand drawn = new StoredBand(
                new Drawing(
                        sheet.methodologyVersion(),
                        band.samples(),
                        band.seed(),
                        band.uncertainInputs(),
                        band.tableRangeInputs()),
                new Band(
                        band.uncertainInputs() > 0,
                        band.netTonnesCo2().p5(),
                        band.netTonnesCo2().p50(),
                        band.netTonnesCo2().p95()));
        try {
            separately.executeWithoutResult(status -> jdbc.sql("""
                            INSERT INTO certified_band (application_id, methodology_version, samples, seed,
                                   uncertain_inputs, table_range_inputs, net_p5_t, net_p50_t, net_p95_t, computed_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            applicationId,
                            drawn.drawing().methodologyVersion(),
                            drawn.drawing().samples(),
                            drawn.drawing().seed(),
                            drawn.drawing().uncertainInputs(),
                            drawn.drawing().tableRangeInputs(),
                            drawn.figures().netP5T(),
                            drawn.figures().netP50T(),
                            drawn.figures().netP95T(),
                            java.sql.Timestamp.from(clock.instant()))
                    .update());
        } catch (DuplicateKeyException storedByAnotherRequest) {
            // the same sheet, samples and seed give the same band
        }
        return Optional.of(drawn);
    }

    private static Optional<CalculationSheet> sheet(String frozenSheet) {
        if (frozenSheet == null) {
            return Optional.empty();
        }
        Verdict<CalculationSheet> sheet = SheetJson.read(frozenSheet);
        return sheet instanceof Verdict.Accepted<CalculationSheet> accepted
                ? Optional.of(accepted.value())
                : Optional.empty();
    }

    /**
     * The band as the project page and the API show it.
     *
     * @param methodologyVersion the version the sheet was certified under
     * @param samples            Monte Carlo draws
     * @param seed               the seed, so that anyone can draw the same band
     * @param uncertainInputs    inputs drawn: stated in the sheet or from the table's ranges; 0 means no band
     * @param tableRangeInputs   of those, default coefficients drawn from their published range
     * @param netP5T             5th percentile of the net, t-CO2 (0.0001 t)
     * @param netP50T            median of the net, t-CO2
     * @param netP95T            95th percentile of the net, t-CO2
     * @param ranges             the published ranges of the default coefficients the sheet uses
     */
    record CertifiedBand(
            String methodologyVersion,
            int samples,
            long seed,
            int uncertainInputs,
            int tableRangeInputs,
            BigDecimal netP5T,
            BigDecimal netP50T,
            BigDecimal netP95T,
            List<CoefficientRangeUsed> ranges) {

        static CertifiedBand of(StoredBand stored, CalculationSheet sheet) {
            Drawing drawing = stored.drawing();
            Band band = stored.figures();
            return new CertifiedBand(
                    drawing.methodologyVersion(),
                    drawing.samples(),
                    drawing.seed(),
                    drawing.uncertainInputs(),
                    drawing.tableRangeInputs(),
                    band.netP5T(),
                    band.netP50T(),
                    band.netP95T(),
                    rangesUsed(sheet));
        }

        /** Whether any input was uncertain; otherwise every draw is the certified figure. */
        public boolean drawn() {
            return uncertainInputs > 0;
        }

        /** The figures to 0.1 t-CO2 for the page: 5th, 50th and 95th percentile. */
        public List<String> shownT() {
            return List.of(tenth(netP5T), tenth(netP50T), tenth(netP95T));
        }

        private static String tenth(BigDecimal value) {
            return value.setScale(1, RoundingMode.HALF_EVEN).toPlainString();
        }

        private static List<CoefficientRangeUsed> rangesUsed(CalculationSheet sheet) {
            MethodologyTable table = MethodologyTables.standard()
                    .find(sheet.methodologyVersion())
                    .orElseThrow();
            List<CoefficientRangeUsed> used = new ArrayList<>();
            for (CreditingYear year : sheet.years()) {
                for (Component component : year.components()) {
                    if (component instanceof AreaComponent area && area.ownCoefficient() == null) {
                        table.coefficient(area.ecosystem())
                                .filter(c -> c.range() != null)
                                .map(CoefficientRangeUsed::of)
                                .filter(range -> !used.contains(range))
                                .ifPresent(used::add);
                    }
                }
            }
            return used;
        }
    }

    /**
     * A default coefficient with its published range (low and high null when its source publishes none).
     *
     * @param ecosystem   ecosystem key
     * @param coefficient t-CO2/ha/yr
     * @param low         lower end, or null
     * @param high        upper end, or null
     * @param source      where the range comes from, or why there is none
     */
    record CoefficientRangeUsed(
            String ecosystem, BigDecimal coefficient, BigDecimal low, BigDecimal high, String source) {

        static CoefficientRangeUsed of(Coefficient coefficient) {
            return new CoefficientRangeUsed(
                    coefficient.ecosystem(),
                    coefficient.tonnesCo2PerHectarePerYear(),
                    coefficient.range().low(),
                    coefficient.range().high(),
                    coefficient.range().source());
        }
    }
}
