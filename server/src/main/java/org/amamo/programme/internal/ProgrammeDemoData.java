package org.amamo.programme.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.amamo.identity.Role;
import org.amamo.identity.UserDirectory;
import org.amamo.identity.UserSummary;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The Yokohama programme's published record (seed 001: tables 1, 5 and 6), imported once through the same
 * CSV import a secretariat uses: removals 78.9 t and reductions 241.0 t certified in fiscal 2019, 278.3 t
 * offset over 2014-2018.
 */
@Component
@Order(40)
@ConditionalOnProperty(name = "amamo.demo-data.enabled", havingValue = "true")
class ProgrammeDemoData implements ApplicationRunner {

    private final ProgrammeHistory history;
    private final UserDirectory users;

    ProgrammeDemoData(ProgrammeHistory history, UserDirectory users) {
        this.history = history;
        this.users = users;
    }

    @Override
    public void run(ApplicationArguments arguments) throws IOException {
        if (!history.isEmpty("YBC")) {
            return;
        }
        long secretariat = users.withRole(Role.SECRETARIAT).stream()
                .findFirst()
                .map(UserSummary::userId)
                .orElseThrow();
        String csv = new ClassPathResource("demo/yokohama-history.csv").getContentAsString(StandardCharsets.UTF_8);
        if (history.importCsv(csv, secretariat).refused()) {
            throw new IllegalStateException("the demo history of the Yokohama programme does not import");
        }
    }
}
