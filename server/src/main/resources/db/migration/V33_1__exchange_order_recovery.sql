-- Exchange: what an unfinished order was asked, for its recovery. A sell order's units move in the registry outside
-- the exchange's transaction, so a crash between an order's status change (PENDING, CHANGING, CANCELLING) and its
-- completion leaves the order out of the book; the recovery pass finishes or undoes it from the registry's record of
-- the move's idempotency key. A change records here, before its move, the price, quantity and validity asked and
-- whether the order loses time priority; begun_at is when the change or cancellation began (a PENDING order's entry
-- is entered_at). All are cleared when the order is done.
ALTER TABLE exchange_order ADD COLUMN pending_limit_price_jpy BIGINT;
ALTER TABLE exchange_order ADD COLUMN pending_trading_units BIGINT;
ALTER TABLE exchange_order ADD COLUMN pending_validity VARCHAR(4);
ALTER TABLE exchange_order ADD COLUMN pending_loses_priority BOOLEAN;
ALTER TABLE exchange_order ADD COLUMN begun_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE exchange_order ADD CONSTRAINT exchange_order_pending_ck CHECK (
    (pending_limit_price_jpy IS NULL AND pending_trading_units IS NULL AND pending_validity IS NULL
        AND pending_loses_priority IS NULL)
    OR (pending_limit_price_jpy > 0 AND pending_trading_units BETWEEN 1 AND 1000000
        AND pending_validity IN ('DAY', 'GTC') AND pending_loses_priority IS NOT NULL));
-- The recovery pass looks for orders by status.
CREATE INDEX exchange_order_status_ix ON exchange_order (status, begun_at);
