-- Failed password logins per account and client address. A stranger's wrong passwords slow down only that stranger:
-- after a few failures from one address for one account, that address must wait (longer after each further failure)
-- before it may try that account again; other addresses, and the account's API tokens, are not affected.
CREATE TABLE login_throttle (
    email          VARCHAR(254) NOT NULL,
    client_address VARCHAR(64)  NOT NULL,
    failures       INT          NOT NULL,
    blocked_until  TIMESTAMP WITH TIME ZONE,
    last_failed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (email, client_address)
);
CREATE INDEX login_throttle_last_failed_ix ON login_throttle (last_failed_at);
