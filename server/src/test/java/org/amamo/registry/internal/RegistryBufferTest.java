package org.amamo.registry.internal;

import static org.amamo.testing.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.amamo.application.CertifiedUptakes;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
import org.amamo.platform.Outcome;
import org.amamo.platform.Refusal;
import org.amamo.platform.RefusalKind;
import org.amamo.platform.SchemeTime;
import org.amamo.registry.CreditType;
import org.amamo.registry.InitialHolder;
import org.amamo.registry.IssuanceRequest;
import org.amamo.registry.IssuanceResult;
import org.amamo.registry.IssuedBatches;
import org.amamo.registry.internal.RegistryFixture.Holder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The buffer pool (docs/registry.md, "Buffer pool and reversals"): at issuance the programme's uptake-weighted share
 * of a certified project's batch goes to the programme's buffer account as the batch's last serials; a reversal
 * cancels the loss from the buffer, the project's own units first, then the pool's oldest, and records what the
 * buffer cannot cover as the project's shortfall. The pool is public (page, JSON, CSV).
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(RegistryFixture.class)
class RegistryBufferTest {

    private static final AtomicInteger PROJECTS = new AtomicInteger();

    /** Seagrass 10 ha (15.8 t-CO2) and sargassum 10 ha (27 t-CO2), certainties 1. */
    static final String MIXED_SHEET = """
            {"methodologyVersion": "jbe-2.3", "applicationDate": "2024-06-01", "years": [{"start": "2023-04-01",
             "components": [
              {"id": "a", "method": "area", "ecosystem": "seagrass", "areaHa": "10", "coefficient": null,
               "areaCertainty": "1.00", "coefficientCertainty": "1.00"},
              {"id": "b", "method": "area", "ecosystem": "sargassum", "areaHa": "10", "coefficient": null,
               "areaCertainty": "1.00", "coefficientCertainty": "1.00"}],
             "baselineT": "0", "vessels": []}]}
            """;

    @Autowired
    RegistryFixture fixture;

    @Autowired
    BufferDesk buffers;

    @Autowired
    CertifiedUptakes uptakes;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @AfterEach
    void ledgerStaysSoundAndSharesGoBackToZero() {
        jdbc.sql("DELETE FROM programme_buffer_share").update();
        fixture.assertLedgerSound();
    }

    void shares(String... pairs) {
        for (int i = 0; i < pairs.length; i += 2) {
            jdbc.sql(
                            "INSERT INTO programme_buffer_share (programme_code, ecosystem, share_percent) VALUES ('JBC', ?, ?)")
                    .params(pairs[i], new BigDecimal(pairs[i + 1]))
                    .update();
        }
    }

    /** A certified application with the sheet, as the review freezes it; returns its id. */
    long certifiedApplication(AmamoPrincipal owner, String sheet, long units) {
        java.sql.Timestamp now = java.sql.Timestamp.from(java.time.Instant.now());
        jdbc.sql("INSERT INTO project (name, owner_id, created_at) VALUES ('buffer', ?, ?)")
                .params(owner.userId(), now)
                .update();
        long project = jdbc.sql("SELECT MAX(id) FROM project").query(Long.class).single();
        jdbc.sql("""
                INSERT INTO application (project_id, owner_id, status, name, methodology_version, certified_units,
                                         certified_sheet, certified_version, certified_at, created_at, updated_at)
                VALUES (?, ?, 'CERTIFIED', 'buffer', 'jbe-2.3', ?, ?, 'jbe-2.3', ?, ?, ?)
                """)
                .params(project, owner.userId(), units, sheet, now, now, now)
                .update();
        return jdbc.sql("SELECT MAX(id) FROM application").query(Long.class).single();
    }

    record Issued(String projectCode, IssuanceResult result) {}

