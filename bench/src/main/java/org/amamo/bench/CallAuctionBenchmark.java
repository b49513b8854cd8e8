package org.amamo.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.amamo.exchange.AuctionResult;
import org.amamo.exchange.CallAuction;
import org.amamo.exchange.Fill;
import org.amamo.exchange.Order;
import org.amamo.exchange.PriceLimits;
import org.amamo.exchange.Side;

/**
 * One call auction ({@link CallAuction}) over 100,000 orders of one instrument. Two books: "clustered", prices
 * within ±500 yen of a reference of 10,000 yen (about a thousand price levels, deep at each), and "spread", prices
 * anywhere inside the price limits (1,000 to 19,000 yen, so nearly every order its own level). Quantities 1 to 100
 * trading units, sides half and half, entry in the order generated. Reports the first (cold) auction, then the
 * median, lowest and highest of timed repetitions after warm-up (wall-clock times; the first also as the CPU time
 * of the thread, which the machine's load does not inflate), and checks that bought = sold = the volume.
 * Target: under one second for one auction.
 *
 * <p>Run: {@code ./mvnw -q -DskipTests package && java -cp
 * bench/target/amamo-bench.jar:server/target/amamo-server-classes.jar org.amamo.bench.CallAuctionBenchmark}
 * (optional arguments: number of orders, seed).
 */
public final class CallAuctionBenchmark {

    private static final int DEFAULT_ORDERS = 100_000;
    private static final long DEFAULT_SEED = 20_261_205L;
    private static final long REFERENCE_PRICE_JPY = 10_000;
    private static final int WARM_UP = 20;
    private static final int REPETITIONS = 21;

    private CallAuctionBenchmark() {}

    /**
     * Runs the benchmark and prints a report.
     *
     * @param args optional: number of orders, seed
     */
    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_ORDERS;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : DEFAULT_SEED;
        PriceLimits limits = PriceLimits.around(REFERENCE_PRICE_JPY);
        List<Order> clustered = book(new Random(seed), count, REFERENCE_PRICE_JPY - 500, REFERENCE_PRICE_JPY + 500);
        List<Order> spread = book(new Random(seed + 1), count, limits.lowerJpy(), limits.upperJpy());
        System.out.printf(
                Locale.ROOT,
                "call auction, %,d orders, reference %,d yen, limits %,d..%,d yen, %d processors%n",
                count,
                REFERENCE_PRICE_JPY,
                limits.lowerJpy(),
                limits.upperJpy(),
                Runtime.getRuntime().availableProcessors());
        report("clustered", clustered);
        report("spread", spread);
    }

    private static void report(String name, List<Order> orders) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        AuctionResult result = CallAuction.run(orders, REFERENCE_PRICE_JPY);
        double coldMillis = (System.nanoTime() - start) / 1e6;
        double coldCpuMillis = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6;
        check(result);
        for (int i = 0; i < WARM_UP; i++) {
            check(CallAuction.run(orders, REFERENCE_PRICE_JPY));
        }
        double[] millis = new double[REPETITIONS];
        for (int i = 0; i < REPETITIONS; i++) {
            long repetitionStart = System.nanoTime();
            AuctionResult repeated = CallAuction.run(orders, REFERENCE_PRICE_JPY);
            millis[i] = (System.nanoTime() - repetitionStart) / 1e6;
            if (!repeated.equals(result)) {
                throw new IllegalStateException("the same book gave another result");
            }
        }
        Arrays.sort(millis);
        System.out.printf(
                Locale.ROOT,
                "%-9s price %,d yen, volume %,d t, %,d fills | first %.1f ms (CPU %.1f ms) | median %.1f ms (min %.1f, max %.1f)"
                        + " over %d runs after %d warm-up%n",
                name,
                result.executionPriceJpy().orElse(0),
                result.executedTradingUnits(),
                result.fills().size(),
                coldMillis,
                coldCpuMillis,
                millis[REPETITIONS / 2],
                millis[0],
                millis[REPETITIONS - 1],
                REPETITIONS,
                WARM_UP);
    }

    private static List<Order> book(Random random, int count, long lowestJpy, long highestJpy) {
        List<Order> orders = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
            long price = lowestJpy + (long) random.nextInt((int) (highestJpy - lowestJpy + 1));
            orders.add(new Order(i + 1, side, price, 1 + random.nextInt(100), i + 1));
        }
        return orders;
    }

    /** Bought = sold = the volume, as the auction promises; a broken result must not be timed. */
    private static void check(AuctionResult result) {
        long bought = 0;
        long sold = 0;
        for (Fill fill : result.fills()) {
            if (fill.side() == Side.BUY) {
                bought += fill.tradingUnits();
            } else {
                sold += fill.tradingUnits();
            }
        }
        if (bought != result.executedTradingUnits() || sold != result.executedTradingUnits()) {
            throw new IllegalStateException(
                    "bought " + bought + ", sold " + sold + ", volume " + result.executedTradingUnits());
        }
    }
}
