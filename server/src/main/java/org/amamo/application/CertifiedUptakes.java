package org.amamo.application;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The certified uptake of an application by ecosystem, for the registry's buffer share (issue 22 item 2): the uptake
 * after the committee's certainty of every removal component of every crediting year, summed per ecosystem, in t-CO2.
 * An area component counts under its table ecosystem ({@code seagrass}, {@code sargassum}, {@code kelp},
 * {@code eisenia}, {@code mangrove}, {@code tidal-flat}); a farm-biomass or rope-length component under
 * {@code seaweed-farm}.
 */
public interface CertifiedUptakes {

    /**
     * The uptake by ecosystem of a certified application, in the order first met; empty for a reduction, for an
     * application that is not certified, or one certified before its sheet was frozen.
     */
    Map<String, BigDecimal> byEcosystem(long applicationId);
}
