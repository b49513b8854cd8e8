package org.amamo.programme;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A programme's buffer shares (バッファ率): per ecosystem, the percentage of each batch's units the registry puts in
 * the programme's buffer account at issuance, to cover reversals (permanence; Verra's pooled AFOLU buffer account is
 * the model). Set by an administrator, 0 to 50 % with at most two decimals; an ecosystem without a share is at 0 %.
 */
public interface BufferShares {

    /** The highest share an ecosystem may have, in percent. */
    BigDecimal MAX_PERCENT = BigDecimal.valueOf(50);

    /** The most decimals a share may have. */
    int MAX_SCALE = 2;

    /**
     * The ecosystems a share is set for: the area ecosystems of the methodology tables, and {@code seaweed-farm} for
     * farmed seaweed (the farm-biomass and rope-length methods).
     */
    List<String> ECOSYSTEMS =
            List.of("seagrass", "sargassum", "kelp", "eisenia", "mangrove", "tidal-flat", "seaweed-farm");

    /** The ecosystem key of farmed seaweed. */
    String SEAWEED_FARM = "seaweed-farm";

    /** The programme's share per ecosystem, every one of {@link #ECOSYSTEMS} (0 where none is set); empty if unknown. */
    Map<String, BigDecimal> shares(String programmeCode);
}
