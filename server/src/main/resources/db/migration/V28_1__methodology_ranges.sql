-- Methodology versions with the published uncertainty ranges of their coefficients (issue 22, item 6): the same
-- coefficients as the versions they extend, so a programme that accepts one accepts the other. Existing
-- applications keep the version they recorded.
UPDATE programme SET accepted_versions = accepted_versions || ',jbe-2.3-ranges'
 WHERE (',' || accepted_versions || ',') LIKE '%,jbe-2.3,%'
   AND (',' || accepted_versions || ',') NOT LIKE '%,jbe-2.3-ranges,%';
UPDATE programme SET accepted_versions = accepted_versions || ',yokohama-2019-ranges'
 WHERE (',' || accepted_versions || ',') LIKE '%,yokohama-2019,%'
   AND (',' || accepted_versions || ',') NOT LIKE '%,yokohama-2019-ranges,%';
