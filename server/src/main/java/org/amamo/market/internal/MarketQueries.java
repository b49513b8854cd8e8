package org.amamo.market.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.amamo.exchange.ExchangePrices;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.UserDirectory;
import org.amamo.identity.UserSummary;
import org.amamo.market.MarketPrices;
import org.amamo.market.PriceSource;
import org.amamo.market.PriceStatistic;
import org.amamo.market.internal.MarketRows.Allocation;
import org.amamo.market.internal.MarketRows.Bid;
import org.amamo.market.internal.MarketRows.Consignment;
import org.amamo.market.internal.MarketRows.Round;
import org.amamo.market.internal.MarketStore.Sale;
import org.amamo.market.internal.MarketViews.AllocationView;
import org.amamo.market.internal.MarketViews.BidView;
import org.amamo.market.internal.MarketViews.ConsignmentView;
import org.amamo.market.internal.MarketViews.NamedBuyer;
import org.amamo.market.internal.MarketViews.OfferLine;
import org.amamo.market.internal.MarketViews.PriceRow;
import org.amamo.market.internal.MarketViews.ProjectResult;
import org.amamo.market.internal.MarketViews.Results;
import org.amamo.market.internal.MarketViews.RoundView;
import org.amamo.market.internal.MarketViews.TradeView;
import org.amamo.platform.SchemeTime;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads for pages and the API, and the published prices ({@link MarketPrices}). */
@Service
@Transactional(readOnly = true)
class MarketQueries implements MarketPrices {

    /** Rows per list on a page. */
    static final int LIST_LIMIT = 100;

    private final MarketStore store;
    private final UserDirectory users;
    private final ExchangePrices exchange;

    MarketQueries(MarketStore store, UserDirectory users, ExchangePrices exchange) {
        this.store = store;
        this.users = users;
        this.exchange = exchange;
    }

    /** Rounds the public sees: announced ones, newest first. */
    List<RoundView> publicRounds() {
        return store
                .rounds(
                        List.of(RoundStatus.OPEN, RoundStatus.CLOSED, RoundStatus.ALLOCATED, RoundStatus.SETTLED),
                        LIST_LIMIT)
                .stream()
                .map(this::view)
                .toList();
    }

    List<RoundView> rounds(List<RoundStatus> statuses) {
        return store.rounds(statuses, LIST_LIMIT).stream().map(this::view).toList();
    }

    Optional<RoundView> round(long id) {
        return store.round(id).map(this::view);
    }

    /** A round the public may see: not a draft. */
    Optional<RoundView> publicRound(long id) {
        return round(id).filter(round -> round.status() != RoundStatus.DRAFT);
    }

    private RoundView view(Round round) {
        Map<Long, OfferLine> offer = new LinkedHashMap<>();
        for (Consignment lot : store.consignments(round.id())) {
            if (!"PENDING".equals(lot.status())) {
                offer.merge(
                        lot.batchId(),
                        new OfferLine(
                                lot.projectCode(),
                                lot.projectName(),
                                lot.vintage(),
                                lot.batchSerial(),
                                lot.creditUnits()),
                        (a, b) -> new OfferLine(
                                a.projectCode(),
                                a.projectName(),
                                a.vintage(),
                                a.batchSerial(),
                                a.creditUnits() + b.creditUnits()));
            }
        }
        long units = offer.values().stream().mapToLong(OfferLine::creditUnits).sum();
        return new RoundView(
                round.id(),
                round.title(),
                round.rules(),
                round.minimumPriceJpy(),
                round.opensAt(),
                round.closesAt(),
                round.paymentDays(),
                round.status(),
                round.closedAt(),
                round.paymentDueAt(),
                round.settledAt(),
                List.copyOf(offer.values()),
                units,
                round.titleEn(),
                round.rulesEn());
    }

    /** The projects on offer in a round, code to name, for the bid form's choice. */
    Map<String, String> offeredProjects(long roundId) {
        Map<String, String> projects = new TreeMap<>();
        store.consignments(roundId).forEach(lot -> projects.put(lot.projectCode(), lot.projectName()));
        return projects;
    }

    List<ConsignmentView> consignmentsOf(AmamoPrincipal user) {
        Map<Long, Round> rounds = new HashMap<>();
        return store.consignmentsOf(user.userId(), LIST_LIMIT).stream()
                .map(lot -> {
                    Round round = rounds.computeIfAbsent(
                            lot.roundId(), id -> store.round(id).orElseThrow());
                    return new ConsignmentView(
                            lot.id(),
                            lot.roundId(),
                            round.title(),
                            round.status(),
                            lot.batchSerial(),
                            lot.projectName(),
                            lot.creditUnits(),
                            lot.status(),
                            lot.releasedUnits(),
                            lot.consignedAt(),
                            round.titleEn());
                })
                .toList();
    }

