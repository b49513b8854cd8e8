-- Exchange (issue 24), settlement of contracts. While a contract awaits payment its buyer may ask that the credits be
-- retired on its behalf instead of delivered: the retirement's public disclosure (beneficiary, purpose, the emissions
-- it offsets, an optional note) is kept here until the seller confirms payment, and cleared when the buyer withdraws
-- the request. Settling records where the units went: the buyer's holding account, or the retirement record, and the
-- serials moved.
ALTER TABLE exchange_contract ADD COLUMN retire_for_buyer BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE exchange_contract ADD COLUMN beneficiary VARCHAR(200);
ALTER TABLE exchange_contract ADD COLUMN purpose VARCHAR(40);
ALTER TABLE exchange_contract ADD COLUMN emissions_offset VARCHAR(500);
ALTER TABLE exchange_contract ADD COLUMN retirement_note VARCHAR(1000);
ALTER TABLE exchange_contract ADD COLUMN retirement_requested_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE exchange_contract ADD COLUMN delivered_account_id BIGINT;
ALTER TABLE exchange_contract ADD COLUMN retirement_id BIGINT;
ALTER TABLE exchange_contract ADD COLUMN serial_ranges VARCHAR(4000);
ALTER TABLE exchange_contract ADD CONSTRAINT exchange_contract_retirement_ck
    CHECK (retire_for_buyer = FALSE
           OR (beneficiary IS NOT NULL AND purpose IS NOT NULL AND emissions_offset IS NOT NULL));

-- The lapses recorded against each buyer are counted from its contracts.
CREATE INDEX exchange_contract_buyer_status_ix ON exchange_contract (buyer_user_id, status);
