package org.amamo.exchange;

import org.amamo.platform.Outcome;
import org.amamo.platform.Refusal;
import org.amamo.platform.RefusalKind;

/**
 * The daily price limits (値幅制限) around a reference price: 90 % below and 90 % above it, on the one-yen tick.
 * The lower limit is {@code ceil(reference × 0.1)} and the upper limit {@code floor(reference × 1.9)}: both are
 * rounded inwards, so that no admitted price is ever more than 90 % away from the reference. A reference of 1 yen
 * gives the limits 1 and 1; 1,000 yen gives 100 and 1,900; 1,234 yen gives 124 (123.4 up) and 2,344 (2,344.6 down).
 *
 * <p>An order whose limit price lies outside is refused at entry, and the auction leaves out any such order it is
 * given; no trade is ever outside the limits.
 *
 * @param lowerJpy the lowest admitted price, yen per t-CO2
 * @param upperJpy the highest admitted price, yen per t-CO2
 */
public record PriceLimits(long lowerJpy, long upperJpy) {

    /**
     * The largest reference price: ten billion yen per t-CO2, far above any credit's price; it keeps {@code
     * reference × 19} inside a {@code long}.
     */
    public static final long MAX_REFERENCE_PRICE_JPY = 10_000_000_000L;

    public PriceLimits {
        if (lowerJpy < 1 || upperJpy < lowerJpy) {
            throw new IllegalArgumentException("price limits " + lowerJpy + ".." + upperJpy);
        }
    }

    /** The limits around {@code referencePriceJpy} (at least 1 yen): lower ceil(ref × 0.1), upper floor(ref × 1.9). */
    public static PriceLimits around(long referencePriceJpy) {
        if (referencePriceJpy < 1 || referencePriceJpy > MAX_REFERENCE_PRICE_JPY) {
            throw new IllegalArgumentException(
                    "a reference price is 1 to " + MAX_REFERENCE_PRICE_JPY + " yen: " + referencePriceJpy);
        }
        // ceil(ref / 10) for a positive ref is (ref + 9) / 10; floor(19 ref / 10) is integer division.
        return new PriceLimits((referencePriceJpy + 9) / 10, referencePriceJpy * 19 / 10);
    }

    /** Whether an order may carry this limit price: inside the limits, both ends included. */
    public boolean admits(long priceJpy) {
        return priceJpy >= lowerJpy && priceJpy <= upperJpy;
    }

    /**
     * The entry check of a limit price, for the orders API: done with the price, or refused as invalid input on
     * {@code field} with the limits in the message.
     */
    public Outcome<Long> check(String field, long priceJpy) {
        if (admits(priceJpy)) {
            return Outcome.done(priceJpy);
        }
        return Outcome.refused(
                RefusalKind.INVALID, Refusal.of(field, "exchange.order.price-outside-limits", lowerJpy, upperJpy));
    }
}
