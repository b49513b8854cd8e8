package org.amamo.methodology.calculation;

import java.math.BigDecimal;

/**
 * The calculated uptake of one component.
 *
 * @param id                           component id
 * @param method                       method name
 * @param uptakeBeforeCertaintyTonnesCo2 uptake by the method's formula, t-CO2/yr
 * @param uptakeTonnesCo2              uptake times the certainty factors, t-CO2/yr (the sheet's {@code uptakeT})
 */
public record ComponentResult(
        String id, String method, BigDecimal uptakeBeforeCertaintyTonnesCo2, BigDecimal uptakeTonnesCo2) {}
