package org.amamo.application;

/** A reviewer's assessment of one criterion of the Core Carbon Principles. */
public enum QualityOutcome {
    MEETS,
    DOES_NOT_MEET,
    /** The criterion does not concern this project; the reason says why. */
    NOT_APPLICABLE
}
