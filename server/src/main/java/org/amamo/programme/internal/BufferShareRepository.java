package org.amamo.programme.internal;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.amamo.programme.BufferShares;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The buffer shares as stored: one row per programme and ecosystem whose share is set. */
@Repository
class BufferShareRepository implements BufferShares {

    private final JdbcClient jdbc;
    private final ProgrammeRepository programmes;

    BufferShareRepository(JdbcClient jdbc, ProgrammeRepository programmes) {
        this.jdbc = jdbc;
        this.programmes = programmes;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, BigDecimal> shares(String programmeCode) {
        if (programmes.find(programmeCode).isEmpty()) {
            return Map.of();
        }
        Map<String, BigDecimal> shares = new LinkedHashMap<>();
        ECOSYSTEMS.forEach(ecosystem -> shares.put(ecosystem, BigDecimal.ZERO.setScale(MAX_SCALE)));
        jdbc.sql("SELECT ecosystem, share_percent FROM programme_buffer_share WHERE programme_code = ?")
                .param(programmeCode)
                .query((row, n) ->
                        shares.put(row.getString(1), row.getBigDecimal(2).setScale(MAX_SCALE)))
                .list();
        return shares;
    }

    /** Replaces the programme's shares (a share of 0 is stored as no row). */
    void replace(String programmeCode, Map<String, BigDecimal> shares) {
        jdbc.sql("DELETE FROM programme_buffer_share WHERE programme_code = ?")
                .param(programmeCode)
                .update();
        shares.forEach((ecosystem, share) -> {
            if (share.signum() > 0) {
                jdbc.sql(
                                "INSERT INTO programme_buffer_share (programme_code, ecosystem, share_percent) VALUES (?, ?, ?)")
                        .params(programmeCode, ecosystem, share)
                        .update();
            }
        });
    }
}
