package org.amamo.programme.internal;

import java.math.BigDecimal;
import java.util.Map;
import org.amamo.identity.UserDirectory;
import org.amamo.identity.UserSummary;
import org.amamo.programme.FeeRule;
import org.amamo.programme.Programme;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo programmes' settings, before the demo applications are reviewed: reviewer@amamo.example sits on both
 * review committees, so that the demo assigns them to J Blue Credit and Yokohama applications alike; and each
 * programme gets an application fee rule. The seeds name the fee but give no figure, so the demo's amounts
 * ({@link #DEMO_FEES}) are illustrations, not JBE's or Yokohama's tariff; they are set only while a programme still
 * has no fee, so an administrator's change survives a restart.
 */
@Component
@Order(25)
@ConditionalOnProperty(name = "amamo.demo-data.enabled", havingValue = "true")
class ProgrammeSettingsDemoData implements ApplicationRunner {

    static final String DEMO_REVIEWER = "reviewer@amamo.example";
    /** Illustrative fee rules per programme code: a flat amount and an amount per t-CO2, in yen. */
    static final Map<String, FeeRule> DEMO_FEES = Map.of(
            "JBC", new FeeRule(new BigDecimal("50000"), new BigDecimal("500")),
            "YBC", new FeeRule(new BigDecimal("10000"), BigDecimal.ZERO));

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
        long reviewer =
                users.findByEmail(DEMO_REVIEWER).map(UserSummary::userId).orElseThrow();
        for (Programme programme : programmes.all()) {
            boolean joins = programmes.onCommittee(programme.code(), reviewer)
                    || committee.add(null, programme.code(), reviewer).isDone();
            if (!joins) {
                throw new IllegalStateException("the demo reviewer does not join the committee of " + programme.code());
            }
            FeeRule fee = DEMO_FEES.get(programme.code());
            boolean noFee = programme.fee().flatYen().signum() == 0
                    && programme.fee().perTonneYen().signum() == 0;
            if (fee != null && noFee) {
                programmes.updateFee(programme.code(), fee);
            }
        }
    }
}
