-- The methodology sheet as certified (the applicant's inputs with the committee's certainty applied), frozen beside
-- its result so that the public calculation sheet shows every figure that went in.
ALTER TABLE application ADD COLUMN certified_sheet VARCHAR(200000);
