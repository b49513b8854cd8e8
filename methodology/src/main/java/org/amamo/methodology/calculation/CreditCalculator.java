package org.amamo.methodology.calculation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.amamo.methodology.CreditType;
import org.amamo.methodology.FieldError;
import org.amamo.methodology.Verdict;
import org.amamo.methodology.Warning;
import org.amamo.methodology.table.MethodologyTable;
import org.amamo.methodology.table.MethodologyTables;

/**
 * Validates and calculates calculation sheets. Removal sheets: per component uptake x certainty, per year
 * net = gross - baseline - vessel emissions. Reduction sheets: per component baseline - project emissions
 * (a reduction times its certainty), per year the sum or 0 when it is at or below zero. Either way the
 * credit is the sum of the years' nets, rounded down once to 0.1 t-CO2 and never negative. Thread-safe and
 * stateless apart from the tables.
 */
public final class CreditCalculator {

    /** Scale of the certified credit: one decimal, i.e. 0.1 t-CO2. */
    public static final int CREDIT_SCALE = 1;

    private static final CreditCalculator STANDARD = new CreditCalculator(MethodologyTables.standard());

    private final MethodologyTables tables;
    private final SheetValidator validator;

    /**
     * A calculator over the given tables.
     *
     * @param tables the published methodology versions
     */
    public CreditCalculator(MethodologyTables tables) {
        this.tables = tables;
        this.validator = new SheetValidator(tables);
    }

    /**
     * The published versions this calculator reads.
     *
     * @return the tables
     */
    public MethodologyTables tables() {
        return tables;
    }

    /**
     * A calculator over the tables shipped with this library.
     *
     * @return the standard calculator
     */
    public static CreditCalculator standard() {
        return STANDARD;
    }

    /**
     * Checks a sheet against methodology.md section 5.
     *
     * @param sheet the sheet
     * @return one error per offending field; empty when the sheet may be calculated
     */
    public List<FieldError> validate(CalculationSheet sheet) {
        return validator.validate(sheet);
    }

    /**
     * Validates and calculates a sheet. A sheet with any error is refused as a whole.
     *
     * @param sheet the sheet
     * @return the result with every figure, or the errors
     */
    public Verdict<CalculationResult> calculate(CalculationSheet sheet) {
        List<FieldError> errors = validate(sheet);
        if (!errors.isEmpty()) {
            return Verdict.rejected(errors);
        }
        return Verdict.accepted(recalculate(sheet, InputSampler.CERTIFIED));
    }

    /**
     * Reads, validates and calculates a sheet given as JSON (methodology.md section 6).
     *
     * @param sheetJson the sheet's JSON text
     * @return the result, or the errors (malformed JSON included)
     */
    public Verdict<CalculationResult> calculate(String sheetJson) {
        return new SheetJson(validator).parse(sheetJson).flatMap(this::calculate);
    }

    /**
     * Calculates a sheet that {@link #validate} accepted, taking each component input from a sampler.
     * Used by the Monte Carlo band; the certified figures come from {@link #calculate}.
     *
     * @param validSheet a sheet without validation errors
     * @param sampler    supplies the value of each component input
     * @return the result
     * @throws IllegalArgumentException when the sheet's version is unknown
     */
    public CalculationResult recalculate(CalculationSheet validSheet, InputSampler sampler) {
        MethodologyTable table = tables.find(validSheet.methodologyVersion())
                .orElseThrow(() -> new IllegalArgumentException("unknown version " + validSheet.methodologyVersion()));
        List<Warning> warnings = new ArrayList<>();
        List<YearResult> years = new ArrayList<>();
        boolean provisional = false;
        boolean reduction = validSheet.type() == CreditType.REDUCTION;
        for (int y = 0; y < validSheet.years().size(); y++) {
            CreditingYear year = validSheet.years().get(y);
            years.add(
                    reduction
                            ? new ReductionYearCalculation(table, sampler, y, warnings).calculate(year)
                            : new YearCalculation(table, sampler, y, warnings).calculate(year));
            provisional |= year.components().stream().anyMatch(CreditCalculator::hasUnscoredCertainty);
        }
        BigDecimal net = years.stream().map(YearResult::netTonnesCo2).reduce(BigDecimal.ZERO, Formulas::plus);
        BigDecimal credit = credit(net);
        if (net.signum() <= 0) {
            warnings.add(Warning.of(
                    "$.years",
                    "warning.net.not-positive",
                    net.stripTrailingZeros().toPlainString()));
        }
        return new CalculationResult(
                validSheet.methodologyVersion(),
                validSheet.type(),
                provisional,
                years,
                net,
                credit,
                creditUnits(credit),
                warnings);
    }

    /**
     * The certified credit for a net: rounded down to 0.1 t-CO2, zero when the net is at or below zero.
     *
     * @param netTonnesCo2 the exact net
     * @return the credit, with scale 1
     */
    public static BigDecimal credit(BigDecimal netTonnesCo2) {
        return netTonnesCo2.max(BigDecimal.ZERO).setScale(CREDIT_SCALE, RoundingMode.DOWN);
    }

    /**
     * Converts a credit in tonnes to units of 0.1 t-CO2.
     *
     * @param creditTonnesCo2 a credit with at most one decimal
     * @return the number of units
     */
    public static long creditUnits(BigDecimal creditTonnesCo2) {
        return creditTonnesCo2.movePointRight(CREDIT_SCALE).longValueExact();
    }

    private static boolean hasUnscoredCertainty(Component component) {
        return component.certainties().stream().anyMatch(c -> component.value(c) == null);
    }
}
