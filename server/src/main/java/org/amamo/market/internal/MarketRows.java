package org.amamo.market.internal;

import java.math.BigDecimal;
import java.time.Instant;

/** The market's rows as stored. */
final class MarketRows {

    private MarketRows() {}

    /**
     * A solicitation round. Bids are taken while it is OPEN and {@code opensAt <= now < closesAt}. {@code titleEn} and
     * {@code rulesEn}: the optional English version (null: none).
     */
    record Round(
            long id,
            String title,
            String rules,
            BigDecimal minimumPriceJpy,
            Instant opensAt,
            Instant closesAt,
            int paymentDays,
            RoundStatus status,
            Long escrowAccountId,
            Instant createdAt,
            Instant openedAt,
            Instant closedAt,
            Instant allocatedAt,
            Instant paymentDueAt,
            Instant settledAt,
            String titleEn,
            String rulesEn) {

        boolean takesBids(Instant now) {
            return status == RoundStatus.OPEN && !now.isBefore(opensAt) && now.isBefore(closesAt);
        }
    }

    /** Units of one batch a holder consigned to a round (a lot on offer). */
    record Consignment(
            long id,
            long roundId,
            long consignorUserId,
            long fromAccountId,
            long batchId,
            String batchSerial,
            String projectCode,
            String projectName,
            int vintage,
            long creditUnits,
            String status,
            Long releasedUnits,
            Instant consignedAt) {}

    /** A sealed bid; {@code projectCode} null for any project. */
    record Bid(
            long id,
            long roundId,
            long buyerUserId,
            String projectCode,
            long creditUnits,
            BigDecimal priceJpy,
            String purpose,
            boolean retireAtOnce,
            String beneficiary,
            String emissionsOffset,
            boolean discloseName,
            String status,
            Instant placedAt) {

        boolean active() {
            return "ACTIVE".equals(status);
        }
    }

    /** Units of one consignment awarded to one bid, and how their settlement stands. */
    record Allocation(
            long id,
            long roundId,
            long bidId,
            long consignmentId,
            long creditUnits,
            BigDecimal priceJpy,
            BigDecimal amountJpy,
            AllocationStatus status,
            Instant paidAt,
            Instant settledAt,
            Instant lapsedAt,
            Long buyerAccountId,
            Long retirementId,
            String serialRanges) {}

    /** A bilateral trade reported with its price. */
    record ReportedTrade(
            long id,
            long sellerUserId,
            long fromAccountId,
            long toAccountId,
            long batchId,
            String batchSerial,
            String projectCode,
            String projectName,
            int vintage,
            long creditUnits,
            BigDecimal priceJpy,
            Instant reportedAt) {}
}
