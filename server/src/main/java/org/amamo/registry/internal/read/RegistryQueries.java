package org.amamo.registry.internal.read;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.amamo.platform.SqlTime;
import org.amamo.platform.SqlValues;
import org.amamo.registry.SerialRange;
import org.amamo.registry.internal.AccountKind;
import org.amamo.registry.internal.AccountRow;
import org.amamo.registry.internal.AccountStatus;
import org.amamo.registry.internal.AccountStore;
import org.amamo.registry.internal.Actor;
import org.amamo.registry.internal.BatchStore;
import org.amamo.registry.internal.BlockStatus;
import org.amamo.registry.internal.BlockStore;
import org.amamo.registry.internal.Journal;
import org.amamo.registry.internal.JournalEntry;
import org.amamo.registry.internal.LedgerInvariants;
import org.amamo.registry.internal.OffsetCoverage;
import org.amamo.registry.internal.Operation;
import org.amamo.registry.internal.RetirementPurpose;
import org.amamo.registry.internal.read.RegistryViews.AccountView;
import org.amamo.registry.internal.read.RegistryViews.BatchView;
import org.amamo.registry.internal.read.RegistryViews.HeldBatch;
import org.amamo.registry.internal.read.RegistryViews.RetirementPage;
import org.amamo.registry.internal.read.RegistryViews.RetirementView;
import org.amamo.registry.internal.read.RegistryViews.SerialBlock;
import org.amamo.registry.internal.read.RegistryViews.SerialLookup;
import org.amamo.registry.internal.read.RegistryViews.StatementLine;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads for pages and the API: accounts, statements, batches with totals, retirements, serial lookup. */
@Service
@Transactional(readOnly = true)
public class RegistryQueries {

    /** The most statement lines one CSV download holds. */
    public static final int MAX_CSV_ROWS = 100_000;
    /** The most blocks a serial lookup lists. */
    static final int MAX_LOOKUP_BLOCKS = 100;

    private static final String ACCOUNT = """
            SELECT a.id, a.kind, a.status, a.holder_name, a.owner_user_id, a.owner_organisation_id, a.vintage,
                   a.requested_at, a.decided_at,
                   COALESCE((SELECT SUM(b.last_serial - b.first_serial + 1) FROM registry_block b
                              WHERE b.account_id = a.id), 0) AS balance
              FROM registry_account a
            """;

    private final JdbcClient jdbc;
    private final AccountStore accountStore;
    private final BlockStore blockStore;
    private final BatchStore batchStore;
    private final CreditOrigins origins;

    RegistryQueries(
            JdbcClient jdbc,
            AccountStore accountStore,
            BlockStore blockStore,
            BatchStore batchStore,
            CreditOrigins origins) {
        this.jdbc = jdbc;
        this.accountStore = accountStore;
        this.blockStore = blockStore;
        this.batchStore = batchStore;
        this.origins = origins;
    }

    public Optional<AccountView> account(long id) {
        return jdbc.sql(ACCOUNT + " WHERE a.id = ?")
                .param(id)
                .query(this::mapAccount)
                .optional();
    }

    /** The holding accounts of a user: their own and their organisation's. */
    public List<AccountView> accountsOf(Actor actor) {
        return jdbc.sql(ACCOUNT + " WHERE a.kind = 'HOLDING' AND (a.owner_user_id = ? OR a.owner_organisation_id = ?)"
                        + " ORDER BY a.id")
                .params(actor.userId(), actor.organisationId())
                .query(this::mapAccount)
                .list();
    }

    /** Every account, or those in one status, for the secretariat. */
    public List<AccountView> accounts(AccountStatus status, int offset, int limit) {
        return jdbc.sql(ACCOUNT + " WHERE (CAST(:status AS VARCHAR) IS NULL OR a.status = :status)"
                        + " ORDER BY a.id LIMIT :limit OFFSET :offset")
                .param("status", status == null ? null : status.name())
                .param("limit", limit)
                .param("offset", offset)
                .query(this::mapAccount)
                .list();
    }

