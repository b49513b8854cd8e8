package org.amamo.application.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.amamo.application.ApplicationStatus;
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
import org.springframework.stereotype.Service;

/**
 * The informative uncertainty band of a certified calculation sheet (issue 22, item 6): the Monte Carlo percentiles
 * of the net, drawn from the uncertainties the frozen sheet states and from the ranges its methodology version
 * publishes for its default coefficients. It runs with the methodology's default samples and seed, so the
 * methodology CLI's {@code uncertainty} command on the frozen sheet gives the same figures. A certified sheet never
 * changes, so each band is computed once and kept; there is one entry per certified project.
 */
@Service
class CertifiedUncertainty {

    private final ApplicationRepository applications;
    private final Map<Long, Optional<CertifiedBand>> bands = new ConcurrentHashMap<>();

    CertifiedUncertainty(ApplicationRepository applications) {
        this.applications = applications;
    }

    /**
     * The band of a certified application; empty when it is not certified or was certified before its sheet's inputs
     * were frozen.
     */
    Optional<CertifiedBand> of(StoredApplication application) {
        if (application.status() != ApplicationStatus.CERTIFIED) {
            return Optional.empty();
        }
        return bands.computeIfAbsent(application.id(), id -> compute(applications.certifiedSheet(id)));
    }

    static Optional<CertifiedBand> compute(String frozenSheet) {
        if (frozenSheet == null) {
            return Optional.empty();
        }
        Verdict<CalculationSheet> sheet = SheetJson.read(frozenSheet);
        if (!(sheet instanceof Verdict.Accepted<CalculationSheet> accepted)) {
            return Optional.empty();
        }
        Verdict<UncertaintyBand> band =
                UncertaintyEstimator.standard().estimate(accepted.value(), UncertaintySettings.defaults());
        if (!(band instanceof Verdict.Accepted<UncertaintyBand> drawn)) {
            return Optional.empty();
        }
        return Optional.of(CertifiedBand.of(drawn.value(), accepted.value()));
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

        static CertifiedBand of(UncertaintyBand band, CalculationSheet sheet) {
            return new CertifiedBand(
                    sheet.methodologyVersion(),
                    band.samples(),
                    band.seed(),
                    band.uncertainInputs(),
                    band.tableRangeInputs(),
                    band.netTonnesCo2().p5(),
                    band.netTonnesCo2().p50(),
                    band.netTonnesCo2().p95(),
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
