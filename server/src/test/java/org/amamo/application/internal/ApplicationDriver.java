package org.amamo.application.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.amamo.identity.AmamoPrincipal;
import org.amamo.platform.Outcome;
import org.springframework.boot.test.context.TestComponent;

/**
 * The application module's services for tests of other packages (the review's), which cannot name them: a
 * complete eelgrass application of a programme, submitted and with its fee confirmed, ready for the review.
 * Import it with {@code @Import(ApplicationDriver.class)}.
 */
@TestComponent
public class ApplicationDriver {

    private final DraftService drafts;
    private final SubmissionService submissions;
    private final AttachmentStore attachments;

    ApplicationDriver(DraftService drafts, SubmissionService submissions, AttachmentStore attachments) {
        this.drafts = drafts;
        this.submissions = submissions;
        this.attachments = attachments;
    }

    /** A complete application of the programme (JBC with jbe-2.3, YBC with yokohama-2019 ...), fee confirmed. */
    public long feeConfirmed(AmamoPrincipal applicant, AmamoPrincipal secretariat, String programme, String version) {
        ApplicationForm form = EelgrassForm.complete("アマモ場 " + programme, "2.0", applicant.email());
        form.setProgrammeCode(programme);
        form.getSheet().setMethodologyVersion(version);
        long id = drafts.create(applicant, form.getName());
        ok(drafts.save(applicant, id, form));
        assertThat(attachments
                        .store(id, applicant.userId(), "AREA_BASIS", "survey.pdf", ApplicationWorkflowTest.PDF)
                        .refusals())
                .isEmpty();
        ok(submissions.move(applicant, id, WorkflowAction.SUBMIT, null));
        ok(submissions.confirmFee(secretariat, id, "INV-" + id));
        return id;
    }

    private static void ok(Outcome<?> outcome) {
        assertThat(outcome.refusals()).isEmpty();
    }
}
