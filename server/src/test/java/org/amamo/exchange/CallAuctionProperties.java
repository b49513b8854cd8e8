package org.amamo.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * The call auction ({@link CallAuction}) against a brute-force reference on random order books. Prices are drawn
 * from a narrow range around small reference prices, so that ties of volume, of imbalance and of nearness are
 * frequent and some orders fall outside the price limits. For every candidate price the reference sums the orders
 * one by one; it applies the rule's choice; and every fill is checked against the rule.
 */
class CallAuctionProperties {

    /** A book: the reference price and the orders, numbered from 1, with entry sequences that may repeat. */
    record Book(long referencePriceJpy, List<Order> orders) {}

    /** One candidate price as the brute force sees it. */
    record Candidate(long priceJpy, long volume, long imbalance, boolean executable) {}

    @Property(tries = 3_000)
    void choosesThePriceOfTheRuleAndFillsByPriceThenTime(@ForAll("books") Book book) {
        AuctionResult result = CallAuction.run(book.orders(), book.referencePriceJpy());
        PriceLimits limits = PriceLimits.around(book.referencePriceJpy());
        List<Candidate> candidates = candidates(book, limits);
        Optional<Candidate> expected =
                candidates.stream().filter(Candidate::executable).min(ruleOrder(book.referencePriceJpy()));
        Statistics.label("decided by").collect(decidedBy(expected, candidates, book.referencePriceJpy()));
        Statistics.label("orders outside the limits")
                .collect(book.orders().stream().anyMatch(order -> !limits.admits(order.limitPriceJpy())));

        assertThat(result.priceLimits()).isEqualTo(limits);
        assertThat(result.executionPriceJpy().isPresent()).isEqualTo(expected.isPresent());
        if (expected.isEmpty()) {
            assertThat(result.executedTradingUnits()).isZero();
            assertThat(result.fills()).isEmpty();
            assertThat(result.nextReferencePriceJpy()).isEqualTo(book.referencePriceJpy());
            return;
        }
        long priceJpy = result.executionPriceJpy().getAsLong();
        assertThat(priceJpy).isEqualTo(expected.get().priceJpy());
        assertThat(limits.admits(priceJpy)).isTrue();
        assertThat(result.executedTradingUnits()).isEqualTo(expected.get().volume());
        assertThat(result.nextReferencePriceJpy()).isEqualTo(priceJpy);
        assertFills(book, limits, result);
    }

    @Property(tries = 1_000)
    void theContractsOfAnAuctionPairEveryFillInTimePriority(@ForAll("books") Book book) {
        AuctionResult result = CallAuction.run(book.orders(), book.referencePriceJpy());
        List<Match> matches = Match.pair(result.fills());
        Map<Long, Long> matched = new HashMap<>();
        List<Long> buyOrder = new ArrayList<>();
        List<Long> sellOrder = new ArrayList<>();
        for (Fill fill : result.fills()) {
            (fill.side() == Side.BUY ? buyOrder : sellOrder).add(fill.orderId());
        }
        int lastBuy = 0;
        int lastSell = 0;
        for (Match match : matches) {
            matched.merge(match.buyOrderId(), match.tradingUnits(), Long::sum);
            matched.merge(match.sellOrderId(), match.tradingUnits(), Long::sum);
            int buy = buyOrder.indexOf(match.buyOrderId());
            int sell = sellOrder.indexOf(match.sellOrderId());
            assertThat(buy).as("a match's buy is a buy that filled").isNotNegative();
            assertThat(sell).as("a match's sell is a sell that filled").isNotNegative();
            // Both sides are served in time priority: the matches never go back to an earlier order.
            assertThat(buy).isGreaterThanOrEqualTo(lastBuy);
            assertThat(sell).isGreaterThanOrEqualTo(lastSell);
            lastBuy = buy;
            lastSell = sell;
        }
        for (Fill fill : result.fills()) {
            assertThat(matched.get(fill.orderId()))
                    .as("order %s", fill.orderId())
                    .isEqualTo(fill.tradingUnits());
        }
        assertThat(matched).hasSize(result.fills().size());
        if (!matches.isEmpty()) {
            assertThat(matches.size()).isLessThanOrEqualTo(result.fills().size() - 1);
        }
    }

