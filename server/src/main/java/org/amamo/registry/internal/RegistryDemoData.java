package org.amamo.registry.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.UserDirectory;
import org.amamo.identity.UserSummary;
import org.amamo.platform.Outcome;
import org.amamo.registry.CreditType;
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
 * Offset usage in the Yokohama programme, so that the demo's usage statistics (/statistics and
 * /programmes/YBC/statistics) show the system's own retirements by purpose beside the imported history. A company
 * (buyer@amamo.example) buys part of the demo's certified Yokohama credits from their creator (the eelgrass removals
 * and the tugboat reductions, a batch transfer each) and retires them, as the registry API's retirement does, for an
 * event, an individual's emissions, its corporate activity and a product. Every step goes through the registry's
 * services with an idempotency key, so a restart repeats nothing. Issuance follows certification asynchronously,
 * so this waits (a bounded time) for those credits.
 */
@Component
@Order(45)
@ConditionalOnProperty(name = "amamo.demo-data.enabled", havingValue = "true")
class RegistryDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(RegistryDemoData.class);
    /** How long to wait for the demo's Yokohama credits to be issued. */
    static final Duration WAIT_FOR_CREDITS = Duration.ofSeconds(60);
    /** Units (0.1 t) bought from the eelgrass removals and from the tugboat reductions. */
    static final long REMOVAL_UNITS = 50;

    static final long REDUCTION_UNITS = 400;

    /** A demo retirement: who claims it, why, which emissions, how many units (0.1 t). */
    record Use(String beneficiary, RetirementPurpose purpose, String emissionsOffset, long creditUnits) {}

    /** Retired in this order; together they use exactly what the buyer bought. */
    static final List<Use> USES = List.of(
            new Use("横浜市 海の公園 環境イベント実行委員会", RetirementPurpose.EVENT, "2025年 アマモ場観察会の開催に伴う排出", 20),
            new Use("横浜市民 個人", RetirementPurpose.INDIVIDUAL, "2025年度 家庭の電力使用に伴う排出", 30),
            new Use("港湾物流株式会社", RetirementPurpose.CORPORATE, "2025年度 横浜営業所の燃料使用に伴う排出", 300),
            new Use("港湾物流株式会社", RetirementPurpose.PRODUCT, "カーボン・オフセット付き海上輸送サービス 2025年度分", 100));

    private final MarketSettlement settlement;
    private final Registry registry;
    private final AccountDesk desk;
    private final AccountStore accountStore;
    private final BatchStore batchStore;
    private final RequestKeyStore keyStore;
    private final UserDirectory users;

    RegistryDemoData(
            MarketSettlement settlement,
            Registry registry,
            AccountDesk desk,
            AccountStore accountStore,
            BatchStore batchStore,
            RequestKeyStore keyStore,
            UserDirectory users) {
        this.settlement = settlement;
        this.registry = registry;
        this.desk = desk;
        this.accountStore = accountStore;
        this.batchStore = batchStore;
        this.keyStore = keyStore;
        this.users = users;
    }

    @Override
    public void run(ApplicationArguments arguments) throws InterruptedException {
        if (keyStore.keyUse("demo-ybc-retirement-" + USES.size()).isPresent()) {
            return;
        }
        AmamoPrincipal creator = principal("applicant@amamo.example");
        AmamoPrincipal buyer = principal("buyer@amamo.example");
        Optional<HeldCredits> removals = await(creator, CreditType.REMOVAL, REMOVAL_UNITS);
        Optional<HeldCredits> reductions = await(creator, CreditType.REDUCTION, REDUCTION_UNITS);
        if (removals.isEmpty() || reductions.isEmpty()) {
            log.warn("registry demo retirements skipped: the demo applicant holds no Yokohama credits yet");
            return;
        }
        long account = buyerAccount(buyer);
        buy(creator, removals.get(), account, REMOVAL_UNITS, "demo-ybc-buy-removals");
        buy(creator, reductions.get(), account, REDUCTION_UNITS, "demo-ybc-buy-reductions");
        for (int i = 0; i < USES.size(); i++) {
            Use use = USES.get(i);
            // The first use states the disclosure added for complete disclosure on use; the others, as before.
            RetirementDisclosure disclosure = i == 0
                    ? new RetirementDisclosure(
                            use.beneficiary(),
                            use.purpose(),
                            use.emissionsOffset(),
                            2025,
                            null,
                            BigDecimal.valueOf(use.creditUnits(), 1),
                            OffsetCoverage.ALL,
                            "港湾・海運",
                            "地元の海の藻場を守る活動を支えるため。")
                    : new RetirementDisclosure(use.beneficiary(), use.purpose(), use.emissionsOffset(), 2025, null);
            Outcome<Receipt> retired = registry.retire(
                    Actor.of(buyer),
                    new Registry.Retirement(account, use.creditUnits(), disclosure),
                    "demo-ybc-retirement-" + (i + 1));
            if (retired.refused()) {
                throw new IllegalStateException("demo retirement refused: " + retired.refusals());
            }
        }
        log.info("registry demo data: {} retirements of Yokohama credits", USES.size());
        // The buyer's company asks for an account of its own, which waits for the secretariat (its to-do page).
        desk.request(Actor.of(buyer), true);
    }

    private void buy(AmamoPrincipal creator, HeldCredits from, long toAccount, long units, String key) {
        var moved = settlement.transferBatch(
                creator, from.accountId(), toAccount, from.batch().batchId(), units, key);
        if (!moved.done()) {
            throw new IllegalStateException("demo purchase refused: " + moved.refusals());
        }
    }

    /** The buyer's own holding account: asked for and opened now unless they have one. */
    private long buyerAccount(AmamoPrincipal buyer) {
        Optional<AccountRow> existing = accountStore.accountByOwnerKey("U:" + buyer.userId());
        if (existing.isPresent()) {
            return existing.get().id();
        }
        long account = desk.request(Actor.of(buyer), false).value();
        if (desk.approve(Actor.SYSTEM, account).refused()) {
            throw new IllegalStateException("the demo buyer's account does not open");
        }
        return account;
    }

    /**
     * The creator's Yokohama credits of one type, once issued, holding at least {@code units}; on a restart, after
     * the purchase, whatever is left (the purchase then replays by its key and moves nothing).
     */
    private Optional<HeldCredits> await(AmamoPrincipal creator, CreditType type, long units)
            throws InterruptedException {
        Instant until = Instant.now().plus(WAIT_FOR_CREDITS);
        while (true) {
            Optional<HeldCredits> found = settlement.holdings(creator).stream()
                    .filter(held -> held.batch().batchSerial().startsWith("YBC-"))
                    .filter(held -> batchStore
                                    .batch(held.batch().batchId())
                                    .map(BatchStore.BatchRow::creditType)
                                    .orElse(null)
                            == type)
                    .filter(held -> held.creditUnits() >= units
                            || keyStore.keyUse(key(type)).isPresent())
                    .findFirst();
            if (found.isPresent() || Instant.now().isAfter(until)) {
                return found;
            }
            Thread.sleep(500);
        }
    }

    private static String key(CreditType type) {
        return type == CreditType.REMOVAL ? "demo-ybc-buy-removals" : "demo-ybc-buy-reductions";
    }

    private AmamoPrincipal principal(String email) {
        UserSummary user = users.findByEmail(email).orElseThrow();
        return new AmamoPrincipal(
                user.userId(), user.email(), user.fullName(), user.organisationId(), user.roles(), true, false, null);
    }
}