    /** An account's movements, newest first. */
    public List<StatementLine> statement(long accountId, int offset, int limit) {
        record Row(long entryId, java.time.Instant at, Operation operation, JournalEntry.Movement movement) {}
        List<Row> rows = jdbc.sql("""
                SELECT m.entry_id, e.recorded_at, e.operation, m.batch_id, m.first_serial, m.last_serial,
                       m.from_account_id, m.to_account_id
                  FROM registry_movement m JOIN registry_journal_entry e ON e.id = m.entry_id
                 WHERE m.from_account_id = :account OR m.to_account_id = :account
                 ORDER BY m.entry_id DESC, m.id DESC LIMIT :limit OFFSET :offset
                """)
                .param("account", accountId)
                .param("limit", limit)
                .param("offset", offset)
                .query((row, n) -> new Row(
                        row.getLong("entry_id"),
                        SqlTime.instant(row, "recorded_at"),
                        Operation.valueOf(row.getString("operation")),
                        new JournalEntry.Movement(
                                row.getLong("batch_id"),
                                row.getLong("first_serial"),
                                row.getLong("last_serial"),
                                SqlValues.nullableLong(row, "from_account_id"),
                                row.getLong("to_account_id"))))
                .list();
        Map<Long, BatchStore.BatchRow> batches =
                batchRows(rows.stream().map(r -> r.movement().batchId()).toList());
        Map<Long, String> names = new HashMap<>();
        List<StatementLine> lines = new ArrayList<>();
        for (Row row : rows) {
            JournalEntry.Movement movement = row.movement();
            boolean incoming = movement.toAccountId() == accountId;
            Long counterparty = incoming ? movement.fromAccountId() : Long.valueOf(movement.toAccountId());
            String name = counterparty == null
                    ? null
                    : names.computeIfAbsent(
                            counterparty,
                            id -> accountStore
                                    .account(id)
                                    .map(AccountRow::holderName)
                                    .orElse(""));
            lines.add(new StatementLine(
                    row.entryId(),
                    row.at(),
                    row.operation(),
                    counterparty,
                    name,
                    Journal.serialRange(batches.get(movement.batchId()), movement.firstSerial(), movement.lastSerial())
                            .format(),
                    incoming ? movement.units() : -movement.units()));
        }
        return lines;
    }

    /** The serial ranges of an account's blocks, lowest first, at most {@code limit}. */
    public List<String> heldRanges(long accountId, int limit) {
        List<LedgerInvariants.Block> blocks = jdbc.sql("SELECT id, batch_id, first_serial, last_serial, account_id,"
                        + " status FROM registry_block WHERE account_id = ? ORDER BY batch_id, first_serial LIMIT ?")
                .params(accountId, limit)
                .query((row, n) -> new LedgerInvariants.Block(
                        row.getLong(1),
                        row.getLong(2),
                        row.getLong(3),
                        row.getLong(4),
                        row.getLong(5),
                        BlockStatus.valueOf(row.getString(6))))
                .list();
        Map<Long, BatchStore.BatchRow> batches =
                batchRows(blocks.stream().map(LedgerInvariants.Block::batchId).toList());
        return blocks.stream()
                .map(block -> Journal.serialRange(batches.get(block.batchId()), block.firstSerial(), block.lastSerial())
                        .format())
                .toList();
    }

    /**
     * What the account received at issuance as an initial holder, newest batch first, at most {@code limit}
     * batches: the movements out of the issuance account of each issuing entry (through the index on the receiving
     * account). A holder receives one consecutive range per batch.
     */
    public List<RegistryViews.IssuedToHolder> issuedTo(long accountId, int limit) {
        // Through the batches' issuing entries (few), not the account's incoming movements (maybe millions).
        return issued("""
                SELECT m.batch_id, m.first_serial, m.last_serial FROM registry_batch b
                  JOIN registry_movement m ON m.entry_id = b.entry_id
                 WHERE m.to_account_id = ? AND m.from_account_id IS NOT NULL
                 ORDER BY b.id DESC LIMIT ?
                """, accountId, limit);
    }

    /** What the account received of one batch at issuance; empty if it was not one of its initial holders. */
    public Optional<RegistryViews.IssuedToHolder> issuedTo(long accountId, long batchId) {
        return issued("""
                        SELECT m.batch_id, m.first_serial, m.last_serial FROM registry_batch b
                          JOIN registry_movement m ON m.entry_id = b.entry_id
                         WHERE m.to_account_id = ? AND m.from_account_id IS NOT NULL AND b.id = ?
                        """, accountId, batchId).stream().findFirst();
    }

