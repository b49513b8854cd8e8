package org.amamo.exchange.internal;

import java.time.Instant;
import java.time.LocalDate;
import org.amamo.exchange.PriceLimits;
import org.amamo.exchange.Side;

/** The exchange's rows as its services read them. */
final class ExchangeRows {

    private ExchangeRows() {}

    /** An instrument: one trading category, its reference price, status and escrow account. */
    record Instrument(
            long id,
            String programmeCode,
            String creditType,
            String ecosystemGroup,
            long referencePriceJpy,
            InstrumentStatus status,
            Long escrowAccountId,
            Instant createdAt,
            Instant statusChangedAt) {

        PriceLimits limits() {
            return PriceLimits.around(referencePriceJpy);
        }

        /** The instrument's name in codes, e.g. {@code JBC REMOVAL seagrass}. */
        String code() {
            return programmeCode + " " + creditType + " " + ecosystemGroup;
        }
    }

    /**
     * A limit order as stored; {@code tradingUnits} is its quantity as entered or last changed, {@code filledUnits}
     * how much of it auctions executed; its open quantity is the difference.
     */
    record OrderRow(
            long id,
            long instrumentId,
            long userId,
            Side side,
            long limitPriceJpy,
            long tradingUnits,
            Validity validity,
            OrderStatus status,
            long entrySequence,
            LocalDate tradingDay,
            Long fromAccountId,
            Long batchId,
            String batchSerial,
            String projectCode,
            Integer vintage,
            long escrowedUnits,
            int version,
            Instant enteredAt,
            Instant changedAt,
            Instant cancelledAt,
            long filledUnits) {

        /** The trading units still in the book (for a sell order, those in escrow for it). */
        long openUnits() {
            return tradingUnits - filledUnits;
        }

        /** The order as the call auction sees it: its open quantity. */
        org.amamo.exchange.Order forAuction() {
            return new org.amamo.exchange.Order(id, side, limitPriceJpy, openUnits(), entrySequence);
        }
    }

    /**
     * One call auction of one instrument at one scheduled time: the reference price and limits it ran with, its
     * execution price (null: nothing executed), volume and contracts, and the book it saw; {@code suspended}: the
     * instrument was suspended at the auction's time, so nothing was auctioned.
     */
    record AuctionRow(
            long id,
            long instrumentId,
            Instant auctionAt,
            LocalDate tradingDay,
            long referencePriceJpy,
            long lowerLimitJpy,
            long upperLimitJpy,
            Long executionPriceJpy,
            long executedTradingUnits,
            int contracts,
            int buyOrders,
            long buyTradingUnits,
            int sellOrders,
            long sellTradingUnits,
            long nextReferencePriceJpy,
            Instant ranAt,
            boolean suspended) {}

    /**
     * A contract (約定) of one auction: a buyer's and a seller's order matched for {@code tradingUnits} at the
     * auction's price; the seller's units of {@code batchId} rest in escrow until it settles or lapses.
     */
    record ContractRow(
            long id,
            long auctionId,
            long instrumentId,
            long buyOrderId,
            long sellOrderId,
            long buyerUserId,
            long sellerUserId,
            long tradingUnits,
            long priceJpy,
            long amountJpy,
            long escrowAccountId,
            long sellerAccountId,
            long batchId,
            String batchSerial,
            String projectCode,
            Integer vintage,
            LocalDate tradeDate,
            LocalDate settlementDate,
            String status,
            Instant createdAt,
            Long paidBy,
            Instant paidAt,
            Instant settledAt,
            Instant lapsedAt) {

        /** The registry units of 0.1 t-CO2 the contract moves. */
        long creditUnits() {
            return tradingUnits * org.amamo.exchange.Order.REGISTRY_UNITS_PER_TRADING_UNIT;
        }
    }

    /** A holder's approval for trading. */
    record Trader(long userId, String status, long decidedBy, Instant decidedAt) {}
}
