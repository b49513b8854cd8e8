-- Each programme's application fee (申請手数料): a flat amount plus an amount per tonne of the credit applied for,
-- in whole yen. The seeds name the fee (seed 003, guideline chapter 7) but give no figure, so an installation starts
-- with no fee and an administrator sets it. The amount owed is recorded on the application when the secretariat
-- confirms payment, so that a later change of the rule does not rewrite what was charged.
ALTER TABLE programme ADD COLUMN fee_flat_yen NUMERIC(12, 0) DEFAULT 0 NOT NULL;
ALTER TABLE programme ADD COLUMN fee_per_tonne_yen NUMERIC(12, 0) DEFAULT 0 NOT NULL;
ALTER TABLE application ADD COLUMN fee_amount_yen NUMERIC(14, 0);
