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

    /** A limit order as stored; {@code tradingUnits} is its present quantity. */
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
            Instant cancelledAt) {}

    /** A holder's approval for trading. */
    record Trader(long userId, String status, long decidedBy, Instant decidedAt) {}
}
