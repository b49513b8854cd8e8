package org.amamo.exchange.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The exchange's clock watch: every few seconds ({@code amamo.exchange.auctions.delay-ms}, 5,000 by default) one
 * {@link AuctionRun#runDue pass} runs the auctions that are due and ends the day orders past their day. Several
 * server instances may all run it: an auction runs once whatever runs it. Off with
 * {@code amamo.exchange.auctions.enabled=false} (the tests run passes themselves, on their own clock).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "amamo.exchange.auctions.enabled", havingValue = "true", matchIfMissing = true)
class AuctionScheduler {

    private final AuctionRun run;

    AuctionScheduler(AuctionRun run) {
        this.run = run;
    }

    @Scheduled(fixedDelayString = "${amamo.exchange.auctions.delay-ms:5000}", initialDelay = 10_000)
    void pass() {
        run.runDue();
    }
}
