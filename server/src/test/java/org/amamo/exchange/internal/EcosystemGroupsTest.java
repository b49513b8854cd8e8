package org.amamo.exchange.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The ecosystem group of a batch, from the ecosystems of the certified project it was issued for. */
class EcosystemGroupsTest {

    @Test
    void oneEcosystemIsItsOwnGroupSeveralAreMixedNoneIsNone() {
        assertThat(EcosystemGroups.of(List.of("seagrass"))).isEqualTo("seagrass");
        assertThat(EcosystemGroups.of(List.of("seaweed", "seaweed"))).isEqualTo("seaweed");
        assertThat(EcosystemGroups.of(List.of("seagrass", "seaweed"))).isEqualTo("mixed");
        assertThat(EcosystemGroups.of(List.of())).isEqualTo("none");
    }

    @Test
    void everyGroupAnInstrumentMayNameIsOneABatchCanFallInto() {
        assertThat(EcosystemGroups.ALL)
                .contains("seagrass", "seaweed", "tidal-flat", "mangrove", "seaweed-farm", "mixed", "none")
                .doesNotHaveDuplicates();
    }
}