    /** Issues {@code units} of a certified mixed project to the holder under the certification's reference. */
    Issued issueCertified(Holder holder, long units) {
        long application = certifiedApplication(holder.user(), MIXED_SHEET, units);
        String code = "BUF" + PROJECTS.incrementAndGet()
                + Long.toString(System.nanoTime() % 100_000, 36).toUpperCase();
        IssuanceResult result = fixture.issuer.issue(new IssuanceRequest(
                application,
                code,
                "バッファ試験 " + code,
                "JBC",
                2024,
                "jbe-2.3",
                CreditType.REMOVAL,
                "JBE",
                units,
                List.of(InitialHolder.user(holder.user().userId(), "100")),
                IssuedBatches.certificationReference(application)));
        assertThat(result.refusals()).isEmpty();
        return new Issued(code, result);
    }

    long bufferAccount() {
        return fixture.accountStore.accountByOwnerKey("B:JBC").orElseThrow().id();
    }

    long bufferBalance() {
        return fixture.accountStore
                .accountByOwnerKey("B:JBC")
                .map(account -> fixture.blockStore.balance(account.id()))
                .orElse(0L);
    }

    long reversals() {
        return jdbc.sql("SELECT COUNT(*) FROM registry_reversal")
                .query(Long.class)
                .single();
    }

    BufferDesk.Reversal reversal(String projectCode, String tonnes) {
        return new BufferDesk.Reversal(
                "JBC", projectCode, "2026-01-15", "2.5", tonnes, "台風による藻場の消失", "潜水調査で被度が 0 % に", null);
    }

    @Test
    void theCertifiedUptakeIsReadByEcosystem() {
        long application = certifiedApplication(fixture.users.create(Role.APPLICANT), MIXED_SHEET, 427);
        assertThat(uptakes.byEcosystem(application))
                .containsOnlyKeys("seagrass", "sargassum")
                .hasEntrySatisfying("seagrass", t -> assertThat(t).isEqualByComparingTo("15.8"))
                .hasEntrySatisfying("sargassum", t -> assertThat(t).isEqualByComparingTo("27"));
    }

    @Test
    void theBufferGetsTheWeightedShareAsTheBatchsLastSerials() throws Exception {
        shares("seagrass", "10", "sargassum", "20");
        Holder holder = fixture.holder();
        Issued issued = issueCertified(holder, 1000);

        // (15.8 x 10 + 27 x 20) / 42.8 = 16.308 %: 163 of 1,000 units to the buffer, 837 to the holder.
        assertThat(issued.result().allocations()).hasSize(1);
        assertThat(issued.result().allocations().get(0).creditUnits()).isEqualTo(837);
        assertThat(issued.result().allocations().get(0).serialRange()).endsWith("-000001-000837");
        assertThat(fixture.balance(holder)).isEqualTo(837);
        List<LedgerInvariants.Block> buffered =
                fixture.blockStore.overlapping(issued.result().batchId(), 838, 1000, false);
        assertThat(buffered).singleElement().satisfies(block -> {
            assertThat(block.accountId()).isEqualTo(bufferAccount());
            assertThat(block.firstSerial()).isEqualTo(838);
            assertThat(block.lastSerial()).isEqualTo(1000);
        });
        String payload = jdbc.sql("SELECT e.payload FROM registry_journal_entry e JOIN registry_batch b "
                        + "ON b.entry_id = e.id WHERE b.id = ?")
                .param(issued.result().batchId())
                .query(String.class)
                .single();
        assertThat(payload).contains("bufferUnits=163").contains("bufferPercent=16.3084");
        mvc.perform(get("/registry/batches/" + issued.result().batchId()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("batch-buffer")))
                .andExpect(content().string(containsString("16.3")));
    }

    @Test
    void atZeroPercentTheHoldersGetEverythingAndTheEntryReadsAsBefore() {
        Holder holder = fixture.holder();
        Issued issued = issueCertified(holder, 1000);

        assertThat(fixture.balance(holder)).isEqualTo(1000);
        String payload = jdbc.sql("SELECT e.payload FROM registry_journal_entry e JOIN registry_batch b "
                        + "ON b.entry_id = e.id WHERE b.id = ?")
                .param(issued.result().batchId())
                .query(String.class)
                .single();
        assertThat(payload).doesNotContain("buffer");
    }