    List<BidView> bidsOf(AmamoPrincipal user, Long roundId) {
        return store.bidsOf(user.userId(), roundId, LIST_LIMIT).stream()
                .map(bid -> bidView(bid, false))
                .toList();
    }

    /** Every active bid of a round: for the secretariat, and only once bidding has closed. */
    List<BidView> bidsOfClosedRound(long roundId) {
        Round round = store.round(roundId).orElseThrow();
        if (round.status() == RoundStatus.DRAFT || round.status() == RoundStatus.OPEN) {
            return List.of();
        }
        return store.activeBids(roundId).stream().map(bid -> bidView(bid, true)).toList();
    }

    long activeBidCount(long roundId) {
        return store.activeBidCount(roundId, null);
    }

    Optional<BidView> bid(long id) {
        return store.bid(id).map(bid -> bidView(bid, false));
    }

    private BidView bidView(Bid bid, boolean named) {
        return new BidView(
                bid.id(),
                bid.roundId(),
                named ? name(bid.buyerUserId()) : null,
                bid.projectCode(),
                bid.creditUnits(),
                bid.priceJpy(),
                bid.purpose(),
                bid.retireAtOnce(),
                bid.beneficiary(),
                bid.emissionsOffset(),
                bid.discloseName(),
                bid.status(),
                bid.placedAt());
    }

    List<AllocationView> allocationsOf(AmamoPrincipal user) {
        return store.allocationsOf(user.userId(), LIST_LIMIT).stream()
                .map(a -> allocationView(a, user.userId()))
                .toList();
    }

    List<AllocationView> allocationsOfRound(long roundId) {
        return store.allocations(roundId).stream()
                .map(a -> allocationView(a, -1))
                .toList();
    }

    Optional<AllocationView> allocation(long id, long viewerUserId) {
        return store.allocation(id).map(a -> allocationView(a, viewerUserId));
    }

    private AllocationView allocationView(Allocation allocation, long viewer) {
        Round round = store.round(allocation.roundId()).orElseThrow();
        Bid bid = store.bid(allocation.bidId()).orElseThrow();
        Consignment lot = store.consignment(allocation.consignmentId()).orElseThrow();
        return new AllocationView(
                allocation.id(),
                round.id(),
                round.title(),
                bid.id(),
                lot.projectCode(),
                lot.projectName(),
                lot.vintage(),
                lot.batchSerial(),
                allocation.creditUnits(),
                allocation.priceJpy(),
                allocation.amountJpy(),
                allocation.status(),
                round.paymentDueAt(),
                name(bid.buyerUserId()),
                name(lot.consignorUserId()),
                bid.retireAtOnce(),
                allocation.retirementId(),
                allocation.buyerAccountId(),
                allocation.serialRanges(),
                lot.consignorUserId() == viewer,
                bid.buyerUserId() == viewer,
                round.titleEn());
    }

    List<TradeView> tradesOf(AmamoPrincipal user) {
        return store.tradesOf(user.userId(), LIST_LIMIT).stream()
                .map(t -> new TradeView(
                        t.id(),
                        t.batchSerial(),
                        t.projectName(),
                        t.toAccountId(),
                        t.creditUnits(),
                        t.priceJpy(),
                        t.reportedAt()))
                .toList();
    }

    /** A settled round's results; empty before settlement. */
    Optional<Results> results(long roundId) {
        Optional<Round> round = store.round(roundId);
        if (round.isEmpty() || round.get().status() != RoundStatus.SETTLED) {
            return Optional.empty();
        }
        List<Bid> bids = store.activeBids(roundId);
        Map<Long, Bid> bidById = new HashMap<>();
        bids.forEach(bid -> bidById.put(bid.id(), bid));
        Map<String, List<Sale>> byProject = new TreeMap<>();
        Map<Long, Long> namedUnits = new LinkedHashMap<>();
        long sold = 0;
        for (Allocation allocation : store.allocations(roundId)) {
            if (allocation.status() != AllocationStatus.SETTLED) {
                continue;
            }
            Consignment lot = store.consignment(allocation.consignmentId()).orElseThrow();
            byProject
                    .computeIfAbsent(lot.projectCode(), code -> new ArrayList<>())
                    .add(new Sale(
                            allocation.creditUnits(),
                            allocation.priceJpy(),
                            allocation.settledAt(),
                            lot.projectCode(),
                            lot.projectName()));
            sold += allocation.creditUnits();
            Bid bid = bidById.get(allocation.bidId());
            if (bid != null && bid.discloseName()) {
                namedUnits.merge(bid.buyerUserId(), allocation.creditUnits(), Long::sum);
            }
        }
        List<ProjectResult> projects = byProject.values().stream()
                .map(sales -> new ProjectResult(
                        sales.get(0).projectCode(),
                        sales.get(0).projectName(),
                        units(sales),
                        minimum(sales),
                        average(sales),
                        maximum(sales)))
                .toList();
        List<NamedBuyer> named = namedUnits.entrySet().stream()
                .map(entry -> new NamedBuyer(name(entry.getKey()), entry.getValue()))
                .toList();
        long bidders = bids.stream().map(Bid::buyerUserId).distinct().count();
        return Optional.of(new Results(roundId, bids.size(), bidders, sold, projects, named));
    }

