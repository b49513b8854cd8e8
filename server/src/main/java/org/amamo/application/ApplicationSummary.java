package org.amamo.application;

import java.math.BigDecimal;
import java.time.Instant;

/** An application as the API shows it; the certified sheet is the methodology result's JSON text. */
public record ApplicationSummary(
        long id,
        String projectCode,
        String name,
        String prefecture,
        ApplicationStatus status,
        String methodologyVersion,
        BigDecimal siteAreaHectares,
        Long certifiedUnits,
        String certifiedVersion,
        Instant certifiedAt,
        String certifiedSheet) {}