    private List<RegistryViews.IssuedToHolder> issued(String sql, Object... params) {
        record Issued(long batchId, long first, long last) {}
        List<Issued> issued = jdbc.sql(sql)
                .params(params)
                .query((row, n) -> new Issued(row.getLong(1), row.getLong(2), row.getLong(3)))
                .list();
        List<Long> batchIds = issued.stream().map(Issued::batchId).distinct().toList();
        Map<Long, BatchView> views = batchViews(batchIds);
        Map<Long, BatchStore.BatchRow> rows = batchRows(batchIds);
        return issued.stream()
                .map(one -> new RegistryViews.IssuedToHolder(
                        views.get(one.batchId()),
                        Journal.serialRange(rows.get(one.batchId()), one.first(), one.last())
                                .format(),
                        one.last() - one.first() + 1))
                .toList();
    }

    /** The most batches an account's list of issuance certificates shows. */
    public static final int MAX_ISSUANCES_LISTED = 200;

    /** The active units an account holds of each batch, by batch id, at most {@code limit} batches. */
    public List<HeldBatch> heldBatches(long accountId, int limit) {
        record Held(long batchId, long units) {}
        List<Held> held = jdbc.sql("""
                SELECT batch_id, SUM(last_serial - first_serial + 1) FROM registry_block
                 WHERE account_id = ? AND status = 'ACTIVE' GROUP BY batch_id ORDER BY batch_id LIMIT ?
                """)
                .params(accountId, limit)
                .query((row, n) -> new Held(row.getLong(1), row.getLong(2)))
                .list();
        Map<Long, BatchStore.BatchRow> batches =
                batchRows(held.stream().map(Held::batchId).toList());
        return held.stream()
                .map(one -> {
                    BatchStore.BatchRow batch = batches.get(one.batchId());
                    return new HeldBatch(
                            batch.id(),
                            Journal.serialRange(batch, 1, 1).batchText(),
                            batch.projectCode(),
                            batch.projectName(),
                            batch.vintage(),
                            one.units());
                })
                .toList();
    }

    /**
     * Batches, newest first, optionally of one programme (by serial prefix), one project code and one vintage,
     * with their totals.
     */
    public List<BatchView> batches(String programmePrefix, String projectCode, Integer vintage, int offset, int limit) {
        List<Long> ids = jdbc.sql("""
                SELECT id FROM registry_batch
                 WHERE (CAST(:prefix AS VARCHAR) IS NULL OR programme_prefix = :prefix)
                   AND (CAST(:code AS VARCHAR) IS NULL OR project_code = :code)
                   AND (CAST(:vintage AS INT) IS NULL OR vintage = :vintage)
                 ORDER BY id DESC LIMIT :limit OFFSET :offset
                """)
                .param("prefix", programmePrefix)
                .param("code", projectCode)
                .param("vintage", vintage)
                .param("limit", limit)
                .param("offset", offset)
                .query(Long.class)
                .list();
        Map<Long, BatchView> views = batchViews(ids);
        return ids.stream().map(views::get).toList();
    }

    public Optional<BatchView> batch(long id) {
        return Optional.ofNullable(batchViews(List.of(id)).get(id));
    }

    /**
     * One page of the public retirement records, newest first, that retired credits of one programme (by serial
     * prefix) and/or one project (by its code); with neither, of every record. Which page: see
     * {@link RetirementListRequest}, whose problems the caller has ruled out.
     */
    public RetirementPage retirements(
            String programmePrefix, String projectCode, RetirementListRequest request, int size) {
        RetirementFilter filter = new RetirementFilter(programmePrefix, projectCode);
        if (request.after() != null) {
            return newerThan(filter, request.after(), size);
        }
        if (request.page() != null) {
            return atOffset(filter, request.offset(size), size);
        }
        return olderThan(filter, request.before(), size);
    }

