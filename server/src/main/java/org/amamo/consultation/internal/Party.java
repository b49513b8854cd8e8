package org.amamo.consultation.internal;

import java.util.Optional;
import org.amamo.consultation.ConsultationStatus;
import org.amamo.identity.AmamoPrincipal;

/**
 * The two sides of a consultation. Only they see it: the applicant who opened it and the secretariat. A
 * secretariat member who opened a consultation of their own takes part in it as its applicant.
 */
enum Party {
    APPLICANT,
    SECRETARIAT;

    /** The side {@code user} takes in a consultation opened by {@code applicantId}; empty for an outsider. */
    static Optional<Party> of(AmamoPrincipal user, long applicantId) {
        if (user == null) {
            return Optional.empty();
        }
        if (user.userId() == applicantId) {
            return Optional.of(APPLICANT);
        }
        return user.isSecretariat() ? Optional.of(SECRETARIAT) : Optional.empty();
    }

    /** A message from the secretariat answers the consultation; one from the applicant reopens it. */
    ConsultationStatus statusAfterMessage() {
        return this == SECRETARIAT ? ConsultationStatus.ANSWERED : ConsultationStatus.OPEN;
    }
}
