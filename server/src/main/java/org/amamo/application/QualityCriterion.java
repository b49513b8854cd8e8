package org.amamo.application;

import java.util.Arrays;
import java.util.Optional;

/**
 * The criteria of the ICVCM Core Carbon Principles that an applicant states and each assigned reviewer assesses
 * (seed 003 §2.3, table 2-1). The table's other rows are the scheme's own (information disclosure, governance,
 * the registry, third-party review) or the methodology's (quantification), and are not asked of a project.
 */
public enum QualityCriterion {
    /** The reduction or removal happens because of the credit (追加性). */
    ADDITIONALITY("additionality"),
    /** The removal lasts; the risk of reversal and the monitoring the project commits to (持続性). */
    PERMANENCE("permanence"),
    /** Good effects on society and the environment, and the SDGs served (持続可能性). */
    SUSTAINABLE_DEVELOPMENT("sustainable-development"),
    /** No duplicated application, issuance or sale (二重計上のないこと). */
    NO_DOUBLE_COUNTING("no-double-counting"),
    /** Nothing against net zero, and continued reductions (ネットゼロ適合性). */
    NET_ZERO("net-zero");

    private final String code;

    QualityCriterion(String code) {
        this.code = code;
    }

    /** The criterion's code in forms, message keys, JSON and CSV ({@code no-double-counting}). */
    public String code() {
        return code;
    }

    public static Optional<QualityCriterion> ofCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
    }
}