    /** The records older than {@code before} (the newest records when null). */
    private RetirementPage olderThan(RetirementFilter filter, Long before, int size) {
        List<Long> ids = retirementIds(filter, true, before == null ? Long.MAX_VALUE : before, 0, size + 1);
        List<Long> shown = ids.subList(0, Math.min(size, ids.size()));
        // A page reached by "before" has newer records: the one named by "before", at least, when the id came from
        // a link. Asking the database whether any newer record exists would cost, for a rare project, a walk over
        // every later record; a hand-made id beyond the newest merely leads back to the newest page.
        Long newer = before == null || shown.isEmpty() ? null : shown.get(0);
        return page(shown, newer, ids.size() > size ? shown.get(shown.size() - 1) : null);
    }

    /**
     * The records just newer than {@code after}, newest first; where fewer than a page's worth are newer, the newest
     * page instead, so that a page reached by "newer" is always full.
     */
    private RetirementPage newerThan(RetirementFilter filter, long after, int size) {
        List<Long> ids = retirementIds(filter, false, after, 0, size + 1);
        if (ids.size() <= size) {
            return olderThan(filter, null, size);
        }
        List<Long> shown = new ArrayList<>(ids.subList(0, size));
        Collections.reverse(shown);
        // As in olderThan: the record named by "after" is older than this page, so an older page exists.
        return page(shown, shown.get(0), shown.get(shown.size() - 1));
    }

    /** A page by its position, the older way: the database skips {@code offset} records to reach it. */
    private RetirementPage atOffset(RetirementFilter filter, int offset, int size) {
        List<Long> ids = retirementIds(filter, true, Long.MAX_VALUE, offset, size + 1);
        List<Long> shown = ids.subList(0, Math.min(size, ids.size()));
        Long newer = offset == 0 || shown.isEmpty() ? null : shown.get(0);
        return page(shown, newer, ids.size() > size ? shown.get(shown.size() - 1) : null);
    }

    private RetirementPage page(List<Long> ids, Long newer, Long older) {
        List<RetirementView> records =
                ids.isEmpty() ? List.of() : retirements("WHERE r.id IN (:ids) ORDER BY r.id DESC", Map.of("ids", ids));
        return new RetirementPage(records, newer, older);
    }

    /** Which retirement records a list shows: of one programme (serial prefix) and/or one project; null: any. */
    private record RetirementFilter(String programmePrefix, String projectCode) {}

    /**
     * The ids of the records that pass the filter, beyond {@code bound} in one direction: older (newest first) or
     * newer (oldest first). Both walk an index from the bound, so that a page deep in the list costs what the first
     * costs: the primary key for every record, and for one programme or project the index of the batches each record
     * retired (V10_3). Filter conditions are only written when given, rather than as "(:x IS NULL OR ...)", so that
     * the database plans the query for the filter actually asked.
     */
    private List<Long> retirementIds(RetirementFilter filter, boolean older, long bound, int offset, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("bound", bound);
        params.put("limit", limit);
        params.put("offset", offset);
        String direction = older ? "<" : ">";
        String order = older ? "DESC" : "ASC";
        if (filter.programmePrefix() == null && filter.projectCode() == null) {
            return jdbc.sql("SELECT id FROM registry_retirement WHERE id " + direction + " :bound ORDER BY id " + order
                            + " LIMIT :limit OFFSET :offset")
                    .params(params)
                    .query(Long.class)
                    .list();
        }
        // A record that retired credits of several batches of the filter has several rows here: DISTINCT.
        StringBuilder sql = new StringBuilder(
                        "SELECT DISTINCT retirement_id FROM registry_retirement_batch" + " WHERE retirement_id ")
                .append(direction)
                .append(" :bound");
        if (filter.programmePrefix() != null) {
            sql.append(" AND programme_prefix = :prefix");
            params.put("prefix", filter.programmePrefix());
        }
        if (filter.projectCode() != null) {
            sql.append(" AND project_code = :code");
            params.put("code", filter.projectCode());
        }
        sql.append(" ORDER BY retirement_id ").append(order).append(" LIMIT :limit OFFSET :offset");
        return jdbc.sql(sql.toString()).params(params).query(Long.class).list();
    }

    public Optional<RetirementView> retirement(long id) {
        return retirements("WHERE r.id = :id", Map.of("id", id)).stream().findFirst();
    }

