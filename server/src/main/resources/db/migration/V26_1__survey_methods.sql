-- Survey methods and the statistics of seed 002 (issue 22 item 5). The application records its implementer type,
-- and each area component of each crediting year its survey methods (names of SurveyMethod, comma-separated), its
-- survey date and its coefficient's basis type, beside the calculation sheet (which the methodology library reads and
-- which stays as it was). Existing applications have none of these: NULL and no rows mean "not recorded", and
-- survey_required stays FALSE for them, so an application submitted before keeps the rules it was submitted under;
-- the first submission of an application sets it, and from then on every area component needs a survey method.
ALTER TABLE application ADD COLUMN implementer_type VARCHAR(30);
ALTER TABLE application ADD CONSTRAINT application_implementer_type_ck CHECK (implementer_type IS NULL OR
    implementer_type IN ('FISHERY_COOPERATIVE', 'MUNICIPALITY', 'COMPANY', 'NPO', 'RESEARCH_INSTITUTE',
                         'PORT_AUTHORITY', 'OTHER'));
ALTER TABLE application ADD COLUMN survey_required BOOLEAN DEFAULT FALSE NOT NULL;

CREATE TABLE application_component_survey (
    application_id     BIGINT       NOT NULL REFERENCES application (id) ON DELETE CASCADE,
    year_position      INT          NOT NULL,
    component_position INT          NOT NULL,
    methods            VARCHAR(200) DEFAULT '' NOT NULL,
    survey_date        DATE,
    coefficient_basis  VARCHAR(20),
    CONSTRAINT application_component_survey_pk PRIMARY KEY (application_id, year_position, component_position),
    CONSTRAINT application_component_survey_basis_ck
        CHECK (coefficient_basis IS NULL OR coefficient_basis IN ('LITERATURE', 'MEASURED'))
);
