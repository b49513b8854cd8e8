package org.amamo.methodology.calculation;

import java.math.BigDecimal;
import java.math.MathContext;
import org.amamo.methodology.table.FuelUnit;

/**
 * The formulas of methodology.md section 1, in exact decimals. Every operation uses
 * {@link MathContext#DECIMAL128} (34 digits, half-even), so results are reproducible to the digit; 44/12
 * is applied as x44 then /12 because 44/12 has no finite decimal expansion.
 */
final class Formulas {

    static final MathContext WORKING_PRECISION = MathContext.DECIMAL128;

    private static final BigDecimal CO2_PER_C_NUMERATOR = BigDecimal.valueOf(44);
    private static final BigDecimal CO2_PER_C_DENOMINATOR = BigDecimal.valueOf(12);

    private Formulas() {}

    /** Seed 001 eq. 1: area [ha] x coefficient [t-CO2/ha/yr]. */
    static BigDecimal areaUptake(BigDecimal areaHectares, BigDecimal coefficient) {
        return areaHectares.multiply(coefficient, WORKING_PRECISION);
    }

    /** Seed 001 eq. 2, multiplied left to right in the order of the equation. */
    static BigDecimal farmUptake(
            BigDecimal biomassTonnesWetWeight,
            BigDecimal productionToBiomassRatio,
            BigDecimal waterContent,
            BigDecimal carbonContent,
            BigDecimal residualRate) {
        BigDecimal dryFraction = BigDecimal.ONE.subtract(waterContent, WORKING_PRECISION);
        BigDecimal carbonTonnes = biomassTonnesWetWeight
                .multiply(productionToBiomassRatio, WORKING_PRECISION)
                .multiply(dryFraction, WORKING_PRECISION)
                .multiply(carbonContent, WORKING_PRECISION);
        BigDecimal co2Tonnes = carbonTonnes
                .multiply(CO2_PER_C_NUMERATOR, WORKING_PRECISION)
                .divide(CO2_PER_C_DENOMINATOR, WORKING_PRECISION);
        return co2Tonnes.multiply(residualRate, WORKING_PRECISION);
    }

    /** Seed 003 item 5: rope length [m] x yield [kg WW/m] / 1000 = biomass [t WW]. */
    static BigDecimal ropeBiomass(BigDecimal ropeLengthMetres, BigDecimal yieldKilogramsPerMetre) {
        return ropeLengthMetres
                .multiply(yieldKilogramsPerMetre, WORKING_PRECISION)
                .movePointLeft(3);
    }

    /** Fuel of an estimated vessel entry: count x hours x kW x litres per kWh. */
    static BigDecimal estimatedFuelLitres(
            BigDecimal count, BigDecimal hours, BigDecimal ratedKilowatts, BigDecimal litresPerKilowattHour) {
        return count.multiply(hours, WORKING_PRECISION)
                .multiply(ratedKilowatts, WORKING_PRECISION)
                .multiply(litresPerKilowattHour, WORKING_PRECISION);
    }

    /** litres / 1000 x factor [t-CO2/kL]; dividing by 1000 moves the decimal point and is exact. */
    static BigDecimal vesselEmission(BigDecimal fuelLitres, BigDecimal tonnesCo2PerKilolitre) {
        return fuelLitres.multiply(tonnesCo2PerKilolitre, WORKING_PRECISION).movePointLeft(3);
    }

    /**
     * Emission of a fuel quantity: litres / 1000 x factor [t-CO2/kL] for liquid fuels, tonnes x factor
     * [t-CO2/t] for fuels measured by mass.
     */
    static BigDecimal fuelEmission(BigDecimal quantity, FuelUnit unit, BigDecimal tonnesCo2PerUnit) {
        return unit == FuelUnit.KILOLITRE
                ? vesselEmission(quantity, tonnesCo2PerUnit)
                : quantity.multiply(tonnesCo2PerUnit, WORKING_PRECISION);
    }

    static BigDecimal times(BigDecimal left, BigDecimal right) {
        return left.multiply(right, WORKING_PRECISION);
    }

    static BigDecimal plus(BigDecimal left, BigDecimal right) {
        return left.add(right, WORKING_PRECISION);
    }

    static BigDecimal minus(BigDecimal left, BigDecimal right) {
        return left.subtract(right, WORKING_PRECISION);
    }
}
