package org.amamo.exchange.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the {@link OrderRecovery#recover recovery pass} every so often ({@code amamo.exchange.recovery.delay-ms},
 * 30,000 by default), with the auctions: off with {@code amamo.exchange.auctions.enabled=false} (the tests run passes
 * themselves, on their own clock). Several server instances may all run it: an order is ended once.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "amamo.exchange.auctions.enabled", havingValue = "true", matchIfMissing = true)
class OrderRecoveryScheduler {

    private final OrderRecovery recovery;

    OrderRecoveryScheduler(OrderRecovery recovery) {
        this.recovery = recovery;
    }

    @Scheduled(fixedDelayString = "${amamo.exchange.recovery.delay-ms:30000}", initialDelay = 20_000)
    void pass() {
        recovery.recover();
    }
}
