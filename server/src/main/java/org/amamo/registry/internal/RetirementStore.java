package org.amamo.registry.internal;

import static org.amamo.platform.SqlTime.instant;
import static org.amamo.platform.SqlTime.utc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The retirement records, with their public disclosure, and the credit batches each retired. */
@Repository
class RetirementStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate statements;
    private final BatchStore batches;

    RetirementStore(JdbcClient jdbc, JdbcTemplate statements, BatchStore batches) {
        this.jdbc = jdbc;
        this.statements = statements;
        this.batches = batches;
    }

    /** Adds the record of a retirement whose entry and movements are already inserted; returns its id. */
    long insertRetirement(JournalEntry entry, long accountId, RetirementDisclosure disclosure, long units) {
        return insertRetirements(List.of(NewRetirement.of(entry, accountId, disclosure, units)))
                .get(entry.id());
    }

    /** A retirement record to add, for the retirement entry {@code entryId}, which retired units of the batches. */
    record NewRetirement(
            long entryId,
            long accountId,
            RetirementDisclosure disclosure,
            long units,
            Instant retiredAt,
            Set<Long> batchIds) {

        static NewRetirement of(JournalEntry entry, long accountId, RetirementDisclosure disclosure, long units) {
            return new NewRetirement(
                    entry.id(),
                    accountId,
                    disclosure,
                    units,
                    entry.recordedAt(),
                    entry.movements().stream()
                            .map(JournalEntry.Movement::batchId)
                            .collect(Collectors.toCollection(TreeSet::new)));
        }
    }

    /**
     * Adds retirement records and the batches each retired (for the lists of one programme or project, V10_3), one
     * statement batch each; returns each record's id by its entry's id.
     */
    Map<Long, Long> insertRetirements(List<NewRetirement> retirements) {
        if (retirements.isEmpty()) {
            return Map.of();
        }
        statements.batchUpdate(
                INSERT_RETIREMENT,
                retirements.stream()
                        .map(retirement -> new Object[] {
                            retirement.entryId(),
                            retirement.accountId(),
                            retirement.disclosure().beneficiary(),
                            retirement.disclosure().purpose().name(),
                            retirement.disclosure().emissionsOffset(),
                            retirement.disclosure().reportingYear(),
                            retirement.disclosure().note(),
                            retirement.units(),
                            utc(retirement.retiredAt()),
                            retirement.disclosure().offsetTonnesCo2(),
                            name(retirement.disclosure().offsetCoverage()),
                            retirement.disclosure().beneficiarySector(),
                            retirement.disclosure().selectionReason()
                        })
                        .toList());
        Map<Long, Long> ids = new HashMap<>();
        jdbc.sql("SELECT entry_id, id FROM registry_retirement WHERE entry_id IN (:entries)")
                .param(
                        "entries",
                        retirements.stream().map(NewRetirement::entryId).toList())
                .query((row, n) -> ids.put(row.getLong(1), row.getLong(2)))
                .list();
        List<Object[]> retiredBatches = new ArrayList<>();
        for (NewRetirement retirement : retirements) {
            for (BatchStore.BatchRow batch : batches.batches(retirement.batchIds())) {
                retiredBatches.add(new Object[] {
                    ids.get(retirement.entryId()), batch.id(), batch.programmePrefix(), batch.projectCode()
                });
            }
        }
        statements.batchUpdate("""
                INSERT INTO registry_retirement_batch (retirement_id, batch_id, programme_prefix, project_code)
                VALUES (?, ?, ?, ?)
                """, retiredBatches);
        return ids;
    }

    private static final String INSERT_RETIREMENT = """
            INSERT INTO registry_retirement (entry_id, account_id, beneficiary, purpose, emissions_offset,
                   reporting_year, note, credit_units, retired_at, offset_tonnes, offset_coverage, beneficiary_sector,
                   selection_reason)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    /** The disclosure of a retirement record as a query selected it (with {@link #DISCLOSURE_COLUMNS}). */
    static RetirementDisclosure disclosure(java.sql.ResultSet row) throws java.sql.SQLException {
        String coverage = row.getString("offset_coverage");
        return new RetirementDisclosure(
                row.getString("beneficiary"),
                RetirementPurpose.valueOf(row.getString("purpose")),
                row.getString("emissions_offset"),
                row.getObject("reporting_year", Integer.class),
                row.getString("note"),
                row.getBigDecimal("offset_tonnes"),
                coverage == null ? null : OffsetCoverage.valueOf(coverage),
                row.getString("beneficiary_sector"),
                row.getString("selection_reason"));
    }

    /** The columns {@link #disclosure} reads. */
    static final String DISCLOSURE_COLUMNS = "beneficiary, purpose, emissions_offset, reporting_year, note, "
            + "offset_tonnes, offset_coverage, beneficiary_sector, selection_reason";

    /** A retirement record as stored: its entry, source account, disclosure, units and time. */
    record RetirementRow(
            long id,
            long entryId,
            long accountId,
            RetirementDisclosure disclosure,
            long creditUnits,
            Instant retiredAt) {}

    /** The retirement records of entries {@code afterEntryId < entry <= lastEntryId}, by entry. */
    List<RetirementRow> retirementsOfEntries(long afterEntryId, long lastEntryId) {
        return jdbc.sql("SELECT id, entry_id, account_id, credit_units, retired_at, " + DISCLOSURE_COLUMNS
                        + " FROM registry_retirement WHERE entry_id > ? AND entry_id <= ? ORDER BY entry_id")
                .params(afterEntryId, lastEntryId)
                .query((row, n) -> new RetirementRow(
                        row.getLong("id"),
                        row.getLong("entry_id"),
                        row.getLong("account_id"),
                        disclosure(row),
                        row.getLong("credit_units"),
                        instant(row, "retired_at")))
                .list();
    }

    Optional<Long> retirementOfEntry(long entryId) {
        return jdbc.sql("SELECT id FROM registry_retirement WHERE entry_id = ?")
                .param(entryId)
                .query(Long.class)
                .optional();
    }
}
