package org.amamo.registry.internal.read;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.amamo.programme.BufferShares;
import org.amamo.programme.Programme;
import org.amamo.programme.Programmes;
import org.amamo.registry.internal.ReversalStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** The public view of a programme's buffer pool: its shares, balance, intake per project and every reversal. */
@Component
public class BufferQuery {

    private final JdbcClient jdbc;
    private final Programmes programmes;
    private final BufferShares shares;
    private final ReversalStore reversals;

    BufferQuery(JdbcClient jdbc, Programmes programmes, BufferShares shares, ReversalStore reversals) {
        this.jdbc = jdbc;
        this.programmes = programmes;
        this.shares = shares;
        this.reversals = reversals;
    }

    /**
     * A programme's buffer pool. Units are 0.1 t-CO2.
     *
     * @param programmeCode  the programme
     * @param shares         its buffer share per ecosystem, percent
     * @param balanceUnits   the units the buffer account holds now
     * @param intakeUnits    the units it received at issuance, all projects
     * @param cancelledUnits the units reversals cancelled from it
     * @param shortfallUnits the units reversals could not cover, owed by their projects
     * @param projects       the intake per project
     * @param reversals      every reversal, newest first
     */
    public record BufferView(
            String programmeCode,
            Map<String, BigDecimal> shares,
            long balanceUnits,
            long intakeUnits,
            long cancelledUnits,
            long shortfallUnits,
            List<ProjectIntake> projects,
            List<ReversalStore.ReversalRow> reversals) {}

    /**
     * One project's part of the pool: the units its batches put in ({@code batches} of them), those of its units the
     * buffer still holds, and the units recorded as lost by its reversals.
     */
    public record ProjectIntake(
            String projectCode, String projectName, long batches, long intakeUnits, long heldUnits, long lostUnits) {}

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Optional<BufferView> buffer(String programmeCode) {
        Optional<Programme> programme = programmes.find(programmeCode);
        if (programme.isEmpty()) {
            return Optional.empty();
        }
        String code = programme.get().code();
        Long account = jdbc.sql("SELECT id FROM registry_account WHERE owner_key = ?")
                .param("B:" + code)
                .query(Long.class)
                .optional()
                .orElse(null);
        List<ReversalStore.ReversalRow> recorded = reversals.ofProgramme(code);
        List<ProjectIntake> projects = account == null ? List.of() : projects(account, code);
        long balance = projects.stream().mapToLong(ProjectIntake::heldUnits).sum();
        long intake = projects.stream().mapToLong(ProjectIntake::intakeUnits).sum();
        return Optional.of(new BufferView(
                code,
                shares.shares(code),
                balance,
                intake,
                recorded.stream()
                        .mapToLong(ReversalStore.ReversalRow::cancelledUnits)
                        .sum(),
                recorded.stream()
                        .mapToLong(ReversalStore.ReversalRow::shortfallUnits)
                        .sum(),
                projects,
                recorded));
    }

    /** What a batch put in its programme's buffer at issuance: the units and the programme's code. */
    public record BatchIntake(long units, String programmeCode) {}

    /** The buffer's part of a batch; empty when its issuance put nothing in a buffer. */
    public Optional<BatchIntake> ofBatch(long batchId) {
        return Optional.ofNullable(ofBatches(List.of(batchId)).get(batchId));
    }

    /** The buffer's part of each batch given, by batch id, in one read; a batch that put nothing in is absent. */
    public Map<Long, BatchIntake> ofBatches(Collection<Long> batchIds) {
        Map<Long, BatchIntake> intakes = new HashMap<>();
        if (batchIds.isEmpty()) {
            return intakes;
        }
        jdbc
                .sql("""
                SELECT b.id, SUM(m.last_serial - m.first_serial + 1) AS units, MAX(a.owner_key) AS owner_key
                  FROM registry_batch b
                  JOIN registry_movement m ON m.entry_id = b.entry_id AND m.batch_id = b.id
                  JOIN registry_account a ON a.id = m.to_account_id AND a.kind = 'BUFFER'
                 WHERE b.id IN (:ids)
                 GROUP BY b.id
                """)
                .param("ids", batchIds)
                .query((row, n) -> Map.entry(
                        row.getLong("id"),
                        new BatchIntake(
                                row.getLong("units"), row.getString("owner_key").substring(2))))
                .list()
                .stream()
                .filter(entry -> entry.getValue().units() > 0)
                .forEach(entry -> intakes.put(entry.getKey(), entry.getValue()));
        return intakes;
    }

    /** Intake and holdings per project, by project code. */
    private List<ProjectIntake> projects(long account, String programmeCode) {
        return jdbc.sql("""
                SELECT b.project_code, MAX(b.project_name) AS project_name, COUNT(DISTINCT b.id) AS batches,
                       COALESCE(SUM(i.units), 0) AS intake,
                       COALESCE((SELECT SUM(k.last_serial - k.first_serial + 1) FROM registry_block k
                                   JOIN registry_batch kb ON kb.id = k.batch_id
                                  WHERE k.account_id = :account AND k.status = 'ACTIVE'
                                    AND kb.project_code = b.project_code), 0) AS held,
                       COALESCE((SELECT SUM(r.lost_units) FROM registry_reversal r
                                  WHERE r.programme_code = :programme AND r.project_code = b.project_code), 0) AS lost
                  FROM registry_batch b
                  JOIN (SELECT m.batch_id, SUM(m.last_serial - m.first_serial + 1) AS units FROM registry_movement m
                          JOIN registry_journal_entry e ON e.id = m.entry_id AND e.operation = 'ISSUE'
                         WHERE m.to_account_id = :account GROUP BY m.batch_id) i ON i.batch_id = b.id
                 GROUP BY b.project_code ORDER BY b.project_code
                """)
                .param("account", account)
                .param("programme", programmeCode)
                .query((row, n) -> new ProjectIntake(
                        row.getString("project_code"),
                        row.getString("project_name"),
                        row.getLong("batches"),
                        row.getLong("intake"),
                        row.getLong("held"),
                        row.getLong("lost")))
                .list();
    }
}
