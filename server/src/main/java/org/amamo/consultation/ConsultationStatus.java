package org.amamo.consultation;

/**
 * Where a consultation stands. OPEN waits for the secretariat, ANSWERED waits for the applicant; a message
 * from either side moves it between the two. CLOSED (by the secretariat, with a note) and WITHDRAWN (by the
 * applicant) are final.
 */
public enum ConsultationStatus {
    OPEN,
    ANSWERED,
    CLOSED,
    WITHDRAWN;

    /** Whether messages may still be posted, and the consultation closed or withdrawn. */
    public boolean active() {
        return this == OPEN || this == ANSWERED;
    }
}
