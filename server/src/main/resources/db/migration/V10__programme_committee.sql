-- Each programme's review committee (審査認証委員会): the reviewers the secretariat may assign to that programme's
-- applications. An administrator manages membership. Reviewers who held the role before committees existed join
-- every committee here, so that an existing installation assigns them as before until an administrator narrows it.
CREATE TABLE programme_committee_member (
    programme_code VARCHAR(10) NOT NULL REFERENCES programme (code),
    user_id        BIGINT      NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    PRIMARY KEY (programme_code, user_id)
);
CREATE INDEX programme_committee_member_user_ix ON programme_committee_member (user_id);

INSERT INTO programme_committee_member (programme_code, user_id)
SELECT p.code, r.user_id FROM programme p CROSS JOIN user_role r WHERE r.role = 'REVIEWER';
