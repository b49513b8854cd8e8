package org.amamo.application;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;

/**
 * The informative uncertainty bands of certified calculation sheets, for public disclosure (issue 22, item 6): the
 * Monte Carlo percentiles of each sheet's net, which never change the certified quantity.
 */
public interface UncertaintyBands {

    /**
     * The bands of the given applications that are certified with a frozen sheet, by application id.
     *
     * @param applicationIds applications
     * @return each band; an application without one is absent
     */
    Map<Long, Band> of(Collection<Long> applicationIds);

    /**
     * One band, t-CO2 to 0.0001 t.
     *
     * @param drawn   whether any input was uncertain; if not, the three figures are the certified net
     * @param netP5T  5th percentile of the net
     * @param netP50T median
     * @param netP95T 95th percentile
     */
    record Band(boolean drawn, BigDecimal netP5T, BigDecimal netP50T, BigDecimal netP95T) {}
}
