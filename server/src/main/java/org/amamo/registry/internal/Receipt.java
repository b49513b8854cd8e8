package org.amamo.registry.internal;

import java.time.Instant;
import java.util.List;

/**
 * What an operation did, as recorded in its journal entry; a retry with the same idempotency key gets the same
 * receipt back, marked {@code replayed}.
 */
public record Receipt(
        long entryId,
        Operation operation,
        long creditUnits,
        List<Line> lines,
        Long batchId,
        Long retirementId,
        Instant recordedAt,
        boolean replayed) {

    public Receipt {
        lines = List.copyOf(lines);
    }

    /** A serial range that moved from one account (null: issued) to another. */
    record Line(Long fromAccountId, long toAccountId, String serialRange, long creditUnits) {}

    @com.fasterxml.jackson.annotation.JsonProperty("serialRanges")
    List<String> serialRanges() {
        return lines.stream().map(Line::serialRange).toList();
    }
}
