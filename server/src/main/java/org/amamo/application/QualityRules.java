package org.amamo.application;

/**
 * The quality rules an application is held to, recorded on it: applications submitted before the Core Carbon
 * Principles checklist existed continue under the rules they were submitted under.
 */
public enum QualityRules {
    /** Submitted before the checklist: no statements asked, and certification needs no assessment. */
    BEFORE_CHECKLIST,
    /** The checklist: statements required to submit, every assigned reviewer's assessment required to certify. */
    CCP_CHECKLIST;

    public boolean checklist() {
        return this == CCP_CHECKLIST;
    }
}
