package org.amamo.market.internal;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The market's deadlines, kept by the clock: every minute, rounds whose window has ended close, and allocations
 * unpaid at their payment deadline lapse, and buyers of allocations unpaid shortly before it are reminded
 * ({@link Settlement#remindDue}). Both are the same moves the secretariat can make by hand; the job only
 * spares them the watch. It also finishes allocated rounds whose last allocation was settled while another
 * settlement ran (each then saw the other still open). Uses the application's {@link Clock}, so a test runs it with
 * a fixed one.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "amamo.market.deadlines.enabled", havingValue = "true", matchIfMissing = true)
class MarketDeadlines {

    private static final Logger log = LoggerFactory.getLogger(MarketDeadlines.class);

    private final Rounds rounds;
    private final Settlement settlement;
    private final Clock clock;

    MarketDeadlines(Rounds rounds, Settlement settlement, Clock clock) {
        this.rounds = rounds;
        this.settlement = settlement;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${amamo.market.deadlines.delay-ms:60000}", initialDelay = 30_000)
    void run() {
        int closed = rounds.closeDue(clock.instant());
        int lapsed = settlement.lapseDue(clock.instant());
        int reminded = settlement.remindDue(clock.instant());
        settlement.finishAllocated();
        if (closed + lapsed + reminded > 0) {
            log.info(
                    "market deadlines: {} rounds closed, {} allocations lapsed, {} buyers reminded to pay",
                    closed,
                    lapsed,
                    reminded);
        }
    }
}
