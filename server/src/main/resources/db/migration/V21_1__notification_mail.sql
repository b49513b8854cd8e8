-- Notification e-mails (issue 20, item 4): the kinds of notification a user has chosen not to receive by e-mail.
-- Only choices away from the default are kept, so every user, existing or new, receives every kind until they turn
-- one off; the kinds a user must act on are never kept here (the settings page refuses them).
CREATE TABLE notification_mail_optout (
    user_id BIGINT      NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    kind    VARCHAR(30) NOT NULL,
    PRIMARY KEY (user_id, kind)
);
