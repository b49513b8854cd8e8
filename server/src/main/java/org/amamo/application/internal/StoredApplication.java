package org.amamo.application.internal;

import java.time.Instant;
import java.time.LocalDate;
import org.amamo.application.ApplicationStatus;
import org.amamo.application.ApplicationSummary;
import org.amamo.platform.SchemeTime;

/**
 * An application's own columns as stored; its lists (plants, applicants, holders) are loaded beside it.
 * {@code feeAmountYen} is the application fee recorded when the secretariat confirmed payment, null before.
 */
record StoredApplication(
        long id,
        long projectId,
        Long continuesId,
        long ownerId,
        ApplicationStatus status,
        String methodologyVersion,
        String feeInvoice,
        LocalDate hearingHeldOn,
        String hearingPlace,
        String hearingRecord,
        Instant commentOpensAt,
        Instant commentClosesAt,
        Long certifiedUnits,
        String certifiedResult,
        String certifiedVersion,
        Instant certifiedAt,
        Instant createdAt,
        Instant updatedAt,
        Instant submittedAt,
        java.math.BigDecimal siteAreaHectares,
        String name,
        String prefecture,
        String programmeCode,
        java.math.BigDecimal feeAmountYen) {

    /** The project's public code: its id, zero-padded to four digits, as in serial numbers. */
    public String projectCode() {
        return String.format("%04d", projectId);
    }

    /** The day the application counts as made: its first submission, or today for a draft. */
    LocalDate applicationDate(Instant now) {
        return LocalDate.ofInstant(submittedAt == null ? now : submittedAt, SchemeTime.ZONE);
    }

    /** The API's view of the application. */
    ApplicationSummary summary() {
        return new ApplicationSummary(
                id,
                projectCode(),
                name,
                prefecture,
                status,
                methodologyVersion,
                siteAreaHectares,
                certifiedUnits,
                certifiedVersion,
                certifiedAt,
                certifiedResult);
    }
}
