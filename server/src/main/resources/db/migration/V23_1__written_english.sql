-- Texts the secretariat writes get an optional English version (issue 19, item 4). NULL: none, and English pages show
-- the Japanese text marked as Japanese only. Existing rows have none.
ALTER TABLE notice ADD COLUMN title_en VARCHAR(200);
ALTER TABLE notice ADD COLUMN body_markdown_en VARCHAR(20000);
ALTER TABLE market_round ADD COLUMN title_en VARCHAR(200);
ALTER TABLE market_round ADD COLUMN rules_en VARCHAR(8000);
ALTER TABLE historical_statistic ADD COLUMN note_en VARCHAR(500);
