package org.amamo.market.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.amamo.market.PriceSource;

/** The market's read models, as pages and the API show them. Quantities are units of 0.1 t-CO2. */
final class MarketViews {

    private MarketViews() {}

    /**
     * A round as announced: terms, window and what is on offer (per batch; consignors are not named). {@code titleEn}
     * and {@code rulesEn} are the optional English version of title and rules (null: none).
     */
    record RoundView(
            long id,
            String title,
            String rules,
            BigDecimal minimumPriceJpy,
            Instant opensAt,
            Instant closesAt,
            int paymentDays,
            RoundStatus status,
            Instant closedAt,
            Instant paymentDueAt,
            Instant settledAt,
            List<OfferLine> offer,
            long offeredUnits,
            String titleEn,
            String rulesEn) {}

    /** Units of one batch on offer in a round. */
    record OfferLine(String projectCode, String projectName, int vintage, String batchSerial, long creditUnits) {}

    /** One of a holder's consignments. */
    record ConsignmentView(
            long id,
            long roundId,
            String roundTitle,
            RoundStatus roundStatus,
            String batchSerial,
            String projectName,
            long creditUnits,
            String status,
            Long releasedUnits,
            Instant consignedAt,
            String roundTitleEn) {}

    /** A bid, shown to its buyer (and to the secretariat once the round has closed). */
    record BidView(
            long id,
            long roundId,
            String buyerName,
            String projectCode,
            long creditUnits,
            BigDecimal priceJpy,
            String purpose,
            boolean retireAtOnce,
            String beneficiary,
            String emissionsOffset,
            boolean discloseName,
            String status,
            Instant placedAt) {}

    /** An allocation, shown to its buyer, its seller and the secretariat. */
    record AllocationView(
            long id,
            long roundId,
            String roundTitle,
            long bidId,
            String projectCode,
            String projectName,
            int vintage,
            String batchSerial,
            long creditUnits,
            BigDecimal priceJpy,
            BigDecimal amountJpy,
            AllocationStatus status,
            Instant paymentDueAt,
            String buyerName,
            String sellerName,
            boolean retireAtOnce,
            Long retirementId,
            Long buyerAccountId,
            String serialRanges,
            boolean seller,
            boolean buyer,
            String roundTitleEn) {}

    /** A settled round's public results; buyers are named only if they chose so in their bid. */
    record Results(
            long roundId,
            long bids,
            long bidders,
            long soldUnits,
            List<ProjectResult> projects,
            List<NamedBuyer> namedBuyers) {}

    /** What one project sold in a round, and at what prices (JPY per t-CO2). */
    record ProjectResult(
            String projectCode,
            String projectName,
            long creditUnits,
            BigDecimal minimumPriceJpy,
            BigDecimal averagePriceJpy,
            BigDecimal maximumPriceJpy) {}

    /** A buyer who agreed to be named, and the units they bought. */
    record NamedBuyer(String name, long creditUnits) {}

    /** Prices of one project in one fiscal year from one source. */
    record PriceRow(
            int fiscalYear,
            String projectCode,
            String projectName,
            PriceSource source,
            long trades,
            long creditUnits,
            BigDecimal minimumPriceJpy,
            BigDecimal averagePriceJpy,
            BigDecimal maximumPriceJpy) {}

    /** A reported trade, shown to the seller who reported it. */
    record TradeView(
            long id,
            String batchSerial,
            String projectName,
            long toAccountId,
            long creditUnits,
            BigDecimal priceJpy,
            Instant reportedAt) {}
}