    @Property(tries = 1_000)
    void theExecutableConditionNeverCostsVolumeOrImbalance(@ForAll("books") Book book) {
        PriceLimits limits = PriceLimits.around(book.referencePriceJpy());
        List<Candidate> candidates = candidates(book, limits);
        Comparator<Candidate> volumeThenImbalance =
                Comparator.comparingLong(Candidate::volume).reversed().thenComparingLong(Candidate::imbalance);
        Optional<Candidate> bestOfAll =
                candidates.stream().filter(each -> each.volume() > 0).min(volumeThenImbalance);
        Optional<Candidate> bestExecutable =
                candidates.stream().filter(Candidate::executable).min(volumeThenImbalance);

        assertThat(bestExecutable.isPresent()).isEqualTo(bestOfAll.isPresent());
        bestOfAll.ifPresent(best -> {
            assertThat(bestExecutable.get().volume()).isEqualTo(best.volume());
            assertThat(bestExecutable.get().imbalance()).isEqualTo(best.imbalance());
        });
    }

    @Property(tries = 500)
    void executesNothingWhenEveryBuyIsBelowEverySell(@ForAll("uncrossedBooks") Book book) {
        AuctionResult result = CallAuction.run(book.orders(), book.referencePriceJpy());

        assertThat(result.executed()).isFalse();
        assertThat(result.fills()).isEmpty();
    }

    @Property(tries = 500)
    void givesTheSameResultWhateverTheOrderOfTheInput(@ForAll("books") Book book, @ForAll long seed) {
        List<Order> shuffled = new ArrayList<>(book.orders());
        Collections.shuffle(shuffled, new Random(seed));

        assertThat(CallAuction.run(shuffled, book.referencePriceJpy()))
                .isEqualTo(CallAuction.run(book.orders(), book.referencePriceJpy()));
    }

    /** Every check on the fills of an execution at one price, order by order. */
    private static void assertFills(Book book, PriceLimits limits, AuctionResult result) {
        long priceJpy = result.executionPriceJpy().getAsLong();
        Map<Long, Long> filled = new HashMap<>();
        long bought = 0;
        long sold = 0;
        Map<Long, Order> byId = new HashMap<>();
        book.orders().forEach(order -> byId.put(order.id(), order));
        for (Fill fill : result.fills()) {
            Order order = byId.get(fill.orderId());
            assertThat(filled.put(fill.orderId(), fill.tradingUnits()))
                    .as("one fill per order")
                    .isNull();
            assertThat(fill.side()).isEqualTo(order.side());
            assertThat(fill.tradingUnits()).isBetween(1L, order.tradingUnits());
            assertThat(limits.admits(order.limitPriceJpy())).isTrue();
            if (order.side() == Side.BUY) {
                assertThat(order.limitPriceJpy()).isGreaterThanOrEqualTo(priceJpy);
                bought += fill.tradingUnits();
            } else {
                assertThat(order.limitPriceJpy()).isLessThanOrEqualTo(priceJpy);
                sold += fill.tradingUnits();
            }
        }
        assertThat(bought).isEqualTo(result.executedTradingUnits());
        assertThat(sold).isEqualTo(result.executedTradingUnits());
        assertThat(result.fills().stream().map(fill -> byId.get(fill.orderId())).toList())
                .as("fills in time priority")
                .isSortedAccordingTo(Order.EARLIEST_ENTRY);
        for (Order order : book.orders()) {
            long units = filled.getOrDefault(order.id(), 0L);
            boolean better =
                    order.side() == Side.BUY ? order.limitPriceJpy() > priceJpy : order.limitPriceJpy() < priceJpy;
            if (better && limits.admits(order.limitPriceJpy())) {
                assertThat(units).as("order %s is better than the price", order).isEqualTo(order.tradingUnits());
            }
        }
        assertTimePriorityAtThePrice(book, priceJpy, filled, Side.BUY);
        assertTimePriorityAtThePrice(book, priceJpy, filled, Side.SELL);
    }

    /** At the price, a side's orders in time priority: filled ones, at most one partly filled, then none. */
    private static void assertTimePriorityAtThePrice(Book book, long priceJpy, Map<Long, Long> filled, Side side) {
        List<Order> atPrice = book.orders().stream()
                .filter(order -> order.side() == side && order.limitPriceJpy() == priceJpy)
                .sorted(Order.EARLIEST_ENTRY)
                .toList();
        boolean short_ = false;
        for (Order order : atPrice) {
            long units = filled.getOrDefault(order.id(), 0L);
            if (short_) {
                assertThat(units).as("%s after an order left short", order).isZero();
            }
            short_ = units < order.tradingUnits();
        }
    }

