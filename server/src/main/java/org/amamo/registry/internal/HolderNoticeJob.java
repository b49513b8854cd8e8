package org.amamo.registry.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs {@link HolderNotices} every {@code amamo.registry.notices.delay-ms} (10 s): a holder's mail follows the ledger's
 * commit by at most that. {@code amamo.registry.notices.enabled=false} turns the mails off (a benchmark's load need
 * not fill the outbox); the cursor then stays where it is and, turned on again, the job mails what it missed.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "amamo.registry.notices.enabled", havingValue = "true", matchIfMissing = true)
class HolderNoticeJob {

    private static final Logger log = LoggerFactory.getLogger(HolderNoticeJob.class);

    private final HolderNotices notices;

    HolderNoticeJob(HolderNotices notices) {
        this.notices = notices;
    }

    @Scheduled(fixedDelayString = "${amamo.registry.notices.delay-ms:10000}", initialDelay = 15_000)
    void run() {
        int noticed = notices.catchUp();
        if (noticed > 0) {
            log.debug("holder notices: {} journal entries mailed about", noticed);
        }
    }
}
