-- Crediting programmes (issue 8). One installation, one registry, several programmes; a programme's serial
-- prefix is unique and never changes, so no serial number is ever shared between programmes.
CREATE TABLE programme (
    code              VARCHAR(10)  NOT NULL PRIMARY KEY,
    name_ja           VARCHAR(200) NOT NULL,
    name_en           VARCHAR(200) NOT NULL,
    operator          VARCHAR(200) NOT NULL,
    serial_prefix     VARCHAR(10)  NOT NULL,
    certifier         VARCHAR(200) NOT NULL,
    accepted_versions VARCHAR(500) NOT NULL
);
CREATE UNIQUE INDEX programme_serial_prefix_ux ON programme (serial_prefix);

INSERT INTO programme (code, name_ja, name_en, operator, serial_prefix, certifier, accepted_versions)
VALUES ('JBC', 'Jブルークレジット', 'J Blue Credit', 'ジャパンブルーエコノミー技術研究組合 (JBE)', 'JBC',
        'JBE 審査認証委員会', 'jbe-2.3');
INSERT INTO programme (code, name_ja, name_en, operator, serial_prefix, certifier, accepted_versions)
VALUES ('YBC', '横浜ブルーカーボン・オフセット制度', 'Yokohama Blue Carbon Offset', '横浜市', 'YBC',
        '横浜市', 'yokohama-2019,yokohama-2019-reduction');

ALTER TABLE application ADD COLUMN programme_code VARCHAR(10) DEFAULT 'JBC' NOT NULL;
ALTER TABLE application ADD CONSTRAINT application_programme_fk FOREIGN KEY (programme_code) REFERENCES programme (code);