    @Test
    void aReversalCancelsTheProjectsOwnBufferFirstThenThePoolsOldest() {
        shares("seagrass", "10", "sargassum", "20");
        Holder holder = fixture.holder();
        issueCertified(holder, 1000);
        Issued reversed = issueCertified(holder, 1000);
        long oldestOther = jdbc.sql("""
                SELECT MIN(k.batch_id) FROM registry_block k WHERE k.account_id = ? AND k.status = 'ACTIVE'
                   AND k.batch_id <> ?""")
                .params(bufferAccount(), reversed.result().batchId())
                .query(Long.class)
                .single();
        long before = bufferBalance();
        AmamoPrincipal secretariat = fixture.secretariat();

        // 16.8 t lost: the project's own 163 units, then 5 units of the oldest other batch in the pool.
        Outcome<Receipt> outcome =
                buffers.reverse(Actor.of(secretariat), reversal(reversed.projectCode(), "16.8"), null);

        assertThat(outcome.refusals()).isEmpty();
        assertThat(outcome.value().operation()).isEqualTo(Operation.REVERSE);
        assertThat(outcome.value().creditUnits()).isEqualTo(168);
        assertThat(outcome.value().lines()).hasSize(2);
        assertThat(outcome.value().lines().get(0).serialRange()).startsWith("JBC-2024-" + reversed.projectCode());
        assertThat(outcome.value().lines().get(0).creditUnits()).isEqualTo(163);
        assertThat(outcome.value().lines().get(1).creditUnits()).isEqualTo(5);
        assertThat(fixture.blockStore.overlapping(oldestOther, 1, Long.MAX_VALUE, false))
                .anySatisfy(block -> assertThat(block.status()).isEqualTo(BlockStatus.CANCELLED));
        assertThat(bufferBalance()).isEqualTo(before - 168);
        Map<String, Object> record = jdbc.sql(
                        "SELECT own_units, pool_units, shortfall_units, lost_units FROM registry_reversal WHERE entry_id = ?")
                .param(outcome.value().entryId())
                .query()
                .singleRow();
        assertThat(record.values())
                .extracting(value -> ((Number) value).longValue())
                .containsExactly(163L, 5L, 0L, 168L);
    }

    @Test
    void aReversalBeyondTheBufferCancelsWhatThereIsAndRecordsTheShortfall() {
        shares("seagrass", "10");
        Holder holder = fixture.holder();
        Issued issued = issueCertified(holder, 100_000);
        long before = bufferBalance();

        Outcome<Receipt> outcome =
                buffers.reverse(Actor.of(fixture.secretariat()), reversal(issued.projectCode(), "10000.0"), null);

        assertThat(outcome.refusals()).isEmpty();
        assertThat(bufferBalance()).isZero();
        assertThat(outcome.value().creditUnits()).isEqualTo(before);
        long shortfall = jdbc.sql("SELECT shortfall_units FROM registry_reversal WHERE entry_id = ?")
                .param(outcome.value().entryId())
                .query(Long.class)
                .single();
        assertThat(shortfall).isEqualTo(100_000 - before);
    }

