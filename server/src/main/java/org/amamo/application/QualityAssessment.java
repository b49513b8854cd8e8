package org.amamo.application;

import java.time.Instant;

/** A reviewer's recorded assessment of one criterion, with the reason. */
public record QualityAssessment(
        long reviewerId, QualityCriterion criterion, QualityOutcome outcome, String reason, Instant assessedAt) {}
