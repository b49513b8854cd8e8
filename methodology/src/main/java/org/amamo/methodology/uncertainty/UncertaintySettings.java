package org.amamo.methodology.uncertainty;

/**
 * How the Monte Carlo band is drawn.
 *
 * @param samples number of draws, 1 to {@link #MAX_SAMPLES}
 * @param seed    seed of the random generator; the same sheet and seed give the same band
 */
public record UncertaintySettings(int samples, long seed) {

    /** Draws used when none are given. */
    public static final int DEFAULT_SAMPLES = 10_000;
    /** At most this many draws, which bounds the run time (about a second per 100,000 simple sheets). */
    public static final int MAX_SAMPLES = 100_000;
    /** Seed used when none is given. */
    public static final long DEFAULT_SEED = 20_190_917L;

    /** Checks the sample count; a count outside the limits is a programmer error at this level. */
    public UncertaintySettings {
        if (samples < 1 || samples > MAX_SAMPLES) {
            throw new IllegalArgumentException("samples must be 1.." + MAX_SAMPLES + "; got " + samples);
        }
    }

    /**
     * The default settings.
     *
     * @return 10,000 samples with the default seed
     */
    public static UncertaintySettings defaults() {
        return new UncertaintySettings(DEFAULT_SAMPLES, DEFAULT_SEED);
    }
}
