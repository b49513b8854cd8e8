package org.amamo.methodology.calculation;

import java.math.BigDecimal;

/**
 * Species parameters of seed 001 eq. 2, entered per component with their source.
 *
 * @param productionToBiomassRatio P/B: annual net primary production over annual maximum biomass
 * @param waterContent             water content (含水率), fraction of wet weight
 * @param carbonContent            carbon content (炭素含有率), fraction of dry weight
 * @param residualRate             residual rate (残存率), fraction of production stored long term
 * @param source                   where the parameters come from, or {@code null}
 */
public record SpeciesParameters(
        BigDecimal productionToBiomassRatio,
        BigDecimal waterContent,
        BigDecimal carbonContent,
        BigDecimal residualRate,
        String source) {}
