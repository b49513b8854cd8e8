-- A hearing's schedule (issue 20, item 4): the secretariat sets when and where (a place, or an online meeting's
-- link) the on-site hearing of an application will be held, and the applicants are mailed. Kept beside what is
-- recorded once it is held (hearing_held_on, hearing_place, hearing_record). Existing applications have no schedule
-- (NULL): those already heard were scheduled outside Amamo.
ALTER TABLE application ADD COLUMN hearing_scheduled_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE application ADD COLUMN hearing_venue VARCHAR(300);
