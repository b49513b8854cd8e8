package org.amamo.registry.internal;

import static org.amamo.testing.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.amamo.registry.internal.RegistryFixture.Holder;
import org.amamo.registry.internal.read.RegistryQueries;
import org.amamo.registry.internal.read.RegistryViews;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * 証書 (issue 22 item 4, seed 000): each initial holder of a batch downloads a certificate of what it received at
 * issuance (project, holder, quantity, serial range, vintage, methodology, certifier, date, a QR code to the public
 * batch page), in Japanese and English, from its account page; the secretariat may too; nobody else.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(RegistryFixture.class)
class IssuanceCertificateTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    RegistryFixture fixture;

    @Autowired
    RegistryQueries queries;

    @Test
    void eachInitialHolderDownloadsTheCertificateOfWhatItReceivedInJapaneseAndEnglish() throws Exception {
        Holder alice = fixture.holder();
        Holder bob = fixture.holder();
        Receipt issued = fixture.issue(2024, 101, alice, bob);
        RegistryViews.BatchView batch = queries.batch(issued.batchId()).orElseThrow();
        RegistryViews.IssuedToHolder bobs =
                queries.issuedTo(bob.accountId(), batch.id()).orElseThrow();
        // Largest remainder: 50.5 each, the odd unit to the holder listed first.
        assertThat(queries.issuedTo(alice.accountId(), batch.id()).orElseThrow().creditUnits())
                .isEqualTo(51);
        assertThat(bobs.creditUnits()).isEqualTo(50);
        assertThat(bobs.serialRange()).isEqualTo(batch.batchSerial() + "-000052-000101");

        String page = mvc.perform(
                        get("/account/registry/accounts/" + bob.accountId()).with(as(bob.user())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String url = "/account/registry/accounts/" + bob.accountId() + "/issuances/" + batch.id() + "/certificate.pdf";
        assertThat(page).contains("id=\"issuance-certificates\"", url, bobs.serialRange());

        String japanese = text(url, bob, "ja");
        assertThat(japanese)
                .contains("Jブルークレジット 証書", "当初保有者として発行したこと")
                .contains(
                        batch.projectName(),
                        batch.projectCode(),
                        queries.account(bob.accountId()).orElseThrow().holderName())
                .contains("5.0", bobs.serialRange(), "2024", "JBE-2.3", batch.certifier(), "発行日")
                .contains("/registry/batches/" + batch.id());
        assertThat(text(url, bob, "en"))
                .contains("Certificate of Issuance", "Date of issuance", "Vintage")
                .contains(bobs.serialRange(), "/registry/batches/" + batch.id());
    }

    @Test
    void onlyTheHolderAndTheSecretariatGetAnIssuanceCertificate() throws Exception {
        Holder alice = fixture.holder();
        Holder carol = fixture.holder();
        long batch = fixture.issue(2024, 10, alice).batchId();
        String alices = "/account/registry/accounts/" + alice.accountId() + "/issuances/" + batch + "/certificate.pdf";
        mvc.perform(get(alices).with(as(fixture.secretariat()))).andExpect(status().isOk());
        mvc.perform(get(alices).with(as(carol.user()))).andExpect(status().isForbidden());
        mvc.perform(get(alices)).andExpect(status().is3xxRedirection());
        // Carol's own account was not an initial holder of the batch, even after a transfer to her.
        fixture.registry.transfer(alice.actor(), new Registry.Transfer(alice.accountId(), carol.accountId(), 5), null);
        mvc.perform(get("/account/registry/accounts/" + carol.accountId() + "/issuances/" + batch + "/certificate.pdf")
                        .with(as(carol.user())))
                .andExpect(status().isNotFound());
        mvc.perform(get("/account/registry/accounts/" + alice.accountId() + "/issuances/999999/certificate.pdf")
                        .with(as(alice.user())))
                .andExpect(status().isNotFound());
    }

    private String text(String url, Holder holder, String lang) throws Exception {
        byte[] pdf = mvc.perform(get(url).param("lang", lang).with(as(holder.user())))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .contentType(MediaType.APPLICATION_PDF))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(pdf.length).isLessThan(RegistryCertificateTest.MAX_PDF_BYTES);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