    @Test
    void badReversalsAreRefusedAtTheirFieldAndChangeNothing() {
        shares("seagrass", "10");
        Issued issued = issueCertified(fixture.holder(), 1000);
        Actor secretariat = Actor.of(fixture.secretariat());
        long reversalsBefore = reversals();
        long balanceBefore = bufferBalance();
        String tomorrow = LocalDate.now(SchemeTime.ZONE).plusDays(1).toString();
        String code = issued.projectCode();

        assertRefused(buffers.reverse(secretariat, reversal(code, "-1"), null), "tonnesLost");
        assertRefused(buffers.reverse(secretariat, reversal(code, "0"), null), "tonnesLost");
        assertRefused(buffers.reverse(secretariat, reversal(code, "1.25"), null), "tonnesLost");
        assertRefused(
                buffers.reverse(
                        secretariat,
                        new BufferDesk.Reversal("JBC", code, tomorrow, "1", "1", "cause", "evidence", null),
                        null),
                "occurredOn");
        assertRefused(
                buffers.reverse(
                        secretariat,
                        new BufferDesk.Reversal("JBC", code, "2026-01-15", "0", "1", "cause", "evidence", null),
                        null),
                "areaHectares");
        assertRefused(
                buffers.reverse(
                        secretariat,
                        new BufferDesk.Reversal("JBC", code, "2026-01-15", "1", "1", " ", "evidence", "ftp://x"),
                        null),
                "cause",
                "evidenceUrl");
        assertRefused(
                buffers.reverse(
                        secretariat,
                        new BufferDesk.Reversal("ZZZ", code, "2026-01-15", "1", "1", "cause", "evidence", null),
                        null),
                "programmeCode");
        Outcome<Receipt> unknown = buffers.reverse(secretariat, reversal("NOSUCH1", "1"), null);
        assertRefused(unknown, "projectCode");
        assertThat(unknown.kind()).isEqualTo(RefusalKind.NOT_FOUND);
        // More than was issued to the project (100.0 t) is more than the rule allows.
        Outcome<Receipt> tooMuch = buffers.reverse(secretariat, reversal(code, "100.1"), null);
        assertRefused(tooMuch, "tonnesLost");
        assertThat(tooMuch.refusals().get(0).messageKey()).isEqualTo("registry.reversal.too-much");

        assertThat(reversals()).isEqualTo(reversalsBefore);
        assertThat(bufferBalance()).isEqualTo(balanceBefore);
    }

