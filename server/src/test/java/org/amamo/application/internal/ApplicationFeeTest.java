package org.amamo.application.internal;

import static org.amamo.testing.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.amamo.application.ApplicationStatus;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
import org.amamo.platform.Refusal;
import org.amamo.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The secretariat's fee step shows the application fee owed under the programme's rule for the credit applied for,
 * and confirming payment records that amount, which a later change of the rule leaves alone.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestUsers.class)
class ApplicationFeeTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    DraftService drafts;

    @Autowired
    SubmissionService submissions;

    @Autowired
    ApplicationRepository applications;

    @Autowired
    AttachmentStore attachments;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    AmamoPrincipal applicant;
    AmamoPrincipal secretariat;

    @BeforeEach
    void people() {
        applicant = users.create(users.organisation("漁協"), Role.APPLICANT, Role.HOLDER);
        secretariat = users.create(Role.SECRETARIAT);
    }

    void yokohamaFee(String flatYen, String perTonneYen) {
        jdbc.sql("UPDATE programme SET fee_flat_yen = ?, fee_per_tonne_yen = ? WHERE code = 'YBC'")
                .params(new java.math.BigDecimal(flatYen), new java.math.BigDecimal(perTonneYen))
                .update();
    }

    /** A submitted Yokohama eelgrass application: 2.0 ha at 1.58 t-CO2/ha/yr is 3.16, a credit of 3.1 t. */
    long submitted() {
        ApplicationForm form = EelgrassForm.complete("横浜 アマモ場 手数料", "2.0", applicant.email());
        form.setProgrammeCode("YBC");
        form.getSheet().setMethodologyVersion("yokohama-2019");
        long id = drafts.create(applicant, form.getName());
        ApplicationWorkflowTest.ok(drafts.save(applicant, id, form));
        ApplicationWorkflowTest.ok(
                attachments.store(id, applicant.userId(), "AREA_BASIS", "survey.pdf", ApplicationWorkflowTest.PDF));
        ApplicationWorkflowTest.ok(submissions.move(applicant, id, WorkflowAction.SUBMIT, null));
        return id;
    }

    String page(long id, AmamoPrincipal viewer) throws Exception {
        return mvc.perform(get("/applications/" + id).with(as(viewer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theFeeStepShowsTheAmountOwedUnderTheProgrammesRule() throws Exception {
        yokohamaFee("10000", "700");
        long id = submitted();
        assertThat(submissions
                        .feeOwed(applications.find(id).orElseThrow())
                        .orElseThrow()
                        .amountYen())
                .isEqualByComparingTo("12170");
        String page = page(id, secretariat);
        assertThat(page).contains("id=\"fee-owed\"", "12,170円", "定額 10,000円", "700円", "3.1 t-CO2");
    }

    @Test
    void confirmingPaymentRecordsTheAmountAndALaterRuleChangeLeavesIt() throws Exception {
        yokohamaFee("10000", "700");
        long id = submitted();
        assertThat(submissions.confirmFee(applicant, id, "INV-1").refusals())
                .extracting(Refusal::messageKey)
                .containsExactly("workflow.not-yours");
        assertThat(applications.find(id).orElseThrow().feeAmountYen()).isNull();

        ApplicationWorkflowTest.ok(submissions.confirmFee(secretariat, id, "INV-YBC-7"));
        yokohamaFee("99999", "0");
        StoredApplication confirmed = applications.find(id).orElseThrow();
        assertThat(confirmed.feeAmountYen()).isEqualByComparingTo("12170");
        assertThat(confirmed.feeInvoice()).isEqualTo("INV-YBC-7");
        assertThat(page(id, applicant))
                .contains("id=\"fee-recorded\"", "12,170円", "INV-YBC-7")
                .doesNotContain("99,999");
    }

    @Test
    void aBadInvoiceIsRefusedAndNothingIsRecorded() {
        yokohamaFee("10000", "0");
        long id = submitted();
        assertThat(submissions.confirmFee(secretariat, id, " ").refusals())
                .extracting(Refusal::field)
                .containsExactly("invoice");
        StoredApplication unchanged = applications.find(id).orElseThrow();
        assertThat(unchanged.feeAmountYen()).isNull();
        assertThat(unchanged.status()).isEqualTo(ApplicationStatus.SUBMITTED);
    }
}
