package org.amamo.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.amamo.registry.IssuanceRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The public retirement records narrow to one programme (by the serial prefix of the credits they retired) on the
 * page, in the CSV and in the API; an unknown programme shows every record, as every other list does.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(RegistryFixture.class)
class RegistryProgrammeFilterTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    RegistryFixture fixture;

    String jbcBeneficiary;
    String ybcBeneficiary;
    String ybcBatch;

    @BeforeEach
    void oneRetirementInEachProgramme() {
        RegistryFixture.Holder jbcHolder = fixture.holder();
        RegistryFixture.Holder ybcHolder = fixture.holder();
        fixture.issue(2024, 50, jbcHolder);
        IssuanceRequest jbc = RegistryFixture.request(2024, 50, ybcHolder);
        ybcBatch = fixture.issuer
                .issue(
                        Actor.SYSTEM,
                        new IssuanceRequest(
                                jbc.projectId(),
                                jbc.projectCode(),
                                jbc.projectName(),
                                "YBC",
                                jbc.vintage(),
                                "yokohama-2019",
                                jbc.creditType(),
                                "横浜市",
                                jbc.creditUnits(),
                                jbc.holders(),
                                null))
                .value()
                .lines()
                .get(0)
                .serialRange()
                .substring(0, 16);
        jbcBeneficiary = retire(jbcHolder, "JBC 購入者");
        ybcBeneficiary = retire(ybcHolder, "横浜 購入者");
    }

    @AfterEach
    void ledgerSound() {
        fixture.assertLedgerSound();
    }

    String retire(RegistryFixture.Holder holder, String name) {
        String beneficiary = name + " " + UUID.randomUUID();
        RetirementDisclosure disclosure =
                new RetirementDisclosure(beneficiary, RetirementPurpose.EVENT, "イベントの排出", 2024, null);
        assertThat(fixture.registry
                        .retire(holder.actor(), new Registry.Retirement(holder.accountId(), 10, disclosure), null)
                        .refused())
                .isFalse();
        return beneficiary;
    }

    String body(String path) throws Exception {
        return mvc.perform(get(path))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theRetirementPageNarrowsToOneProgramme() throws Exception {
        assertThat(ybcBatch).startsWith("YBC-");
        assertThat(body("/registry/retirements?programme=YBC"))
                .contains(ybcBeneficiary)
                .doesNotContain(jbcBeneficiary);
        assertThat(body("/registry/retirements?programme=jbc"))
                .contains(jbcBeneficiary)
                .doesNotContain(ybcBeneficiary);
        assertThat(body("/registry/retirements?programme=NOPE")).contains(jbcBeneficiary, ybcBeneficiary);
        assertThat(body("/registry/retirements")).contains(jbcBeneficiary, ybcBeneficiary);
    }

    @Test
    void theCsvAndTheApiNarrowTheSameWay() throws Exception {
        assertThat(body("/registry/retirements.csv?programme=YBC"))
                .contains(ybcBeneficiary)
                .doesNotContain(jbcBeneficiary);
        assertThat(body("/registry/retirements.csv?programme=NOPE")).contains(jbcBeneficiary, ybcBeneficiary);
        assertThat(body("/api/v1/registry/retirements?programme=JBC&size=100"))
                .contains(jbcBeneficiary)
                .doesNotContain(ybcBeneficiary);
    }

    @Test
    void anUnknownProgrammeShowsEveryBatchToo() throws Exception {
        assertThat(body("/registry?programme=NOPE")).contains(ybcBatch);
        assertThat(body("/registry?programme=JBC")).doesNotContain(ybcBatch);
    }
}
