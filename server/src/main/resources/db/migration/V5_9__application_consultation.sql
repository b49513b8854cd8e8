-- The pre-consultation (事前相談) an application follows, if any. No foreign key: the consultation belongs to
-- another feature, which the application reads through its public interface.
ALTER TABLE application ADD COLUMN consultation_id BIGINT;
CREATE INDEX application_consultation_ix ON application (consultation_id);
