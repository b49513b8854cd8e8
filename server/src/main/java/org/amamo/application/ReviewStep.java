package org.amamo.application;

/**
 * The moves of the application's workflow that the review takes: the hearing, the start of the committee's
 * review, public comment and the committee's decision. The application module keeps the state machine (who may
 * take a move from which state); the review module decides when and records what the move is about.
 */
public enum ReviewStep {
    RECORD_HEARING,
    START_REVIEW,
    OPEN_PUBLIC_COMMENT,
    CERTIFY,
    REJECT
}
