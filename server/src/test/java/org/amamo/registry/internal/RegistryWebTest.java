package org.amamo.registry.internal;

import static org.amamo.testing.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.amamo.identity.AmamoPrincipal;
import org.amamo.registry.internal.RegistryFixture.Holder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/** The registry's pages: holders transfer and retire in tonnes, the secretariat issues and cancels, everyone reads. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(RegistryFixture.class)
class RegistryWebTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    RegistryFixture fixture;

    Holder alice;
    Holder bob;
    String batch;

    @BeforeEach
    void aliceHoldsTenTonnes() {
        alice = fixture.holder();
        bob = fixture.holder();
        batch = fixture.issue(2024, 100, alice).lines().get(0).serialRange().substring(0, 17);
    }

    @AfterEach
    void ledgerStaysSound() {
        fixture.assertLedgerSound();
    }

    @Test
    void holderSeesBalanceAndStatementInTonnes() throws Exception {
        mvc.perform(get("/account/registry").with(as(alice.user())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("10.0")));
        mvc.perform(get("/account/registry/accounts/" + alice.accountId()).with(as(alice.user())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(batch + "000001-000100")))
                .andExpect(content().string(containsString("transfer-form")));
    }

    @Test
    void othersCannotSeeAnAccount() throws Exception {
        mvc.perform(get("/account/registry/accounts/" + alice.accountId()).with(as(bob.user())))
                .andExpect(status().isForbidden());
        mvc.perform(get("/account/registry/accounts/" + alice.accountId() + "/statement.csv")
                        .with(as(bob.user())))
                .andExpect(status().isForbidden());
    }

    @Test
    void transfersTonnesFromTheForm() throws Exception {
        mvc.perform(post("/account/registry/accounts/" + alice.accountId() + "/transfer")
                        .with(as(alice.user()))
                        .with(csrf())
                        .param("toAccountId", Long.toString(bob.accountId()))
                        .param("tonnes", "2.5")
                        .param("requestKey", "web-" + alice.accountId()))
                .andExpect(redirectedUrl("/account/registry/accounts/" + alice.accountId()));
        assertThat(fixture.balance(bob)).isEqualTo(25);
    }

    @Test
    void showsWhyATransferWasRefused() throws Exception {
        mvc.perform(post("/account/registry/accounts/" + alice.accountId() + "/transfer")
                        .with(as(alice.user()))
                        .with(csrf())
                        .param("toAccountId", Long.toString(bob.accountId()))
                        .param("tonnes", "10.01"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("invalid")));
        mvc.perform(post("/account/registry/accounts/" + alice.accountId() + "/transfer")
                        .with(as(alice.user()))
                        .with(csrf())
                        .param("toAccountId", Long.toString(bob.accountId()))
                        .param("tonnes", "10.1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("101")));
        assertThat(fixture.balance(bob)).isZero();
    }

    @Test
    void retiresFromTheFormAndShowsThePublicRecord() throws Exception {
        mvc.perform(post("/account/registry/accounts/" + alice.accountId() + "/retire")
                        .with(as(alice.user()))
                        .with(csrf())
                        .param("confirmed", "yes")
                        .param("tonnes", "1.5")
                        .param("beneficiary", "Yokohama City")
                        .param("purpose", "EVENT")
                        .param("emissionsOffset", "Umi no Hi event")
                        .param("offsetTonnesCo2", "100000")
                        .param("offsetCoverage", "PART")
                        .param("reportingYear", "2024"))
                .andExpect(redirectedUrlPattern("/registry/retirements/*"));
        mvc.perform(get("/registry/retirements"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Yokohama City")))
                .andExpect(content().string(containsString(batch + "000001-000015")));
        mvc.perform(get("/registry/retirements.csv"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Yokohama City")));
    }

    @Test
    void theRetirementsOfOneProjectAreListedForItsPage() throws Exception {
        String otherBatch =
                fixture.issue(2024, 50, bob).lines().get(0).serialRange().substring(0, 17);
        mvc.perform(post("/account/registry/accounts/" + alice.accountId() + "/retire")
                        .with(as(alice.user()))
                        .with(csrf())
                        .param("confirmed", "yes")
                        .param("tonnes", "1.0")
                        .param("beneficiary", "Kanazawa Fishery")
                        .param("purpose", "EVENT")
                        .param("emissionsOffset", "Umi no Hi event")
                        .param("offsetTonnesCo2", "100000")
                        .param("offsetCoverage", "PART")
                        .param("reportingYear", "2024"))
                .andExpect(redirectedUrlPattern("/registry/retirements/*"));
        mvc.perform(post("/account/registry/accounts/" + bob.accountId() + "/retire")
                        .with(as(bob.user()))
                        .with(csrf())
                        .param("confirmed", "yes")
                        .param("tonnes", "2.0")
                        .param("beneficiary", "Other Project Buyer")
                        .param("purpose", "CORPORATE")
                        .param("emissionsOffset", "office electricity")
                        .param("offsetTonnesCo2", "100000")
                        .param("offsetCoverage", "PART")
                        .param("reportingYear", "2024"))
                .andExpect(redirectedUrlPattern("/registry/retirements/*"));

        String projectCode = batch.substring(9, 13);
        mvc.perform(get("/registry/retirements").param("projectCode", projectCode))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Kanazawa Fishery")))
                .andExpect(content().string(not(containsString("Other Project Buyer"))));
        mvc.perform(get("/registry/retirements").param("projectCode", otherBatch.substring(9, 13)))
                .andExpect(content().string(containsString("Other Project Buyer")))
                .andExpect(content().string(not(containsString("Kanazawa Fishery"))));
    }

    @Test
    void secretariatIssuesCancelsAndVerifiesFromThePages() throws Exception {
        AmamoPrincipal secretariat = fixture.secretariat();
        mvc.perform(get("/secretariat/registry/issue").with(as(secretariat))).andExpect(status().isOk());
        mvc.perform(post("/secretariat/registry/issue")
                        .with(as(secretariat))
                        .with(csrf())
                        .param("confirmed", "yes")
                        .param("typedConfirmation", "1")
                        .param("projectId", "7")
                        .param("projectCode", "0777")
                        .param("projectName", "Eelgrass")
                        .param("programmePrefix", "JBC")
                        .param("vintage", "2024")
                        .param("methodologyVersion", "JBE-2.3")
                        .param("creditType", "REMOVAL")
                        .param("certifier", "JBE")
                        .param("tonnes", "1")
                        .param("holders[0].holderId", Long.toString(alice.user().userId()))
                        .param("holders[0].sharePercent", "50")
                        .param("holders[1].holderId", Long.toString(bob.user().userId()))
                        .param("holders[1].sharePercent", "50"))
                .andExpect(redirectedUrlPattern("/registry/batches/*"));
        assertThat(fixture.balance(bob)).isEqualTo(5);
        mvc.perform(post("/secretariat/registry/cancel")
                        .with(as(secretariat))
                        .with(csrf())
                        .param("confirmed", "yes")
                        .param("typedConfirmation", batch + "000090-000100")
                        .param("serialRange", batch + "000090-000100")
                        .param("reason", "error"))
                .andExpect(status().is3xxRedirection());
        assertThat(fixture.balance(alice)).isEqualTo(89 + 5);
        mvc.perform(get("/secretariat/registry/verify").with(as(secretariat)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("journal-intact")))
                .andExpect(content().string(containsString("invariants-hold")));
        mvc.perform(get("/secretariat/registry").with(as(secretariat))).andExpect(status().isOk());
    }

    @Test
    void cancellingAsksFirstAndActsOnlyWithTheSerialRangeTyped() throws Exception {
        AmamoPrincipal secretariat = fixture.secretariat();
        String range = batch + "000001-000010";
        mvc.perform(post("/secretariat/registry/cancel")
                        .with(as(secretariat))
                        .with(csrf())
                        .param("serialRange", range)
                        .param("reason", "error"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("confirm-lead")))
                .andExpect(content().string(containsString(range)));
        assertThat(fixture.balance(alice)).isEqualTo(100);
        mvc.perform(post("/secretariat/registry/cancel")
                        .with(as(secretariat))
                        .with(csrf())
                        .param("serialRange", range)
                        .param("reason", "error")
                        .param("confirmed", "yes")
                        .param("typedConfirmation", batch + "000001-000011"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("typedConfirmation-errors")));
        assertThat(fixture.balance(alice)).isEqualTo(100);
        mvc.perform(post("/secretariat/registry/cancel")
                        .with(as(secretariat))
                        .with(csrf())
                        .param("serialRange", range)
                        .param("reason", "error")
                        .param("confirmed", "yes")
                        .param("typedConfirmation", range))
                .andExpect(status().is3xxRedirection());
        assertThat(fixture.balance(alice)).isEqualTo(90);
    }

    @Test
    void issueFormShowsSharesThatDoNotAddUp() throws Exception {
        AmamoPrincipal secretariat = fixture.secretariat();
        mvc.perform(post("/secretariat/registry/issue")
                        .with(as(secretariat))
                        .with(csrf())
                        .param("confirmed", "yes")
                        .param("typedConfirmation", "1")
                        .param("projectId", "7")
                        .param("projectCode", "0778")
                        .param("projectName", "Eelgrass")
                        .param("programmePrefix", "JBC")
                        .param("vintage", "2024")
                        .param("methodologyVersion", "JBE-2.3")
                        .param("creditType", "REMOVAL")
                        .param("certifier", "JBE")
                        .param("tonnes", "1")
                        .param("holders[0].holderId", Long.toString(alice.user().userId()))
                        .param("holders[0].sharePercent", "60"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("60")));
    }

    @Test
    void everyoneSeesBatchesAndLooksUpSerials() throws Exception {
        mvc.perform(get("/registry"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(batch.substring(0, 16))));
        mvc.perform(get("/registry/serials").param("q", batch + "000005"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("serial-blocks")));
        mvc.perform(get("/registry/serials").param("q", "JBC-nonsense"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("serial-problem")));
        mvc.perform(get("/registry").param("lang", "en")).andExpect(status().isOk());
        mvc.perform(get("/registry").param("programme", "jbc"))
                .andExpect(content().string(containsString(batch.substring(0, 16))));
        mvc.perform(get("/registry").param("programme", "YBC"))
                .andExpect(content().string(not(containsString(batch.substring(0, 16)))));
        String csv = mvc.perform(get("/registry/batches.csv"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv.lines().findFirst().orElseThrow())
                .isEqualTo("\uFEFFbatch_serial,project_code,project_name,"
                        + "vintage,batch_number,credit_type,methodology_version,certifier,issued_t_co2,active_t_co2,"
                        + "retired_t_co2,cancelled_t_co2,issued_at");
        assertThat(csv.lines().filter(line -> line.startsWith(batch.substring(0, 16) + ",")))
                .singleElement()
                .asString()
                .contains(",2024,1,REMOVAL,JBE-2.3,", ",10.0,10.0,0.0,0.0,");
    }

    @Test
    void holdersRequestAndTheSecretariatOpensAccounts() throws Exception {
        AmamoPrincipal carol = fixture.users.create(org.amamo.identity.Role.HOLDER);
        mvc.perform(post("/account/registry/request").with(as(carol)).with(csrf()))
                .andExpect(redirectedUrl("/account/registry"));
        long id = fixture.accountStore
                .accountByOwnerKey("U:" + carol.userId())
                .orElseThrow()
                .id();
        mvc.perform(post("/secretariat/registry/accounts/" + id + "/approve")
                        .with(as(fixture.secretariat()))
                        .with(csrf()))
                .andExpect(redirectedUrl("/secretariat/registry"));
        assertThat(fixture.accountStore.account(id).orElseThrow().status()).isEqualTo(AccountStatus.OPEN);
    }
}
