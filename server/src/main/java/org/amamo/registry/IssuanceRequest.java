package org.amamo.registry;

import java.util.List;

/**
 * What the registry needs to issue the credits of one certification: the project and its code as it appears in
 * serial numbers, the programme's serial prefix (e.g. {@code JBC}), the vintage (the year the CO2 was taken up),
 * the methodology version and certifier named on retirement records, the certified quantity in units of
 * 0.1 t-CO2, and the initial holders with shares summing to exactly 100 percent.
 *
 * <p>{@code reference} identifies the cause of the issuance (e.g. {@code application-42-certified}); it is the
 * operation's idempotency key, so that an event delivered twice issues once.
 */
public record IssuanceRequest(
        long projectId,
        String projectCode,
        String projectName,
        String programmePrefix,
        int vintage,
        String methodologyVersion,
        CreditType creditType,
        String certifier,
        long creditUnits,
        List<InitialHolder> holders,
        String reference) {

    public IssuanceRequest {
        holders = holders == null ? List.of() : List.copyOf(holders);
    }
}
