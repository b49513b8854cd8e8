package org.amamo.testing;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Projects written straight into the database, for tests of what follows a certification. */
public final class TestProjects {

    private TestProjects() {}

    /**
     * A project of the owner with one certified application (10.0 t under jbe-2.3), certified on 1 October of the
     * fiscal year given.
     *
     * @return the project's id
     */
    public static long certified(JdbcClient jdbc, long ownerId, String name, int certifiedInFiscalYear) {
        jdbc.sql("INSERT INTO project (name, owner_id, created_at) VALUES (?, ?, CURRENT_TIMESTAMP)")
                .params(name, ownerId)
                .update();
        long project = jdbc.sql("SELECT MAX(id) FROM project").query(Long.class).single();
        jdbc.sql("""
                INSERT INTO application (project_id, owner_id, status, name, methodology_version, certified_units,
                                         certified_version, certified_at, created_at, updated_at)
                VALUES (?, ?, 'CERTIFIED', ?, 'jbe-2.3', 100, 'jbe-2.3',
                        CAST(? AS TIMESTAMP WITH TIME ZONE), CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)
                """)
                .params(project, ownerId, name, certifiedInFiscalYear + "-10-01 12:00:00+09:00")
                .update();
        return project;
    }
}
