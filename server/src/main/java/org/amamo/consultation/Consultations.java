package org.amamo.consultation;

import java.util.List;
import java.util.Optional;

/** An applicant's consultations, for features that refer to them (e.g. an application form). */
public interface Consultations {

    /** The consultations {@code applicantId} opened, newest activity first, at most {@code limit}. */
    List<ConsultationSummary> openedBy(long applicantId, int limit);

    /** The consultation with this id, whoever opened it; callers decide who may see it. */
    Optional<ConsultationSummary> find(long id);
}
