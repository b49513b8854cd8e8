-- Spring Modulith's event publication registry: an event between features is stored in the same
-- transaction that publishes it and marked complete when its listener has run, so no hand-over (such as
-- certification -> issuance) is lost if the application stops in between. Portable types (no TEXT: H2
-- cannot compare large objects).
CREATE TABLE event_publication (
    id               UUID          NOT NULL PRIMARY KEY,
    listener_id      VARCHAR(512)  NOT NULL,
    event_type       VARCHAR(512)  NOT NULL,
    serialized_event VARCHAR(100000) NOT NULL,
    publication_date TIMESTAMP WITH TIME ZONE NOT NULL,
    completion_date  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX event_publication_by_completion_date_ix ON event_publication (completion_date);
