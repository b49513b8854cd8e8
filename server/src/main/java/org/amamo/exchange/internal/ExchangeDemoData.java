package org.amamo.exchange.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.UserDirectory;
import org.amamo.identity.UserSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo's exchange, made through the real services: three J Blue Credit instruments (removal by seagrass, by
 * seaweed, and of projects of several ecosystems) with their reference prices, and buyer@amamo.example approved for
 * trading. Orders are left to the visitor, inside the order windows.
 */
@Component
@Order(60)
@ConditionalOnProperty(name = "amamo.demo-data.enabled", havingValue = "true")
class ExchangeDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ExchangeDemoData.class);

    private final Instruments instruments;
    private final ExchangeStore store;
    private final UserDirectory users;

    ExchangeDemoData(Instruments instruments, ExchangeStore store, UserDirectory users) {
        this.instruments = instruments;
        this.store = store;
        this.users = users;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        if (!store.instruments().isEmpty()) {
            return;
        }
        Optional<AmamoPrincipal> secretariat = principal("secretariat@amamo.example");
        if (secretariat.isEmpty()) {
            log.warn("exchange demo data skipped: no demo secretariat");
            return;
        }
        for (List<String> instrument :
                List.of(List.of("seagrass", "8000"), List.of("seaweed", "7000"), List.of("mixed", "7500"))) {
            instruments.create(
                    secretariat.get(),
                    new Instruments.InstrumentTerms(
                            "JBC", "REMOVAL", instrument.get(0), new BigDecimal(instrument.get(1))));
        }
        if (users.findByEmail("buyer@amamo.example").isPresent()) {
            instruments.decideTrader(secretariat.get(), null, "buyer@amamo.example", true);
        }
    }

    private Optional<AmamoPrincipal> principal(String email) {
        return users.findByEmail(email)
                .map((UserSummary user) -> new AmamoPrincipal(
                        user.userId(),
                        user.email(),
                        user.fullName(),
                        user.organisationId(),
                        user.roles(),
                        true,
                        false,
                        null));
    }
}
