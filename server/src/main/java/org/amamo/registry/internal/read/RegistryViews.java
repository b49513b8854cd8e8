package org.amamo.registry.internal.read;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.amamo.registry.CreditType;
import org.amamo.registry.internal.AccountKind;
import org.amamo.registry.internal.AccountStatus;
import org.amamo.registry.internal.BlockStatus;
import org.amamo.registry.internal.OffsetCoverage;
import org.amamo.registry.internal.Operation;
import org.amamo.registry.internal.RetirementPurpose;

/** The registry's read models, as pages and the API show them. */
public final class RegistryViews {

    private RegistryViews() {}

    /** An account; {@code balanceUnits} only reaches its owner and the secretariat. */
    public record AccountView(
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

    /** The active units an account holds of one batch. */
    public record HeldBatch(
            long batchId, String batchSerial, String projectCode, String projectName, int vintage, long activeUnits) {}

    /** One movement on an account's statement: incoming units are positive, outgoing negative. */
    public record StatementLine(
            long entryId,
            Instant recordedAt,
            Operation operation,
            Long counterpartyAccountId,
            String counterpartyName,
            String serialRange,
            long creditUnits) {}

    /**
     * What an initial holder received when a batch was issued: the serial range its issuance certificate (証書)
     * names, with the batch it belongs to.
     */
    public record IssuedToHolder(BatchView batch, String serialRange, long creditUnits) {}

    /** A batch with what became of its units. */
    public record BatchView(
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
    public record RetirementView(
            long id,
            Instant retiredAt,
            String beneficiary,
            RetirementPurpose purpose,
            String emissionsOffset,
            Integer reportingYear,
            String note,
            long creditUnits,
            List<String> serialRanges,
            List<BatchView> batches,
            BigDecimal offsetTonnesCo2,

            @io.swagger.v3.oas.annotations.media.Schema(
                    description = "ALL (the retired tonnes cover the emissions stated) or PART; null when the "
                            + "holder stated no number")
            OffsetCoverage offsetCoverage,

            String beneficiarySector,
            String selectionReason,
            String correspondingAdjustment,
            List<CreditOrigin> origins) {

        /**
         * Corresponding adjustment (相当調整): these domestic voluntary credits are not counted against Japan's NDC
         * with an adjustment, and the record says so.
         */
        public static final String NOT_APPLIED = "NOT_APPLIED";
    }

    /** Whether a credit's reduction or removal rests on nature (ecosystems) or on technology. */
    public enum CreditBasis {
        /** Removals by seagrass, seaweed, tidal flats, mangroves or seaweed farms. */
        NATURE_BASED,
        /** Reductions by technology (a fuel switch, electrification, avoided transport). */
        TECHNOLOGY_BASED
    }

    /**
     * Where the retired credits of one batch came from, as seed 004 figure 12 asks a user to disclose: read from the
     * batch and its certified application when shown (null where the batch was issued by hand, not certified here).
     */
    public record CreditOrigin(
            String batchSerial,
            CreditType creditType,
            CreditBasis basis,
            LocalDate monitoringStart,
            LocalDate monitoringEnd,
            String prefecture,
            String municipality,
            List<String> ecosystems,
            List<String> coBenefits) {}

    /**
     * One page of the public retirement list, newest first, and where its neighbours start: {@code newer} is the
     * {@code after} id of the page before it (null on the newest page), {@code older} the {@code before} id of the
     * page after it (null on the oldest page).
     */
    public record RetirementPage(List<RetirementView> records, Long newer, Long older) {}

    /** What a serial number (or range) is: its batch, and the blocks holding it with their status. */
    public record SerialLookup(String query, BatchView batch, List<SerialBlock> blocks) {}

    /** A part of the looked-up range in one status; a retired part names its public retirement record. */
    record SerialBlock(String serialRange, BlockStatus status, Long retirementId) {}
}
