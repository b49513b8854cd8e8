package org.amamo.methodology.calculation;

import java.math.BigDecimal;

/**
 * A vessel entry of a crediting year: fuel burnt either measured ({@code fuelLitres}) or estimated as
 * count x hours x rated kW x litres per kWh. Emissions = litres / 1000 x the version's emission factor.
 *
 * @param kind                      kind of vessel, free text (e.g. {@code fishing-boat}), or {@code null}
 * @param fuel                      fuel key of the methodology table, e.g. {@code gasoline}
 * @param fuelLitres                measured fuel, litres, or {@code null} when estimated
 * @param count                     number of vessels (a whole number)
 * @param hours                     operating hours per vessel
 * @param ratedKilowatts            rated output, kW
 * @param fuelLitresPerKilowattHour specific fuel consumption, litres per kWh
 */
public record Vessel(
        String kind,
        String fuel,
        BigDecimal fuelLitres,
        BigDecimal count,
        BigDecimal hours,
        BigDecimal ratedKilowatts,
        BigDecimal fuelLitresPerKilowattHour) {

    /**
     * A vessel with measured fuel.
     *
     * @param kind       kind of vessel
     * @param fuel       fuel key
     * @param fuelLitres litres burnt
     * @return the entry
     */
    public static Vessel measured(String kind, String fuel, BigDecimal fuelLitres) {
        return new Vessel(kind, fuel, fuelLitres, null, null, null, null);
    }

    /**
     * A vessel with fuel estimated from operation.
     *
     * @param kind                      kind of vessel
     * @param fuel                      fuel key
     * @param count                     number of vessels
     * @param hours                     hours per vessel
     * @param ratedKilowatts            rated output, kW
     * @param fuelLitresPerKilowattHour litres per kWh
     * @return the entry
     */
    public static Vessel estimated(
            String kind,
            String fuel,
            BigDecimal count,
            BigDecimal hours,
            BigDecimal ratedKilowatts,
            BigDecimal fuelLitresPerKilowattHour) {
        return new Vessel(kind, fuel, null, count, hours, ratedKilowatts, fuelLitresPerKilowattHour);
    }
}
