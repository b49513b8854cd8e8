package org.amamo.application.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One fiscal year's use of proceeds (資金の使途) of a project: the amount in yen (null when not given), the kinds of
 * activity (codes of {@link ProceedsService#ACTIVITIES}) and what was done.
 */
record ProceedsReport(
        long projectId,
        String projectName,
        int fiscalYear,
        BigDecimal amountYen,
        List<String> activities,
        String description,
        Instant recordedAt) {

    ProceedsReport {
        activities = List.copyOf(activities);
    }

    public String projectCode() {
        return String.format("%04d", projectId);
    }
}
