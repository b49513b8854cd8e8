-- Complete disclosure on use (issue 22 item 3, seed 004 figure 12): what the retiring holder states besides the
-- free-text emissions: the emissions offset as a number of t-CO2, whether the retirement offsets all or part of
-- them, the beneficiary's sector and why this credit was chosen. All optional, so that the records written before
-- them keep their meaning; the journal payload carries each only when it is set, so those records still verify.
-- The project's facts (monitoring period, region, category, co-benefits) are read from the batch and its
-- certified application when a record is shown, not copied here.
ALTER TABLE registry_retirement ADD COLUMN offset_tonnes NUMERIC(16, 3);
ALTER TABLE registry_retirement ADD COLUMN offset_coverage VARCHAR(10);
ALTER TABLE registry_retirement ADD COLUMN beneficiary_sector VARCHAR(100);
ALTER TABLE registry_retirement ADD COLUMN selection_reason VARCHAR(1000);
ALTER TABLE registry_retirement ADD CONSTRAINT registry_retirement_coverage_ck
    CHECK (offset_coverage IS NULL OR offset_coverage IN ('ALL', 'PART'));