    /** Which batch and blocks a serial number or range names, and their status. Empty: no such batch. */
    public Optional<SerialLookup> lookup(SerialRange range) {
        Optional<BatchStore.BatchRow> batch =
                batchStore.batch(range.programmePrefix(), range.projectCode(), range.vintage(), range.batchNumber());
        if (batch.isEmpty() || range.firstSerial() > batch.get().issuedUnits()) {
            return Optional.empty();
        }
        BatchStore.BatchRow row = batch.get();
        List<SerialBlock> blocks =
                blockStore
                        .overlapping(row.id(), range.firstSerial(), range.lastSerial(), false, MAX_LOOKUP_BLOCKS)
                        .stream()
                        .map(block -> {
                            long first = Math.max(block.firstSerial(), range.firstSerial());
                            long last = Math.min(block.lastSerial(), range.lastSerial());
                            Long retirement = block.status() == BlockStatus.RETIRED ? retirementOf(block) : null;
                            return new SerialBlock(
                                    Journal.serialRange(row, first, last).format(), block.status(), retirement);
                        })
                        .toList();
        return Optional.of(
                new SerialLookup(range.format(), batchViews(List.of(row.id())).get(row.id()), blocks));
    }

    /**
     * The retirement that made a retired block. Retired blocks never split or merge, so the block is exactly the
     * range its retirement moved into the retirement account: found through the (batch, first serial) index, however
     * many movements the batch has.
     */
    private Long retirementOf(LedgerInvariants.Block block) {
        return jdbc.sql("""
                SELECT r.id FROM registry_movement m JOIN registry_retirement r ON r.entry_id = m.entry_id
                 WHERE m.batch_id = ? AND m.first_serial = ? AND m.last_serial = ? AND m.to_account_id = ?
                 ORDER BY m.entry_id DESC LIMIT 1
                """)
                .params(block.batchId(), block.firstSerial(), block.lastSerial(), block.accountId())
                .query(Long.class)
                .optional()
                .orElse(null);
    }

    private List<RetirementView> retirements(String where, Map<String, Object> params) {
        record Row(
                long id,
                long entryId,
                java.time.Instant at,
                String beneficiary,
                RetirementPurpose purpose,
                String emissions,
                Integer year,
                String note,
                long units,
                java.math.BigDecimal offsetTonnes,
                OffsetCoverage coverage,
                String sector,
                String reason) {}
        List<Row> rows = jdbc.sql("""
                SELECT r.id, r.entry_id, r.retired_at, r.beneficiary, r.purpose, r.emissions_offset,
                       r.reporting_year, r.note, r.credit_units, r.offset_tonnes, r.offset_coverage,
                       r.beneficiary_sector, r.selection_reason FROM registry_retirement r
                """ + where)
                .params(params)
                .query((row, n) -> new Row(
                        row.getLong("id"),
                        row.getLong("entry_id"),
                        SqlTime.instant(row, "retired_at"),
                        row.getString("beneficiary"),
                        RetirementPurpose.valueOf(row.getString("purpose")),
                        row.getString("emissions_offset"),
                        row.getObject("reporting_year", Integer.class),
                        row.getString("note"),
                        row.getLong("credit_units"),
                        row.getBigDecimal("offset_tonnes"),
                        row.getString("offset_coverage") == null
                                ? null
                                : OffsetCoverage.valueOf(row.getString("offset_coverage")),
                        row.getString("beneficiary_sector"),
                        row.getString("selection_reason")))
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<JournalEntry.Movement>> moves = new HashMap<>();
        jdbc.sql("""
                SELECT entry_id, batch_id, first_serial, last_serial, from_account_id, to_account_id
                  FROM registry_movement WHERE entry_id IN (:entries) ORDER BY id
                """)
                .param("entries", rows.stream().map(Row::entryId).toList())
                .query((row, n) -> moves.computeIfAbsent(row.getLong("entry_id"), id -> new ArrayList<>())
                        .add(new JournalEntry.Movement(
                                row.getLong("batch_id"),
                                row.getLong("first_serial"),
                                row.getLong("last_serial"),
                                null,
                                row.getLong("to_account_id"))))
                .list();
        List<Long> batchIds = moves.values().stream()
                .flatMap(List::stream)
                .map(JournalEntry.Movement::batchId)
                .distinct()
                .toList();
        Map<Long, BatchView> batches = batchViews(batchIds);
        Map<Long, BatchStore.BatchRow> batchRows = batchRows(batchIds);
        Map<Long, RegistryViews.CreditOrigin> batchOrigins = origins.of(batches.values());
        return rows.stream()
                .map(row -> {
                    List<JournalEntry.Movement> movements = moves.getOrDefault(row.entryId(), List.of());
                    List<String> ranges = movements.stream()
                            .map(movement -> Journal.serialRange(
                                            batchRows.get(movement.batchId()),
                                            movement.firstSerial(),
                                            movement.lastSerial())
                                    .format())
                            .toList();
                    List<BatchView> from = movements.stream()
                            .map(JournalEntry.Movement::batchId)
                            .distinct()
                            .map(batches::get)
                            .toList();
                    return new RetirementView(
                            row.id(),
                            row.at(),
                            row.beneficiary(),
                            row.purpose(),
                            row.emissions(),
                            row.year(),
                            row.note(),
                            row.units(),
                            ranges,
                            from,
                            plain(row.offsetTonnes()),
                            row.coverage(),
                            row.sector(),
                            row.reason(),
                            RetirementView.NOT_APPLIED,
                            from.stream()
                                    .map(batch -> batchOrigins.get(batch.id()))
                                    .toList());
                })
                .toList();
    }

