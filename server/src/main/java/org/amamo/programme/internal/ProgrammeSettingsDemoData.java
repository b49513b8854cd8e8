package org.amamo.programme.internal;

import org.amamo.identity.UserDirectory;
import org.amamo.identity.UserSummary;
import org.amamo.programme.Programme;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo programmes' settings, before the demo applications are reviewed: reviewer@amamo.example sits on both
 * review committees, so that the demo assigns them to J Blue Credit and Yokohama applications alike.
 */
@Component
@Order(25)
@ConditionalOnProperty(name = "amamo.demo-data.enabled", havingValue = "true")
class ProgrammeSettingsDemoData implements ApplicationRunner {

    static final String DEMO_REVIEWER = "reviewer@amamo.example";

    private final ProgrammeRepository programmes;
    private final ProgrammeCommittee committee;
    private final UserDirectory users;

    ProgrammeSettingsDemoData(ProgrammeRepository programmes, ProgrammeCommittee committee, UserDirectory users) {
        this.programmes = programmes;
        this.committee = committee;
        this.users = users;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        long reviewer = users.findByEmail(DEMO_REVIEWER).map(UserSummary::userId).orElseThrow();
        for (Programme programme : programmes.all()) {
            if (!programmes.onCommittee(programme.code(), reviewer) && !committee.add(programme.code(), reviewer).isEmpty()) {
                throw new IllegalStateException("the demo reviewer does not join the committee of " + programme.code());
            }
        }
    }
}
