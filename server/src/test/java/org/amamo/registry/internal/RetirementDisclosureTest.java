package org.amamo.registry.internal;

import static org.amamo.testing.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.amamo.registry.CreditType;
import org.amamo.registry.IssuanceRequest;
import org.amamo.registry.IssuedBatches;
import org.amamo.registry.internal.RegistryFixture.Holder;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Complete disclosure on use (issue 22 item 3, seed 004 figure 12): a retirement record, its certificate and its
 * CSV and JSON carry the monitoring period, region, category, co-benefits and corresponding adjustment of the
 * credits (read from the certified application of their batch) and what the holder states (the emissions offset as
 * a number with its coverage, the sector, why this credit); bad input is refused at its field and changes nothing;
 * the journal covers the new fields and still verifies entries written before them.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(RegistryFixture.class)
class RetirementDisclosureTest {

    private static final AtomicInteger APPLICATIONS = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    RegistryFixture fixture;

    @Autowired
    JdbcClient jdbc;

    Holder alice;
    String batch;

    /** Alice holds 10.0 t of a batch certified from an application in Yokohama's Kanazawa ward, fiscal 2024-2025. */
    @BeforeEach
    void certifiedBatch() {
        alice = fixture.holder();
        long application = certifiedApplication();
        IssuanceRequest plain = RegistryFixture.request(2024, 100, alice);
        Receipt issued = fixture.issuer
                .issue(
                        Actor.SYSTEM,
                        new IssuanceRequest(
                                plain.projectId(),
                                plain.projectCode(),
                                plain.projectName(),
                                plain.programmePrefix(),
                                plain.vintage(),
                                plain.methodologyVersion(),
                                CreditType.REMOVAL,
                                plain.certifier(),
                                plain.creditUnits(),
                                plain.holders(),
                                IssuedBatches.certificationReference(application)))
                .value();
        batch = issued.lines().get(0).serialRange().substring(0, "JBC-2024-0000-01".length());
    }