    /** Tonnes without the trailing zeros of the column's three decimals (12.500 is 12.5, 100.000 is 100). */
    private static java.math.BigDecimal plain(java.math.BigDecimal tonnes) {
        if (tonnes == null) {
            return null;
        }
        java.math.BigDecimal stripped = tonnes.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private Map<Long, BatchStore.BatchRow> batchRows(List<Long> ids) {
        return batchStore.batches(ids.stream().distinct().toList()).stream()
                .collect(Collectors.toMap(BatchStore.BatchRow::id, Function.identity()));
    }

    private Map<Long, BatchView> batchViews(List<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        // Only the finished blocks are summed (few, through registry_block_batch_status_ix); the active units are
        // what remains of the issued ones, by the invariant issued = active + retired + cancelled that
        // LedgerInvariants checks.
        Map<Long, long[]> finished = new HashMap<>();
        jdbc.sql("""
                SELECT batch_id, status, SUM(last_serial - first_serial + 1) FROM registry_block
                 WHERE batch_id IN (:ids) AND status IN ('RETIRED', 'CANCELLED') GROUP BY batch_id, status
                """)
                .param("ids", ids)
                .query((row, n) -> finished.computeIfAbsent(row.getLong(1), id -> new long[3])[
                                BlockStatus.valueOf(row.getString(2)).ordinal()] =
                        row.getLong(3))
                .list();
        Map<Long, BatchView> views = new HashMap<>();
        for (BatchStore.BatchRow batch : batchStore.batches(ids)) {
            long[] sums = finished.getOrDefault(batch.id(), new long[3]);
            long retired = sums[BlockStatus.RETIRED.ordinal()];
            long cancelled = sums[BlockStatus.CANCELLED.ordinal()];
            views.put(
                    batch.id(),
                    new BatchView(
                            batch.id(),
                            Journal.serialRange(batch, 1, 1).batchText(),
                            batch.projectId(),
                            batch.projectCode(),
                            batch.projectName(),
                            batch.vintage(),
                            batch.batchNumber(),
                            batch.methodologyVersion(),
                            batch.creditType(),
                            batch.certifier(),
                            batch.issuedUnits(),
                            batch.issuedUnits() - retired - cancelled,
                            retired,
                            cancelled,
                            batch.issuedAt()));
        }
        return views;
    }

    private AccountView mapAccount(ResultSet row, int rowNumber) throws SQLException {
        return new AccountView(
                row.getLong("id"),
                AccountKind.valueOf(row.getString("kind")),
                AccountStatus.valueOf(row.getString("status")),
                row.getString("holder_name"),
                SqlValues.nullableLong(row, "owner_user_id"),
                SqlValues.nullableLong(row, "owner_organisation_id"),
                row.getObject("vintage", Integer.class),
                row.getLong("balance"),
                SqlTime.instant(row, "requested_at"),
                SqlTime.instant(row, "decided_at"));
    }
}
