package org.amamo.registry.internal;

import java.time.Instant;
import java.util.List;
import org.amamo.registry.CreditType;

/** The registry's read models, as pages and the API show them. */
final class RegistryViews {

    private RegistryViews() {}

    /** An account; {@code balanceUnits} only reaches its owner and the secretariat. */
    record AccountView(
            long id,
            AccountKind kind,
            AccountStatus status,
            String holderName,
            Long ownerUserId,
            Long ownerOrganisationId,
            Integer vintage,
            long balanceUnits,
            Instant requestedAt,
            Instant decidedAt) {}

    /** One movement on an account's statement: incoming units are positive, outgoing negative. */
    record StatementLine(
            long entryId,
            Instant recordedAt,
            Operation operation,
            Long counterpartyAccountId,
            String counterpartyName,
            String serialRange,
            long creditUnits) {}

    /** A batch with what became of its units. */
    record BatchView(
            long id,
            String batchSerial,
            long projectId,
            String projectCode,
            String projectName,
            int vintage,
            int batchNumber,
            String methodologyVersion,
            CreditType creditType,
            String certifier,
            long issuedUnits,
            long activeUnits,
            long retiredUnits,
            long cancelledUnits,
            Instant issuedAt) {}

    /** A public retirement record: the disclosure, the serials, and the batches they came from. */
    record RetirementView(
            long id,
            Instant retiredAt,
            String beneficiary,
            RetirementPurpose purpose,
            String emissionsOffset,
            Integer reportingYear,
            String note,
            long creditUnits,
            List<String> serialRanges,
            List<BatchView> batches) {}

    /**
     * One page of the public retirement list, newest first, and where its neighbours start: {@code newer} is the
     * {@code after} id of the page before it (null on the newest page), {@code older} the {@code before} id of the
     * page after it (null on the oldest page).
     */
    record RetirementPage(List<RetirementView> records, Long newer, Long older) {}

    /** What a serial number (or range) is: its batch, and the blocks holding it with their status. */
    record SerialLookup(String query, BatchView batch, List<SerialBlock> blocks) {}

    /** A part of the looked-up range in one status; a retired part names its public retirement record. */
    record SerialBlock(String serialRange, BlockStatus status, Long retirementId) {}
}
