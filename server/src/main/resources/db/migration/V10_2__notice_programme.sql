-- A notice may belong to one programme; NULL means it concerns every programme and shows in every programme's list.
ALTER TABLE notice ADD COLUMN programme_code VARCHAR(10);
ALTER TABLE notice ADD CONSTRAINT notice_programme_fk FOREIGN KEY (programme_code) REFERENCES programme (code);
CREATE INDEX notice_programme_ix ON notice (programme_code, publish_start);
