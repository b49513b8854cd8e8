-- The project's municipality (市区町村, beside its prefecture) and its co-benefits (codes, comma-separated), which a
-- retirement record discloses (issue 22 item 3, seed 004 figure 12: region and co-benefits).
ALTER TABLE application ADD COLUMN municipality VARCHAR(100);
ALTER TABLE application ADD COLUMN co_benefits VARCHAR(200) NOT NULL DEFAULT '';
