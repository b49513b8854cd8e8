package org.amamo.programme.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.amamo.programme.FeeRule;
import org.amamo.programme.Programme;
import org.amamo.programme.Programmes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
class ProgrammeRepository implements Programmes {

    private static final String SELECT = """
            SELECT code, name_ja, name_en, operator, serial_prefix, certifier, accepted_versions, fee_flat_yen,
                   fee_per_tonne_yen
              FROM programme
            """;

    private final JdbcClient jdbc;

    ProgrammeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Programme> all() {
        return jdbc.sql(SELECT + " ORDER BY code").query(this::map).list();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Programme> find(String code) {
        // A code is at most 10 characters (programme.code); anything else, a NUL byte included, which PostgreSQL
        // refuses in a text parameter, names no programme.
        return code == null || code.length() > 10 || code.chars().anyMatch(Character::isISOControl)
                ? Optional.empty()
                : jdbc.sql(SELECT + " WHERE code = ?")
                        .param(code)
                        .query(this::map)
                        .optional();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Long> committee(String code) {
        return jdbc.sql("SELECT user_id FROM programme_committee_member WHERE programme_code = ? ORDER BY user_id")
                .param(code)
                .query(Long.class)
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public boolean onCommittee(String code, long userId) {
        return jdbc.sql("SELECT COUNT(*) FROM programme_committee_member WHERE programme_code = ? AND user_id = ?")
                        .params(code, userId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    void addMember(String code, long userId) {
        jdbc.sql("INSERT INTO programme_committee_member (programme_code, user_id) VALUES (?, ?)")
                .params(code, userId)
                .update();
    }

    boolean removeMember(String code, long userId) {
        return jdbc.sql("DELETE FROM programme_committee_member WHERE programme_code = ? AND user_id = ?")
                        .params(code, userId)
                        .update()
                == 1;
    }

    /** Changes what may change; the code and the serial prefix never do. */
    void update(String code, String nameJa, String nameEn, String operator, String certifier, List<String> versions) {
        jdbc.sql("""
                UPDATE programme SET name_ja = ?, name_en = ?, operator = ?, certifier = ?, accepted_versions = ?
                 WHERE code = ?""")
                .params(nameJa, nameEn, operator, certifier, String.join(",", versions), code)
                .update();
    }

    void updateFee(String code, FeeRule fee) {
        jdbc.sql("UPDATE programme SET fee_flat_yen = ?, fee_per_tonne_yen = ? WHERE code = ?")
                .params(fee.flatYen(), fee.perTonneYen(), code)
                .update();
    }

    private Programme map(ResultSet row, int rowNumber) throws SQLException {
        String versions = row.getString("accepted_versions");
        return new Programme(
                row.getString("code"),
                row.getString("name_ja"),
                row.getString("name_en"),
                row.getString("operator"),
                row.getString("serial_prefix"),
                row.getString("certifier"),
                versions.isBlank() ? List.of() : Arrays.asList(versions.split(",")),
                new FeeRule(row.getBigDecimal("fee_flat_yen"), row.getBigDecimal("fee_per_tonne_yen")));
    }
}
