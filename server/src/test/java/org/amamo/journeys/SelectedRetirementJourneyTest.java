package org.amamo.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
import org.amamo.registry.CreditIssuance;
import org.amamo.registry.CreditType;
import org.amamo.registry.InitialHolder;
import org.amamo.registry.IssuanceRequest;
import org.amamo.registry.IssuanceResult;
import org.amamo.registry.MarketSettlement;
import org.amamo.testing.BrowserJourney;
import org.amamo.testing.TestUsers;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 17's journey in a real browser: a buyer holding credits of two projects retires 2.0 t of one named batch from
 * the account page; the public retirement record and the retirement certificate name exactly that batch and its
 * serials, and the other project's credits are untouched.
 */
class SelectedRetirementJourneyTest extends BrowserJourney {

    private static final AtomicInteger PROJECTS = new AtomicInteger(7500);

    @Autowired
    CreditIssuance issuance;

    @Autowired
    MarketSettlement registry;

    @Test
    void retiresTwoTonnesOfOneNamedBatchAndTheRecordAndCertificateNameIt() throws Exception {
        AmamoPrincipal buyer = users.create(Role.HOLDER);
        // The other project's batch is the larger, so that the largest-block rule alone would have drawn on it.
        IssuanceResult named = issue(buyer, "三河湾 アマモ場再生", 2024, 300);
        IssuanceResult other = issue(buyer, "東京湾 干潟保全", 2024, 500);
        long accountId = named.allocations().get(0).accountId();
        String namedBatch = registry.batch(named.batchId()).orElseThrow().batchSerial();
        String otherBatch = registry.batch(other.batchId()).orElseThrow().batchSerial();

        // The account page lists both batches; the buyer retires from the named one.
        browser.logIn(buyer.email(), TestUsers.PASSWORD);
        browser.open("/account/registry/accounts/" + accountId);
        assertThat(browser.text("#held-batches")).contains(namedBatch).contains(otherBatch);
        browser.click("tr[data-batch='" + namedBatch + "'] .batch-retire");
        assertThat(browser.find("#retire-form input[name='batch']").getDomProperty("value"))
                .isEqualTo(namedBatch);
        browser.type("#retire-form input[name='tonnes']", "2.0");
        browser.type("#beneficiary", "株式会社みなと物流");
        browser.select("#purpose", "CORPORATE");
        browser.type("#emissionsOffset", "2025年度 本社の電力使用");
        // 2.0 t retired against 5 t of emissions: part of them offset.
        browser.type("#offsetTonnesCo2", "5");
        browser.click("#offset-coverage input[value=PART]");
        browser.screenshot("selected-retirement-form");
        browser.click("#retire-submit");
        browser.confirm();

        // The public record names the batch and exactly the 20 serials retired.
        String recordPath = browser.path();
        assertThat(recordPath).startsWith("/registry/retirements/");
        String record = browser.pageText();
        assertThat(record)
                .contains(namedBatch + "-000001-000020")
                .contains("2.0")
                .doesNotContain(otherBatch);
        browser.screenshot("selected-retirement-record");

        // So does the certificate.
        String certificate = pdfText(recordPath + "/certificate.pdf");
        assertThat(certificate).contains(namedBatch + "-000001-000020").doesNotContain(otherBatch);

        // The other project's credits are untouched; the named batch has 28.0 t left.
        browser.open("/account/registry/accounts/" + accountId);
        assertThat(browser.text("tr[data-batch='" + otherBatch + "']")).contains("50.0");
        assertThat(browser.text("tr[data-batch='" + namedBatch + "']")).contains("28.0");
        assertThat(registry.unitsOfBatch(accountId, other.batchId())).isEqualTo(500);
        assertThat(registry.unitsOfBatch(accountId, named.batchId())).isEqualTo(280);
    }

    private IssuanceResult issue(AmamoPrincipal holder, String name, int vintage, long units) {
        int project = PROJECTS.incrementAndGet();
        String code = Integer.toString(project);
        IssuanceResult issued = issuance.issue(new IssuanceRequest(
                project,
                code,
                name,
                "JBC",
                vintage,
                "JBE-2.3",
                CreditType.REMOVAL,
                "JBE",
                units,
                List.of(InitialHolder.user(holder.userId(), "100")),
                "selected-retirement-journey-" + code));
        assertThat(issued.refusals()).isEmpty();
        return issued;
    }

    private String pdfText(String path) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(response.body())) {
            return new PDFTextStripper().getText(document);
        }
    }
}