    @Test
    void aRetirementDisclosesTheCreditsOriginAndWhatTheHolderStatesInJsonCsvPageAndCertificate() throws Exception {
        mvc.perform(retire("{\"offsetTonnesCo2\":12.5,\"offsetCoverage\":\"PART\","
                                + "\"beneficiarySector\":\"港湾運送業\",\"selectionReason\":\"地元の藻場を支えるため\"}")
                        .header("Idempotency-Key", "disclosure-" + alice.accountId()))
                .andExpect(status().isCreated());
        long id = retirementId();
        mvc.perform(get("/api/v1/registry/retirements/" + id))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.emissionsOffset").value("イベントの電力"))
                .andExpect(jsonPath("$.offsetTonnesCo2").value(12.5))
                .andExpect(jsonPath("$.offsetCoverage").value("PART"))
                .andExpect(jsonPath("$.beneficiarySector").value("港湾運送業"))
                .andExpect(jsonPath("$.selectionReason").value("地元の藻場を支えるため"))
                .andExpect(jsonPath("$.correspondingAdjustment").value("NOT_APPLIED"))
                .andExpect(jsonPath("$.origins[0].batchSerial").value(batch))
                .andExpect(jsonPath("$.origins[0].monitoringStart").value("2024-04-01"))
                .andExpect(jsonPath("$.origins[0].monitoringEnd").value("2026-03-31"))
                .andExpect(jsonPath("$.origins[0].prefecture").value("14"))
                .andExpect(jsonPath("$.origins[0].municipality").value("横浜市金沢区"))
                .andExpect(jsonPath("$.origins[0].creditType").value("REMOVAL"))
                .andExpect(jsonPath("$.origins[0].basis").value("NATURE_BASED"))
                .andExpect(jsonPath("$.origins[0].coBenefits[0]").value("biodiversity"));

        String csv = mvc.perform(get("/registry/retirements.csv"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String[] lines = csv.split("\r\n");
        assertThat(lines[0])
                .startsWith("\uFEFFid,retired_at,beneficiary,purpose,emissions_offset,reporting_year,credit_units,"
                        + "tonnes_co2,serial_ranges,")
                .endsWith(",monitoring_start,monitoring_end,prefecture,municipality,credit_type,basis,co_benefits,"
                        + "corresponding_adjustment,offset_t_co2,offset_coverage,beneficiary_sector,selection_reason");
        assertThat(lines[1])
                .startsWith(id + ",")
                .endsWith(",\"2024-04-01\",\"2026-03-31\",\"14\",\"横浜市金沢区\",\"removal\",\"nature-based\","
                        + "\"biodiversity water-quality\",\"not-applied\",\"12.5\",\"part\",\"港湾運送業\","
                        + "\"地元の藻場を支えるため\"");

        String page = mvc.perform(get("/registry/retirements/" + id))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("12.5", "一部をオフセット", "港湾運送業", "地元の藻場を支えるため", "適用なし")
                .contains("2024-04-01", "2026-03-31", "神奈川県", "横浜市金沢区", "自然ベース", "生物多様性の保全", "水質浄化");

        assertThat(certificateText(id, "ja"))
                .contains("オフセットの対象となる排出量", "12.5", "一部をオフセット", "港湾運送業", "地元の藻場を支えるため")
                .contains("相当調整", "適用なし", "モニタリング期間", "2024-04-01", "2026-03-31")
                .contains("神奈川県 横浜市金沢区", "吸収 / 自然ベース", "生物多様性の保全、水質浄化");
        assertThat(certificateText(id, "en"))
                .contains("Emissions offset", "Part of the emissions offset", "Corresponding adjustment")
                .contains("Not applied", "Monitoring period", "Kanagawa", "nature-based", "Biodiversity");
        fixture.assertLedgerSound();
    }

    @Test
    void badDisclosureIsRefusedAtItsFieldAndChangesNothing() throws Exception {
        refused("{\"offsetTonnesCo2\":-1,\"offsetCoverage\":\"PART\"}", "offsetTonnesCo2");
        refused("{\"offsetTonnesCo2\":1.2345,\"offsetCoverage\":\"PART\"}", "offsetTonnesCo2");
        refused("{\"offsetTonnesCo2\":20000000000,\"offsetCoverage\":\"PART\"}", "offsetTonnesCo2");
        refused("{\"offsetCoverage\":\"ALL\"}", "offsetTonnesCo2");
        refused("{\"offsetTonnesCo2\":5}", "offsetCoverage");
        refused("{\"offsetTonnesCo2\":5,\"offsetCoverage\":\"SOME\"}", "offsetCoverage");
        // 1.0 t retired: "all" of 5 t is not covered, "part" of 0.5 t is more than covered.
        refused("{\"offsetTonnesCo2\":5,\"offsetCoverage\":\"ALL\"}", "offsetCoverage");
        refused("{\"offsetTonnesCo2\":0.5,\"offsetCoverage\":\"PART\"}", "offsetCoverage");
        refused("{\"beneficiarySector\":\"" + "x".repeat(101) + "\"}", "beneficiarySector");
        refused("{\"selectionReason\":\"" + "x".repeat(1001) + "\"}", "selectionReason");
        assertThat(fixture.balance(alice)).isEqualTo(100);
        // At the limits: exactly covered is "all"; three decimals and the longest texts are taken.
        mvc.perform(retire("{\"offsetTonnesCo2\":1.000,\"offsetCoverage\":\"ALL\",\"beneficiarySector\":\""
                        + "x".repeat(100) + "\",\"selectionReason\":\"" + "y".repeat(1000) + "\"}"))
                .andExpect(status().isCreated());
        mvc.perform(retire("{\"offsetTonnesCo2\":1.001,\"offsetCoverage\":\"PART\"}"))
                .andExpect(status().isCreated());
        fixture.assertLedgerSound();
    }

    @Test
    void theWebFormAsksForTheOffsetAsANumberWithItsCoverageAtTheirFields() throws Exception {
        String page = mvc.perform(post("/account/registry/accounts/" + alice.accountId() + "/retire")
                        .with(as(alice.user()))
                        .with(csrf())
                        .param("tonnes", "1.0")
                        .param("beneficiary", "横浜市")
                        .param("purpose", "EVENT")
                        .param("emissionsOffset", "イベントの電力")
                        .param("beneficiarySector", "x".repeat(101)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("id=\"offsetTonnesCo2-errors\"", "オフセットの対象となる排出量をt-CO2の数で入力してください")
                .contains("全量か一部かを選んでください")
                .contains("id=\"beneficiarySector-errors\"");
        assertThat(fixture.balance(alice)).isEqualTo(100);
        String location = mvc.perform(post("/account/registry/accounts/" + alice.accountId() + "/retire")
                        .with(as(alice.user()))
                        .with(csrf())
                        .param("tonnes", "1.0")
                        .param("beneficiary", "横浜市")
                        .param("purpose", "EVENT")
                        .param("emissionsOffset", "イベントの電力")
                        .param("offsetTonnesCo2", "1")
                        .param("offsetCoverage", "ALL")
                        .param("requestKey", "web-disclosure-" + alice.accountId())
                        .param("confirmed", "yes"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(mvc.perform(get(location)).andReturn().getResponse().getContentAsString())
                .contains("全量をオフセット");
    }

    @Test
    void theJournalCoversTheNewFieldsAndStillVerifiesEntriesWrittenBeforeThem() throws Exception {
        // A retirement without the new fields is written exactly as before they existed: same payload, same hash.
        Receipt old = fixture.registry
                .retire(
                        alice.actor(),
                        new Registry.Retirement(
                                alice.accountId(),
                                10,
                                new RetirementDisclosure("横浜市", RetirementPurpose.EVENT, "海の日イベント", 2024, null)),
                        "old-format-" + alice.accountId())
                .value();
        JournalEntry entry = fixture.journalStore.entry(old.entryId()).orElseThrow();
        assertThat(entry.payload())
                .isEqualTo("beneficiary=横浜市\nemissionsOffset=海の日イベント\nfrom=" + alice.accountId()
                        + "\npurpose=EVENT\nreportingYear=2024");
        assertThat(entry.canonicalText()).startsWith("amamo-registry-journal-v1\n");
        fixture.assertLedgerSound();

        mvc.perform(retire("{\"offsetTonnesCo2\":100,\"offsetCoverage\":\"PART\",\"beneficiarySector\":\"運輸\"}"))
                .andExpect(status().isCreated());
        long id = retirementId();
        long entryId = jdbc.sql("SELECT entry_id FROM registry_retirement WHERE id = ?")
                .param(id)
                .query(Long.class)
                .single();
        assertThat(fixture.journalStore.entry(entryId).orElseThrow().payload())
                .contains("offsetTonnes=100", "offsetCoverage=PART", "beneficiarySector=運輸");
        fixture.assertLedgerSound();

        // Altering a new field of the public record breaks the journal's verification, naming the entry.
        jdbc.sql("UPDATE registry_retirement SET offset_tonnes = 10 WHERE id = ?")
                .param(id)
                .update();
        Journal.Verification broken = fixture.audit.verify();
        assertThat(broken.intact()).isFalse();
        assertThat(broken.brokenEntryId()).isEqualTo(entryId);
        jdbc.sql("UPDATE registry_retirement SET offset_tonnes = 100 WHERE id = ?")
                .param(id)
                .update();
        assertThat(fixture.audit.verify().intact()).isTrue();
    }

    @Test
    void anEntryInTheFormatBeforeTheNewFieldsKeepsItsHash() {
        // Computed by the journal before complete disclosure was added (issue 22): the format has not changed.
        JournalEntry entry = new JournalEntry(
                7,
                Operation.RETIRE,
                3L,
                "key-7",
                "f".repeat(64),
                10,
                "beneficiary=横浜市\nemissionsOffset=海の日イベント\nfrom=5\npurpose=EVENT\nreportingYear=2024",
                java.time.Instant.parse("2025-06-01T00:00:00Z"),
                List.of(new JournalEntry.ChainLink(5, 6, "a".repeat(64))),
                List.of(new JournalEntry.Movement(2, 1, 10, 5L, 9)),
                null);
        assertThat(entry.computeHash()).isEqualTo(OLD_FORMAT_HASH);
        assertThat(Registry.retirementPayload(
                                5,
                                new RetirementDisclosure(
                                        "横浜市", RetirementPurpose.EVENT, "海の日イベント", 2024, null, null, null, null, null))
                        .text())
                .isEqualTo(entry.payload());
    }

    static final String OLD_FORMAT_HASH = "c8b33f832e7d379a49ce83867240327b601a93275257aaa19af77af274a7ac47";

    // ---- helpers

    private long certifiedApplication() {
        int n = APPLICATIONS.incrementAndGet();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("INSERT INTO project (name, owner_id, created_at) VALUES (?, ?, ?)")
                .params("金沢八景アマモ場 " + n, alice.user().userId(), now)
                .update();
        long project = lastId("project");
        jdbc.sql("""
                INSERT INTO application (project_id, owner_id, status, name, methodology_version, prefecture,
                       municipality, co_benefits, sheet_json, certified_units, certified_at, created_at, updated_at)
                VALUES (?, ?, 'CERTIFIED', ?, 'JBE-2.3', '14', '横浜市金沢区', 'biodiversity,water-quality', ?, 100,
                        ?, ?, ?)
                """)
                .params(
                        project,
                        alice.user().userId(),
                        "金沢八景アマモ場 " + n,
                        "{\"type\":\"removal\",\"years\":[{\"start\":\"2025-04-01\"},{\"start\":\"2024-04-01\"}]}",
                        now,
                        now,
                        now)
                .update();
        return lastId("application");
    }

    private long lastId(String table) {
        return jdbc.sql("SELECT MAX(id) FROM " + table).query(Long.class).single();
    }

    private long retirementId() {
        return jdbc.sql("SELECT MAX(id) FROM registry_retirement WHERE account_id = ?")
                .param(alice.accountId())
                .query(Long.class)
                .single();
    }

    private MockHttpServletRequestBuilder retire(String added) {
        String fields = added.substring(1, added.length() - 1);
        return post("/api/v1/registry/retirements")
                .with(as(alice.user()))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"fromAccountId\":" + alice.accountId() + ",\"creditUnits\":10,\"beneficiary\":\"横浜市\","
                        + "\"purpose\":\"EVENT\",\"emissionsOffset\":\"イベントの電力\",\"reportingYear\":2024"
                        + (fields.isEmpty() ? "" : "," + fields) + "}");
    }

    private void refused(String added, String field) throws Exception {
        long entries = jdbc.sql("SELECT COUNT(*) FROM registry_journal_entry")
                .query(Long.class)
                .single();
        mvc.perform(retire(added))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].message").isNotEmpty());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM registry_journal_entry")
                        .query(Long.class)
                        .single())
                .as("journal entries after " + added)
                .isEqualTo(entries);
    }

    private String certificateText(long id, String lang) throws Exception {
        byte[] pdf = mvc.perform(
                        get("/registry/retirements/" + id + "/certificate.pdf").param("lang", lang))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
