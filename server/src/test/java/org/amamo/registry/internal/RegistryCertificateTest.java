package org.amamo.registry.internal;

import static org.amamo.testing.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.amamo.registry.internal.RegistryFixture.Holder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Certificates (証書): PDFs with the Japanese font embedded as a subset; holding certificates only for owners. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(RegistryFixture.class)
class RegistryCertificateTest {

    /** The whole IPAex Gothic font is 6 MB; an embedded subset keeps a certificate far smaller. */
    static final int MAX_PDF_BYTES = 400_000;

    @Autowired
    MockMvc mvc;

    @Autowired
    RegistryFixture fixture;

    @Test
    void anyoneDownloadsARetirementCertificateWithTheFontEmbedded() throws Exception {
        Holder alice = fixture.holder();
        fixture.issue(2024, 100, alice);
        long retirement = fixture.registry
                .retire(
                        alice.actor(),
                        new Registry.Retirement(
                                alice.accountId(),
                                12,
                                new RetirementDisclosure("横浜市", RetirementPurpose.EVENT, "海の日イベント", 2024, null)),
                        null)
                .value()
                .retirementId();
        byte[] pdf = mvc.perform(get("/registry/retirements/" + retirement + "/certificate.pdf"))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .contentType(MediaType.APPLICATION_PDF))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertPdfWithEmbeddedFont(pdf);
        mvc.perform(get("/registry/retirements/999999/certificate.pdf")).andExpect(status().isNotFound());
    }

    @Test
    void onlyTheOwnerDownloadsAHoldingCertificate() throws Exception {
        Holder alice = fixture.holder();
        Holder bob = fixture.holder();
        fixture.issue(2024, 100, alice);
        byte[] pdf = mvc.perform(get("/account/registry/accounts/" + alice.accountId() + "/certificate.pdf")
                        .with(as(alice.user())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertPdfWithEmbeddedFont(pdf);
        mvc.perform(get("/account/registry/accounts/" + alice.accountId() + "/certificate.pdf")
                        .with(as(bob.user())))
                .andExpect(status().isForbidden());
    }

    private static void assertPdfWithEmbeddedFont(byte[] pdf) {
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        assertThat(text).startsWith("%PDF-").contains("/FontFile2").contains("IPAexGothic");
        assertThat(pdf.length).isLessThan(MAX_PDF_BYTES);
    }
}
