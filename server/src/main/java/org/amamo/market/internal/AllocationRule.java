package org.amamo.market.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The published allocation rule of a buyer solicitation round (購入者公募), in one place. Pure: the same lots and
 * bids, in any order, give the same awards.
 *
 * <p><b>Input.</b> The lots on offer: each a consignment of units (0.1 t-CO2) of one project, in consignment order.
 * The bids: units asked, price per t-CO2 in whole yen, a preferred project or none ("any project"), and the time
 * the bid was placed (or last changed).
 *
 * <p><b>Rule.</b>
 * <ol>
 * <li>A bid below the round's minimum price gets nothing (the bid form refuses such bids already).</li>
 * <li>Price priority: bids are served in descending price. All bids at one price form a level; a level is served
 * only after every higher level.</li>
 * <li>Within a level, bids naming a project are served first, project by project, from that project's remaining
 * units; then bids for any project are served from all remaining units. (A bid naming a project can be served only
 * by it, whereas an "any" bid can be served by the rest, so at one price this order sells the most.)</li>
 * <li>Each such group of bids shares its supply: if the supply covers what the group asks, every bid gets what it
 * asked. If not (supply runs short at this price), each bid first gets {@code floor(asked × supply / demand)}
 * whole units (pro rata, in 0.1 t units), and the units still left, fewer than the number of bids, go one each to
 * the earliest bids (time of bid, then bid number).</li>
 * <li>A bid's units are taken from its supply's lots in consignment order, the earlier lot first, the earlier bid
 * first; a bid taking from two lots gets two awards.</li>
 * <li>Pay-as-bid: every award is priced at its bid's price. The amount is {@code units / 10 × price}, rounded half
 * up to whole yen.</li>
 * </ol>
 * Hence no lot ever gives more than it holds, no bid ever gets more than it asked, and no award is below the
 * minimum price.
 */
final class AllocationRule {

    /** Units of 0.1 t-CO2 per tonne: amounts divide by this. */
    private static final BigDecimal UNITS_PER_TONNE = BigDecimal.TEN;

    private AllocationRule() {}

    /** A lot on offer: a consignment of {@code units} of one project; lower ids were consigned earlier. */
    record Lot(long id, String projectCode, long units) {}

    /** A bid: {@code projectCode} null for any project; {@code priceJpy} per t-CO2. */
    record Bid(long id, String projectCode, long units, BigDecimal priceJpy, Instant placedAt) {}

    /** Units of one lot awarded to one bid, at the bid's price. */
    record Award(long bidId, long lotId, long units, BigDecimal priceJpy) {

        BigDecimal amountJpy() {
            return AllocationRule.amountJpy(units, priceJpy);
        }
    }

    /** What {@code units} cost at {@code priceJpy} per t-CO2: units / 10 × price, half up to whole yen. */
    static BigDecimal amountJpy(long units, BigDecimal priceJpy) {
        return BigDecimal.valueOf(units).multiply(priceJpy).divide(UNITS_PER_TONNE, 0, RoundingMode.HALF_UP);
    }

    /** The earliest bid first: time of bid, then bid number. */
    static final Comparator<Bid> EARLIEST = Comparator.comparing(Bid::placedAt).thenComparingLong(Bid::id);

    /** Allocates the lots to the bids by the rule above; awards in order of level, group, bid time and lot. */
    static List<Award> allocate(List<Lot> lots, List<Bid> bids, BigDecimal minimumPriceJpy) {
        Map<Long, Long> left = new LinkedHashMap<>();
        lots.stream().sorted(Comparator.comparingLong(Lot::id)).forEach(lot -> left.put(lot.id(), lot.units()));
        Map<Long, Lot> byId = new TreeMap<>();
        lots.forEach(lot -> byId.put(lot.id(), lot));
        TreeMap<BigDecimal, List<Bid>> levels = new TreeMap<>(Comparator.reverseOrder());
        for (Bid bid : bids) {
            if (bid.units() > 0 && bid.priceJpy().compareTo(minimumPriceJpy) >= 0) {
                levels.computeIfAbsent(bid.priceJpy(), price -> new ArrayList<>())
                        .add(bid);
            }
        }
        List<Award> awards = new ArrayList<>();
        for (List<Bid> level : levels.values()) {
            TreeSet<String> projects = new TreeSet<>();
            level.stream().map(Bid::projectCode).filter(Objects::nonNull).forEach(projects::add);
            for (String project : projects) {
                serve(
                        level.stream()
                                .filter(bid -> project.equals(bid.projectCode()))
                                .toList(),
                        lotIds(byId, project),
                        left,
                        awards);
            }
            serve(level.stream().filter(bid -> bid.projectCode() == null).toList(), lotIds(byId, null), left, awards);
        }
        return awards;
    }

    /** The lots a group may take from, in consignment order: one project's, or all for {@code null}. */
    private static List<Long> lotIds(Map<Long, Lot> lots, String projectCode) {
        return lots.values().stream()
                .filter(lot -> projectCode == null || projectCode.equals(lot.projectCode()))
                .map(Lot::id)
                .toList();
    }

    /** Serves one group of bids at one price from the lots' remaining units (rule 4 and 5). */
    private static void serve(List<Bid> group, List<Long> lotIds, Map<Long, Long> left, List<Award> awards) {
        if (group.isEmpty()) {
            return;
        }
        long supply = lotIds.stream().mapToLong(left::get).sum();
        List<Bid> ordered = group.stream().sorted(EARLIEST).toList();
        Map<Long, Long> shares = shares(ordered, supply);
        for (Bid bid : ordered) {
            long wanted = shares.get(bid.id());
            for (long lotId : lotIds) {
                long take = Math.min(wanted, left.get(lotId));
                if (take > 0) {
                    awards.add(new Award(bid.id(), lotId, take, bid.priceJpy()));
                    left.put(lotId, left.get(lotId) - take);
                    wanted -= take;
                }
            }
        }
    }

    /**
     * Each bid's units out of {@code supply}: all it asked if the supply covers the group, else its pro-rata floor,
     * plus one unit each for the earliest bids while units are left. {@code ordered} is earliest first.
     */
    static Map<Long, Long> shares(List<Bid> ordered, long supply) {
        long demand = ordered.stream().mapToLong(Bid::units).sum();
        Map<Long, Long> shares = new LinkedHashMap<>();
        if (demand <= supply) {
            ordered.forEach(bid -> shares.put(bid.id(), bid.units()));
            return shares;
        }
        long given = 0;
        for (Bid bid : ordered) {
            long share = BigInteger.valueOf(bid.units())
                    .multiply(BigInteger.valueOf(supply))
                    .divide(BigInteger.valueOf(demand))
                    .longValueExact();
            shares.put(bid.id(), share);
            given += share;
        }
        long remainder = supply - given;
        for (Bid bid : ordered) {
            if (remainder == 0) {
                break;
            }
            shares.put(bid.id(), shares.get(bid.id()) + 1);
            remainder--;
        }
        return shares;
    }
}
