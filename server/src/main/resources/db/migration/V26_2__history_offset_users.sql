-- Seed 001's users (活用者数) of a programme's imported offsets (issue 22 item 5): the history CSV may carry them in an
-- optional last column, users. Rows imported before have none: NULL, "not known", and offset usage shows no users
-- for them.
ALTER TABLE programme_history_record ADD COLUMN users INT;
ALTER TABLE programme_history_record ADD CONSTRAINT programme_history_users_ck CHECK (users IS NULL OR users >= 0);
