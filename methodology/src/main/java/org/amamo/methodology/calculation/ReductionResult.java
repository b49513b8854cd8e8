package org.amamo.methodology.calculation;

import java.math.BigDecimal;

/**
 * The calculated reduction of one reduction component.
 *
 * @param id                                component id
 * @param method                            method name
 * @param baselineEmissionsTonnesCo2        emissions the baseline would have caused, t-CO2
 * @param projectEmissionsTonnesCo2         emissions the project caused, t-CO2
 * @param reductionBeforeCertaintyTonnesCo2 baseline minus project emissions, t-CO2 (negative for an increase)
 * @param reductionTonnesCo2                the reduction times the certainty; an increase is not discounted
 *                                          (the sheet's {@code reductionT})
 */
public record ReductionResult(
        String id,
        String method,
        BigDecimal baselineEmissionsTonnesCo2,
        BigDecimal projectEmissionsTonnesCo2,
        BigDecimal reductionBeforeCertaintyTonnesCo2,
        BigDecimal reductionTonnesCo2) {}