    /** The brute force: every admitted limit price, with its volumes summed over the orders one by one. */
    private static List<Candidate> candidates(Book book, PriceLimits limits) {
        List<Order> admitted = book.orders().stream()
                .filter(order -> limits.admits(order.limitPriceJpy()))
                .toList();
        TreeSet<Long> prices = new TreeSet<>();
        admitted.forEach(order -> prices.add(order.limitPriceJpy()));
        List<Candidate> candidates = new ArrayList<>();
        for (long price : prices) {
            long demand = 0;
            long supply = 0;
            long above = 0;
            long below = 0;
            for (Order order : admitted) {
                long units = order.tradingUnits();
                if (order.side() == Side.BUY && order.limitPriceJpy() >= price) {
                    demand += units;
                    above += order.limitPriceJpy() > price ? units : 0;
                }
                if (order.side() == Side.SELL && order.limitPriceJpy() <= price) {
                    supply += units;
                    below += order.limitPriceJpy() < price ? units : 0;
                }
            }
            long volume = Math.min(demand, supply);
            boolean executable = volume > 0 && above <= volume && below <= volume;
            candidates.add(new Candidate(price, volume, Math.abs(demand - supply), executable));
        }
        return candidates;
    }

    /** The rule's preference, best first: volume, imbalance, nearness to the reference, the lower price. */
    private static Comparator<Candidate> ruleOrder(long referencePriceJpy) {
        return Comparator.comparingLong(Candidate::volume)
                .reversed()
                .thenComparingLong(Candidate::imbalance)
                .thenComparingLong(candidate -> Math.abs(candidate.priceJpy() - referencePriceJpy))
                .thenComparingLong(Candidate::priceJpy);
    }

    /** Which criterion decided the choice, for the statistics of the run. */
    private static String decidedBy(Optional<Candidate> chosen, List<Candidate> candidates, long referencePriceJpy) {
        if (chosen.isEmpty()) {
            return "no execution";
        }
        Candidate best = chosen.get();
        List<Candidate> rivals = candidates.stream()
                .filter(each -> each.executable() && each != best && each.volume() == best.volume())
                .toList();
        if (rivals.isEmpty()) {
            return "volume";
        }
        List<Candidate> sameImbalance = rivals.stream()
                .filter(each -> each.imbalance() == best.imbalance())
                .toList();
        if (sameImbalance.isEmpty()) {
            return "imbalance";
        }
        long distance = Math.abs(best.priceJpy() - referencePriceJpy);
        boolean equallyNear =
                sameImbalance.stream().anyMatch(each -> Math.abs(each.priceJpy() - referencePriceJpy) == distance);
        return equallyNear ? "lower of two equally near" : "nearness to the reference";
    }

    @Provide
    Arbitrary<Book> books() {
        return Arbitraries.longs()
                .between(5, 30)
                .flatMap(reference -> orders(reference).map(orders -> new Book(reference, orders)));
    }

    @Provide
    Arbitrary<Book> uncrossedBooks() {
        return Arbitraries.longs()
                .between(5, 30)
                .flatMap(reference -> orders(reference).map(orders -> {
                    long split = reference;
                    return new Book(
                            reference,
                            orders.stream()
                                    .filter(order -> order.side() == Side.BUY
                                            ? order.limitPriceJpy() < split
                                            : order.limitPriceJpy() >= split)
                                    .toList());
                }));
    }

    /**
     * 2 to 30 orders: nine in ten priced within 4 yen of the reference (many ties), one in ten anywhere from 1 yen to
     * twice the reference and 10 more (beyond the limits of 90 % at either end for most references).
     */
    private static Arbitrary<List<Order>> orders(long reference) {
        Arbitrary<Long> prices = Arbitraries.frequencyOf(
                Tuple.of(9, Arbitraries.longs().between(reference - 4, reference + 4)),
                Tuple.of(1, Arbitraries.longs().between(1, 2 * reference + 10)));
        Arbitrary<long[]> order = Combinators.combine(
                        Arbitraries.integers().between(0, 1),
                        prices,
                        Arbitraries.longs().between(1, 6),
                        Arbitraries.longs().between(1, 15))
                .as((side, price, units, sequence) -> new long[] {side, price, units, sequence});
        return order.list().ofMinSize(2).ofMaxSize(30).map(specs -> {
            List<Order> orders = new ArrayList<>();
            for (long[] spec : specs) {
                Side side = spec[0] == 0 ? Side.BUY : Side.SELL;
                orders.add(new Order(orders.size() + 1, side, spec[1], spec[2], spec[3]));
            }
            return orders;
        });
    }
}