    /** Prices per fiscal year, project and source, oldest year first. */
    List<PriceRow> prices() {
        Map<String, List<Sale>> groups = new TreeMap<>();
        Map<String, PriceSource> sources = new HashMap<>();
        collect(store.settledSales(), PriceSource.ROUND, groups, sources);
        collect(store.reportedSales(), PriceSource.REPORTED, groups, sources);
        collect(exchangeSales(), PriceSource.EXCHANGE, groups, sources);
        List<PriceRow> rows = new ArrayList<>();
        groups.forEach((group, sales) -> rows.add(new PriceRow(
                fiscalYear(sales.get(0).at()),
                sales.get(0).projectCode(),
                sales.get(0).projectName(),
                sources.get(group),
                sales.size(),
                units(sales),
                minimum(sales),
                average(sales),
                maximum(sales))));
        return rows;
    }

    @Override
    public List<PriceStatistic> byFiscalYear() {
        Map<String, List<Sale>> groups = new TreeMap<>();
        Map<String, PriceSource> sources = new HashMap<>();
        for (PriceSource source : PriceSource.values()) {
            List<Sale> sales = sales(source);
            for (Sale sale : sales) {
                String group = fiscalYear(sale.at()) + "|" + source.ordinal();
                groups.computeIfAbsent(group, g -> new ArrayList<>()).add(sale);
                sources.put(group, source);
            }
        }
        List<PriceStatistic> rows = new ArrayList<>();
        groups.forEach((group, sales) -> rows.add(new PriceStatistic(
                fiscalYear(sales.get(0).at()),
                sources.get(group),
                sales.size(),
                units(sales),
                minimum(sales),
                average(sales),
                maximum(sales))));
        return rows;
    }

    private List<Sale> sales(PriceSource source) {
        return switch (source) {
            case ROUND -> store.settledSales();
            case REPORTED -> store.reportedSales();
            case EXCHANGE -> exchangeSales();
        };
    }

    /** The exchange's contracts as sales: each at its auction's execution price, dated at the auction. */
    private List<Sale> exchangeSales() {
        return exchange.contracts().stream()
                .map(contract -> new Sale(
                        contract.creditUnits(),
                        BigDecimal.valueOf(contract.priceJpy()),
                        contract.auctionAt(),
                        contract.projectCode(),
                        contract.projectName()))
                .toList();
    }

    private static void collect(
            List<Sale> sales, PriceSource source, Map<String, List<Sale>> groups, Map<String, PriceSource> sources) {
        for (Sale sale : sales) {
            String group = fiscalYear(sale.at()) + "|" + sale.projectCode() + "|" + source.ordinal();
            groups.computeIfAbsent(group, g -> new ArrayList<>()).add(sale);
            sources.put(group, source);
        }
    }

    /** The Japanese fiscal year (April to March, Japan time) an instant falls in. */
    static int fiscalYear(Instant at) {
        ZonedDateTime local = at.atZone(SchemeTime.ZONE);
        return local.getMonthValue() >= 4 ? local.getYear() : local.getYear() - 1;
    }

    private static long units(List<Sale> sales) {
        return sales.stream().mapToLong(Sale::creditUnits).sum();
    }

    private static BigDecimal minimum(List<Sale> sales) {
        return sales.stream().map(Sale::priceJpy).min(Comparator.naturalOrder()).orElseThrow();
    }

    private static BigDecimal maximum(List<Sale> sales) {
        return sales.stream().map(Sale::priceJpy).max(Comparator.naturalOrder()).orElseThrow();
    }

    /** The volume-weighted average price: Σ(units × price) / Σ units, half up to whole yen. */
    static BigDecimal average(List<Sale> sales) {
        BigDecimal weighted = sales.stream()
                .map(s -> s.priceJpy().multiply(BigDecimal.valueOf(s.creditUnits())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return weighted.divide(BigDecimal.valueOf(units(sales)), 0, RoundingMode.HALF_UP);
    }

    String name(long userId) {
        return users.find(userId).map(UserSummary::displayName).orElse("#" + userId);
    }
}