    @Test
    void onlyTheSecretariatRecordsAReversal() throws Exception {
        shares("seagrass", "10");
        Holder holder = fixture.holder();
        Issued issued = issueCertified(holder, 1000);
        long before = reversals();

        assertThat(buffers.reverse(holder.actor(), reversal(issued.projectCode(), "1"), null)
                        .kind())
                .isEqualTo(RefusalKind.FORBIDDEN);
        for (Role role : List.of(Role.HOLDER, Role.APPLICANT, Role.REVIEWER)) {
            AmamoPrincipal user = fixture.users.create(role);
            mvc.perform(post("/secretariat/registry/reversals")
                            .with(as(user))
                            .with(csrf())
                            .param("programmeCode", "JBC")
                            .param("projectCode", issued.projectCode())
                            .param("occurredOn", "2026-01-15")
                            .param("areaHectares", "1")
                            .param("tonnesLost", "1")
                            .param("cause", "typhoon")
                            .param("evidence", "survey"))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/api/v1/registry/reversals")
                            .with(as(user))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"programmeCode\": \"JBC\", \"projectCode\": \"" + issued.projectCode()
                                    + "\", \"occurredOn\": \"2026-01-15\", \"areaHectares\": \"1\", "
                                    + "\"tonnesLost\": \"1\", \"cause\": \"typhoon\", \"evidence\": \"survey\"}"))
                    .andExpect(status().isForbidden());
        }
        assertThat(reversals()).isEqualTo(before);
    }

    @Test
    void theSecretariatRecordsAReversalFromTheFormAndEveryoneSeesItOnTheBufferPage() throws Exception {
        shares("seagrass", "10");
        Issued issued = issueCertified(fixture.holder(), 1000);
        AmamoPrincipal secretariat = fixture.secretariat();

        mvc.perform(post("/secretariat/registry/reversals")
                        .with(as(secretariat))
                        .with(csrf())
                        .param("programmeCode", "JBC")
                        .param("projectCode", issued.projectCode())
                        .param("occurredOn", "2026-01-15")
                        .param("areaHectares", "abc")
                        .param("tonnesLost", "1")
                        .param("cause", "typhoon")
                        .param("evidence", "survey")
                        .param("confirmed", "yes")
                        .param("typedConfirmation", "1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("areaHectares-errors")));
        long before = reversals();
        // Cancelling from the buffer cannot be undone: one POST only asks, stating the loss.
        mvc.perform(post("/secretariat/registry/reversals")
                        .with(as(secretariat))
                        .with(csrf())
                        .param("programmeCode", "JBC")
                        .param("projectCode", issued.projectCode())
                        .param("occurredOn", "2026-01-15")
                        .param("areaHectares", "1.25")
                        .param("tonnesLost", "2.5")
                        .param("cause", "Typhoon No. 10")
                        .param("evidence", "Diver survey: cover 0 %")
                        .param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Record the reversal and cancel from the buffer?")))
                .andExpect(content().string(containsString("2.5 t-CO2 lost on 2026-01-15")));
        assertThat(reversals()).isEqualTo(before);
        mvc.perform(post("/secretariat/registry/reversals")
                        .with(as(secretariat))
                        .with(csrf())
                        .param("programmeCode", "JBC")
                        .param("projectCode", issued.projectCode())
                        .param("occurredOn", "2026-01-15")
                        .param("areaHectares", "1.25")
                        .param("tonnesLost", "2.5")
                        .param("cause", "Typhoon No. 10")
                        .param("evidence", "Diver survey: cover 0 %")
                        .param("evidenceUrl", "https://example.org/survey.pdf")
                        .param("confirmed", "yes")
                        .param("typedConfirmation", "2.5"))
                .andExpect(status().is3xxRedirection());

        mvc.perform(get("/registry/buffer/JBC").header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Typhoon No. 10")))
                .andExpect(content().string(containsString(issued.projectCode())))
                .andExpect(content().string(containsString("buffer-balance")));
        mvc.perform(get("/registry/buffer/JBC"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("バッファプール")));
        mvc.perform(get("/api/v1/registry/buffer/JBC"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.programmeCode").value("JBC"))
                .andExpect(jsonPath("$.shares.seagrass").value(10.0))
                .andExpect(jsonPath("$.reversals[0].cause").value("Typhoon No. 10"))
                .andExpect(jsonPath("$.reversals[0].lostUnits").value(25));
        mvc.perform(get("/registry/buffer/JBC/reversals.csv"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("reversal_id,programme_code,project_code")))
                .andExpect(content().string(containsString(issued.projectCode())))
                .andExpect(content().string(containsString("2.5,2.5,0.0,0.0,Typhoon No. 10")));
        mvc.perform(get("/registry/buffer/JBC/intake.csv"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(issued.projectCode() + ",")));
        mvc.perform(get("/registry/buffer/NOPE")).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/registry/buffer/NOPE")).andExpect(status().isNotFound());
        mvc.perform(get("/registry")).andExpect(content().string(containsString("/registry/buffer")));
    }

    @Test
    void aReversalRecordAlteredAfterwardsBreaksTheJournal() {
        shares("seagrass", "10");
        Issued issued = issueCertified(fixture.holder(), 1000);
        Receipt receipt = buffers.reverse(Actor.of(fixture.secretariat()), reversal(issued.projectCode(), "1"), null)
                .value();
        jdbc.sql("UPDATE registry_reversal SET lost_units = 5, shortfall_units = 0, own_units = 5 WHERE entry_id = ?")
                .param(receipt.entryId())
                .update();
        try {
            Journal.Verification verification = fixture.audit.verify();
            assertThat(verification.intact()).isFalse();
            assertThat(verification.brokenEntryId()).isEqualTo(receipt.entryId());
        } finally {
            jdbc.sql("UPDATE registry_reversal SET lost_units = 10, own_units = 10 WHERE entry_id = ?")
                    .param(receipt.entryId())
                    .update();
        }
    }

    private static void assertRefused(Outcome<?> outcome, String... fields) {
        assertThat(outcome.refused()).isTrue();
        assertThat(outcome.refusals()).extracting(Refusal::field).contains(fields);
    }
}
