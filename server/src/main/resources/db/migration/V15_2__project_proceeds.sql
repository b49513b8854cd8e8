-- Use of proceeds (資金の使途, seeds 000 and 002): per fiscal year, how a certified project used the money from its
-- credits: the amount in yen (optional), the kinds of activity, and a free text. One report per project and year;
-- reporting a year again replaces it.
CREATE TABLE project_proceeds (
    project_id   BIGINT        NOT NULL REFERENCES project (id),
    fiscal_year  INT           NOT NULL,
    amount_yen   NUMERIC(15, 0),
    activities   VARCHAR(200)  NOT NULL,
    description  VARCHAR(2000) NOT NULL,
    recorded_by  BIGINT        NOT NULL REFERENCES user_account (id),
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (project_id, fiscal_year),
    CONSTRAINT project_proceeds_amount_ck CHECK (amount_yen IS NULL OR amount_yen >= 0)
);
