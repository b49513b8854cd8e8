package org.amamo.methodology.uncertainty;

/**
 * An informative Monte Carlo band around a sheet's figures. The certified credit is always the
 * deterministic one; this band only shows how much the uncertain inputs could move it.
 *
 * @param samples          number of draws
 * @param seed             seed used
 * @param uncertainInputs  number of component inputs that carried an uncertainty, stated or from the table
 * @param tableRangeInputs of those, the default coefficients drawn from the range their table publishes
 * @param netTonnesCo2     percentiles of the sheet's total net, rounded to 0.0001 t
 * @param creditTonnesCo2  percentiles of the credit (each draw rounded down to 0.1 t like the certified one)
 */
public record UncertaintyBand(
        int samples,
        long seed,
        int uncertainInputs,
        int tableRangeInputs,
        Percentiles netTonnesCo2,
        Percentiles creditTonnesCo2) {}
