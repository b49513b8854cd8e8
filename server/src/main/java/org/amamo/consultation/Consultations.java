package org.amamo.consultation;

import java.util.List;

/** An applicant's consultations, for features that refer to them (e.g. an application form). */
public interface Consultations {

    /** The consultations {@code applicantId} opened, newest activity first, at most {@code limit}. */
    List<ConsultationSummary> openedBy(long applicantId, int limit);
}
