package org.amamo.methodology.uncertainty;

import java.math.BigDecimal;

/**
 * The 5th, 50th and 95th percentiles of a sampled quantity (nearest-rank method), t-CO2.
 *
 * @param p5  5th percentile
 * @param p50 median
 * @param p95 95th percentile
 */
public record Percentiles(BigDecimal p5, BigDecimal p50, BigDecimal p95) {}
