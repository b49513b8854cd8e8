-- The quality record of issue 22 item 1: the ICVCM Core Carbon Principles checklist (seed 003 §2.3, table 2-1).
-- The applicant states, per criterion, how the project meets it; each assigned reviewer assesses each criterion.

-- The rules an application was submitted under. Applications submitted before the checklist existed continue under
-- the rules they were submitted under (BEFORE_CHECKLIST: no statements asked, no assessment needed to certify);
-- every other application, including drafts never submitted, is held to the checklist (CCP_CHECKLIST).
ALTER TABLE application ADD COLUMN quality_rules VARCHAR(20) NOT NULL DEFAULT 'CCP_CHECKLIST';
UPDATE application SET quality_rules = 'BEFORE_CHECKLIST' WHERE submitted_at IS NOT NULL;

-- The applicant's statement per criterion; the SDGs (1 to 17) the project serves, comma-separated.
CREATE TABLE application_quality_statement (
    application_id          BIGINT       NOT NULL PRIMARY KEY REFERENCES application (id) ON DELETE CASCADE,
    additionality           VARCHAR(4000),
    permanence              VARCHAR(4000),
    permanence_monitoring   VARCHAR(4000),
    sustainable_development VARCHAR(4000),
    sdgs                    VARCHAR(60)  NOT NULL DEFAULT '',
    no_double_counting      VARCHAR(4000),
    net_zero                VARCHAR(4000)
);

-- An assigned reviewer's assessment of one criterion: MEETS, DOES_NOT_MEET or NOT_APPLICABLE, with the reason.
CREATE TABLE application_quality_assessment (
    application_id BIGINT        NOT NULL REFERENCES application (id) ON DELETE CASCADE,
    reviewer_id    BIGINT        NOT NULL REFERENCES user_account (id),
    criterion      VARCHAR(40)   NOT NULL,
    outcome        VARCHAR(20)   NOT NULL,
    reason         VARCHAR(2000) NOT NULL,
    assessed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (application_id, reviewer_id, criterion)
);
