package org.amamo.market.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.UserDirectory;
import org.amamo.identity.UserSummary;
import org.amamo.registry.HeldCredits;
import org.amamo.registry.MarketSettlement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A populated market, made through the real services (so every rule applies) from the credits the demo's certified
 * projects issued to applicant@amamo.example: a settled round (buyer@amamo.example bought part at once for
 * retirement, part into their account), an open round with bids, and a bilateral trade reported with its price.
 * Issuance follows certification asynchronously, so this waits (a bounded time) for those credits.
 */
@Component
@Order(50)
@ConditionalOnProperty(name = "amamo.demo-data.enabled", havingValue = "true")
class MarketDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(MarketDemoData.class);
    /** How long to wait for the demo projects' credits to be issued. */
    static final Duration WAIT_FOR_CREDITS = Duration.ofSeconds(60);

    private final Rounds rounds;
    private final Bidding bidding;
    private final Settlement settlement;
    private final ReportedTrades trades;
    private final MarketStore store;
    private final MarketSettlement registry;
    private final UserDirectory users;
    private final Clock clock;

    MarketDemoData(
            Rounds rounds,
            Bidding bidding,
            Settlement settlement,
            ReportedTrades trades,
            MarketStore store,
            MarketSettlement registry,
            UserDirectory users,
            Clock clock) {
        this.rounds = rounds;
        this.bidding = bidding;
        this.settlement = settlement;
        this.trades = trades;
        this.store = store;
        this.registry = registry;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments arguments) throws InterruptedException {
        if (!store.rounds(List.of(RoundStatus.values()), 1).isEmpty()) {
            return;
        }
        AmamoPrincipal seller = principal("applicant@amamo.example");
        AmamoPrincipal buyer = principal("buyer@amamo.example");
        AmamoPrincipal secretariat = principal("secretariat@amamo.example");
        List<HeldCredits> held = awaitCredits(seller);
        Optional<HeldCredits> jbc = held.stream()
                .filter(h -> h.batch().batchSerial().startsWith("JBC"))
                .filter(h -> h.creditUnits() >= 40)
                .findFirst();
        if (jbc.isEmpty()) {
            log.warn("market demo data skipped: the demo applicant holds no J Blue Credits yet");
            return;
        }
        HeldCredits credits = jbc.get();
        long settledLot = credits.creditUnits() / 2;
        long openLot = credits.creditUnits() / 4;
        settledRound(secretariat, seller, buyer, credits, settledLot);
        openRound(secretariat, seller, buyer, credits, openLot);
        reportedTrade(seller, buyer, held);
        log.info("market demo data: a settled round, an open round with bids, a reported trade");
    }

    private void settledRound(
            AmamoPrincipal secretariat, AmamoPrincipal seller, AmamoPrincipal buyer, HeldCredits credits, long units) {
        Instant now = clock.instant();
        long id = rounds.create(
                        secretariat,
                        new Rounds.RoundTerms(
                                "2025年度 第1回 Jブルークレジット購入者公募",
                                rules(),
                                new BigDecimal("10000"),
                                now.minusSeconds(60),
                                now.plus(Duration.ofDays(1)),
                                14))
                .value();
        rounds.consign(seller, id, credits.accountId(), credits.batch().batchId(), units, "demo-settled");
        rounds.open(secretariat, id);
        long retired = Math.max(1, units * 2 / 5);
        bidding.place(
                buyer,
                id,
                new BidTerms(
                        credits.batch().projectCode(),
                        retired,
                        new BigDecimal("84198"),
                        "CORPORATE",
                        true,
                        "港湾物流株式会社",
                        "2025年度 本社事業所の電力使用に伴う排出",
                        true));
        bidding.place(
                buyer,
                id,
                new BidTerms(null, units - retired, new BigDecimal("72816"), "EVENT", false, null, null, false));
        rounds.close(secretariat, id);
        settlement.allocate(secretariat, id);
        store.allocations(id).forEach(allocation -> settlement.confirmPayment(seller, allocation.id()));
    }

    private void openRound(
            AmamoPrincipal secretariat, AmamoPrincipal seller, AmamoPrincipal buyer, HeldCredits credits, long units) {
        Instant now = clock.instant();
        long id = rounds.create(
                        secretariat,
                        new Rounds.RoundTerms(
                                "2025年度 第2回 Jブルークレジット購入者公募",
                                rules(),
                                new BigDecimal("15000"),
                                now.minusSeconds(60),
                                now.plus(Duration.ofDays(14)),
                                14,
                                "FY2025 second J Blue Credit buyer solicitation",
                                rulesEn()))
                .value();
        rounds.consign(seller, id, credits.accountId(), credits.batch().batchId(), units, "demo-open");
        rounds.open(secretariat, id);
        bidding.place(
                buyer,
                id,
                new BidTerms(
                        null, Math.max(1, units / 3), new BigDecimal("30000"), "PRODUCT", false, null, null, false));
        bidding.place(
                buyer,
                id,
                new BidTerms(
                        credits.batch().projectCode(),
                        Math.max(1, units / 5),
                        new BigDecimal("45000"),
                        "EVENT",
                        true,
                        "港湾物流株式会社",
                        "2026年 海の日イベントの排出",
                        false));
    }

    /** The seller sells a little of another batch (the Yokohama one if held) to the buyer's account, with a price. */
    private void reportedTrade(AmamoPrincipal seller, AmamoPrincipal buyer, List<HeldCredits> held) {
        Optional<Long> buyerAccount =
                registry.holdings(buyer).stream().map(HeldCredits::accountId).findFirst();
        Optional<HeldCredits> source = held.stream()
                .filter(h -> h.batch().batchSerial().startsWith("YBC"))
                .findFirst()
                .or(() -> registry.holdings(seller).stream().findFirst());
        if (buyerAccount.isEmpty() || source.isEmpty()) {
            return;
        }
        HeldCredits from = source.get();
        trades.report(
                seller,
                new ReportedTrades.TradeTerms(
                        from.accountId(),
                        buyerAccount.get(),
                        from.batch().batchId(),
                        Math.min(20, from.creditUnits()),
                        new BigDecimal("65000")),
                "demo-trade");
    }

    private List<HeldCredits> awaitCredits(AmamoPrincipal seller) throws InterruptedException {
        Instant until = Instant.now().plus(WAIT_FOR_CREDITS);
        List<HeldCredits> held = registry.holdings(seller);
        while (held.stream().noneMatch(h -> h.batch().batchSerial().startsWith("JBC"))
                && Instant.now().isBefore(until)) {
            Thread.sleep(500);
            held = registry.holdings(seller);
        }
        return held;
    }

    private static String rules() {
        return """
                1. 対象: 本公募で委託されたJブルークレジット（上記の一覧）。
                2. 入札: 購入者として登録された方が、入札期間内に数量（0.1 t単位）と価格（円/t-CO2、税抜き）を入札します。
                   入札は封印入札で、締切まで変更・取下げができます。
                3. 割当: 価格優先、同一価格で数量が不足する場合は希望数量に比例して0.1 t単位で按分し、端数は入札の早い順。
                4. 支払: 割当後14日以内に売り手へお支払いください。入金確認後、登録簿でクレジットを移転（または無効化）します。
                5. 結果: 精算後、入札件数、販売数量、プロジェクトごとの最低・加重平均・最高価格を公表します。""";
    }

    private static String rulesEn() {
        return """
                1. Credits: the J Blue Credits consigned to this round (listed above).
                2. Bids: registered buyers bid a quantity (in 0.1 t) and a price (yen per t-CO2, before tax) within the
                   bidding window. Bids are sealed and may be changed or withdrawn until the close.
                3. Allocation: highest price first; where a price cannot be served in full, the quantity is shared in
                   proportion to the quantities bid, in 0.1 t, remainders to the earliest bids.
                4. Payment: pay the seller within 14 days of allocation. Once payment is confirmed, the registry
                   transfers (or retires) the credits.
                5. Results: after settlement, the number of bids, the quantity sold and each project's lowest,
                   volume-weighted average and highest price are published.""";
    }

    private AmamoPrincipal principal(String email) {
        UserSummary user = users.findByEmail(email).orElseThrow();
        return new AmamoPrincipal(
                user.userId(), user.email(), user.fullName(), user.organisationId(), user.roles(), true, false, null);
    }
}
