package org.amamo.exchange.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Lapses the exchange's unpaid contracts: every minute ({@code amamo.exchange.lapses.delay-ms}, 60,000 by default)
 * each contract still awaiting payment after its settlement date {@link ContractSettlement#lapseDue lapses}, its
 * units back with the seller. Several server instances may all run it: a contract lapses once whatever lapses it.
 * Off with the auctions ({@code amamo.exchange.auctions.enabled=false}: the tests lapse contracts themselves, on their
 * own clock).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "amamo.exchange.auctions.enabled", havingValue = "true", matchIfMissing = true)
class ContractLapses {

    private final ContractSettlement settlement;

    ContractLapses(ContractSettlement settlement) {
        this.settlement = settlement;
    }

    @Scheduled(fixedDelayString = "${amamo.exchange.lapses.delay-ms:60000}", initialDelay = 30_000)
    void pass() {
        settlement.lapseDue();
    }
}
