-- Partner municipalities of a programme (seed 001 table 4: the Yokohama scheme's 連携自治体) with the date of the
-- latest information exchange (情報交換). A municipality may apply to the programme only while it is a partner and
-- until the end of the fiscal year after its latest exchange (「最新の情報交換日の翌年度末まで」). While a programme's
-- list is empty the rule is not enforced, so an upgrade refuses nothing.
CREATE TABLE programme_partner (
    programme_code     VARCHAR(10)  NOT NULL REFERENCES programme (code),
    municipality_code  CHAR(6)      NOT NULL,
    name               VARCHAR(100) NOT NULL,
    latest_exchange_on DATE         NOT NULL,
    PRIMARY KEY (programme_code, municipality_code)
);

-- Organisations that are municipalities (地方公共団体), with their municipality code (全国地方公共団体コード, JIS X
-- 0402 with its check digit).
CREATE TABLE municipality_organisation (
    organisation_id   BIGINT  NOT NULL PRIMARY KEY REFERENCES organisation (id),
    municipality_code CHAR(6) NOT NULL
);
