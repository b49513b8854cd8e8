package org.amamo.claim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo data goes through the real workflow to every state, and certifies nothing twice: no two certified demo
 * claims overlap in site and period, so certification is never refused for a conflict the demo itself made.
 */
@SpringBootTest(properties = "amamo.test.demo-data=true")
class DemoClaimsTest {

    @Autowired
    ClaimRegister claims;

    @Autowired
    JdbcClient jdbc;

    @Test
    void no_two_certified_demo_claims_overlap_in_site_and_period() {
        List<Long> certified = jdbc.sql("SELECT application_id FROM claim WHERE status = 'CERTIFIED'")
                .query(Long.class)
                .list();
        assertThat(certified).as("the demo's certified projects").hasSizeGreaterThanOrEqualTo(3);

        assertThat(claims.certifiedConflicts()).isEmpty();
        for (long application : certified) {
            assertThat(claims.conflictsOf(application))
                    .as("conflicts of certified demo application %d", application)
                    .noneMatch(conflict -> conflict.otherStatus() == ClaimStatus.CERTIFIED && !conflict.sliver());
        }
    }

    @Test
    void every_demo_application_past_submission_has_a_claim_and_drafts_and_closed_ones_have_none() {
        long missing = jdbc.sql("""
                        SELECT COUNT(*) FROM application a
                         WHERE a.status NOT IN ('DRAFT', 'REJECTED', 'WITHDRAWN')
                           AND NOT EXISTS (SELECT 1 FROM claim c WHERE c.application_id = a.id)""").query(Long.class).single();
        long stale = jdbc.sql("""
                        SELECT COUNT(*) FROM claim c JOIN application a ON a.id = c.application_id
                         WHERE a.status IN ('DRAFT', 'REJECTED', 'WITHDRAWN')""").query(Long.class).single();

        assertThat(missing).isZero();
        assertThat(stale).isZero();
    }
}
