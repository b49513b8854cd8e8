package org.amamo.registry.internal;

import java.time.Instant;

/** An account as stored, with its chain head. */
public record AccountRow(
        long id,
        AccountKind kind,
        AccountStatus status,
        Long ownerUserId,
        Long ownerOrganisationId,
        Integer vintage,
        String holderName,
        Instant requestedAt,
        Instant decidedAt,
        long headEntryId,
        String headHash) {

    boolean openHolding() {
        return kind == AccountKind.HOLDING && status == AccountStatus.OPEN;
    }
}
