-- The informative uncertainty band of each certified sheet (issue 22, item 6), computed once from the frozen sheet
-- (a certified sheet never changes) when first shown or exported; applications certified before this migration get
-- theirs the same way, on first use.
CREATE TABLE certified_band (
    application_id     BIGINT         NOT NULL PRIMARY KEY,
    methodology_version VARCHAR(40)   NOT NULL,
    samples            INTEGER        NOT NULL,
    seed               BIGINT         NOT NULL,
    uncertain_inputs   INTEGER        NOT NULL,
    table_range_inputs INTEGER        NOT NULL,
    net_p5_t           NUMERIC(20, 4) NOT NULL,
    net_p50_t          NUMERIC(20, 4) NOT NULL,
    net_p95_t          NUMERIC(20, 4) NOT NULL,
    computed_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT certified_band_application_fk FOREIGN KEY (application_id) REFERENCES application (id)
);
