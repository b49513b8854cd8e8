package org.amamo.registry.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.amamo.platform.Outcome;
import org.amamo.platform.Refusal;
import org.amamo.platform.RefusalKind;
import org.amamo.platform.SchemeTime;
import org.amamo.programme.Programme;
import org.amamo.programme.Programmes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reversals (反転): the secretariat records a loss of stored carbon of a project (date, area, t-CO2 lost, cause,
 * evidence), and the registry cancels that many units from the programme's buffer account, in this order: the
 * project's own buffer units (its batches oldest first, lowest serials first), then other projects' buffer units
 * (oldest batch first, lowest serials first). When the buffer holds fewer units than were lost, it cancels what there
 * is and records the rest as the project's shortfall, owed by the project and shown publicly. A loss may not exceed
 * the units issued to the project less the units it has already lost in earlier reversals.
 *
 * <p>One transaction under the buffer account's row lock, with a journal entry ({@link Operation#REVERSE}) whose
 * payload holds the record ({@link ReversalStore.ReversalRow#payload}). It does not touch the transfer and
 * retirement path.
 */
@Service
public class BufferDesk {

    static final int MAX_CAUSE_LENGTH = 500;
    static final int MAX_EVIDENCE_LENGTH = 2_000;
    static final int MAX_URL_LENGTH = 500;
    static final BigDecimal MAX_AREA_HECTARES = new BigDecimal("1000000");

    private final Registry registry;
    private final Issuer issuer;
    private final AccountStore accountStore;
    private final JournalStore journalStore;
    private final BlockMover mover;
    private final Journal journal;
    private final ReversalStore reversals;
    private final Programmes programmes;
    private final JdbcClient jdbc;
    private final Clock clock;

    BufferDesk(
            Registry registry,
            Issuer issuer,
            AccountStore accountStore,
            JournalStore journalStore,
            BlockMover mover,
            Journal journal,
            ReversalStore reversals,
            Programmes programmes,
            JdbcClient jdbc,
            Clock clock) {
        this.registry = registry;
        this.issuer = issuer;
        this.accountStore = accountStore;
        this.journalStore = journalStore;
        this.mover = mover;
        this.journal = journal;
        this.reversals = reversals;
        this.programmes = programmes;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * A reversal as typed: programme code, project code (four digits), the date of the loss ({@code yyyy-MM-dd}),
     * the area lost in hectares (at most 2 decimals), the t-CO2 lost (at most 1 decimal), the cause, the evidence and
     * optionally a link to an attachment.
     */
    public record Reversal(
            String programmeCode,
            String projectCode,
            String occurredOn,
            String areaHectares,
            String tonnesLost,
            String cause,
            String evidence,
            String evidenceUrl) {}

    /** Records a reversal once per key; only the secretariat may. */
    public Outcome<Receipt> reverse(Actor actor, Reversal reversal, String key) {
        if (!actor.secretariat()) {
            return Outcome.refused(RefusalKind.FORBIDDEN, Refusal.of("$", "registry.secretariat-only"));
        }
        List<Refusal> invalid = new ArrayList<>();
        Checked checked = check(reversal, invalid);
        if (!invalid.isEmpty()) {
            return Outcome.refused(RefusalKind.INVALID, invalid);
        }
        String fingerprint = Registry.fingerprint(
                Operation.REVERSE,
                actor,
                checked.programme().code(),
                checked.projectCode(),
                checked.occurredOn(),
                checked.area().toPlainString(),
                checked.lostUnits(),
                checked.cause(),
                checked.evidence(),
                checked.evidenceUrl());
        return registry.run(
                key, fingerprint, () -> apply(actor, checked, key, fingerprint), entry -> journal.receipt(entry, true));
    }

    /** A reversal whose fields are valid. */
    private record Checked(
            Programme programme,
            String projectCode,
            LocalDate occurredOn,
            BigDecimal area,
            long lostUnits,
            String cause,
            String evidence,
            String evidenceUrl) {}

    /** Every field's problem at once (nothing weighed against the ledger). */
    private Checked check(Reversal reversal, List<Refusal> refusals) {
        Optional<Programme> programme = programmes.find(strip(reversal.programmeCode()));
        if (programme.isEmpty()) {
            refusals.add(Refusal.of("programmeCode", "registry.reversal.programme-unknown"));
        }
        String projectCode = strip(reversal.projectCode());
        if (projectCode == null
                || !org.amamo.registry.SerialRange.PROJECT_CODE
                        .matcher(projectCode)
                        .matches()) {
            refusals.add(Refusal.of("projectCode", "registry.reversal.project-code"));
        }
        LocalDate occurredOn = null;
        try {
            occurredOn = strip(reversal.occurredOn()) == null ? null : LocalDate.parse(strip(reversal.occurredOn()));
        } catch (DateTimeParseException e) {
            occurredOn = null;
        }
        if (occurredOn == null) {
            refusals.add(Refusal.of("occurredOn", "registry.reversal.date"));
        } else if (occurredOn.isAfter(LocalDate.now(clock.withZone(SchemeTime.ZONE)))) {
            refusals.add(Refusal.of("occurredOn", "registry.reversal.date-future"));
            occurredOn = null;
        } else if (occurredOn.getYear() < Registry.MIN_YEAR) {
            refusals.add(Refusal.of("occurredOn", "registry.reversal.date"));
        }
        BigDecimal area = decimal(reversal.areaHectares(), 2);
        if (area == null || area.signum() <= 0 || area.compareTo(MAX_AREA_HECTARES) > 0) {
            refusals.add(
                    Refusal.of("areaHectares", "registry.reversal.area-invalid", MAX_AREA_HECTARES.toPlainString()));
        }
        BigDecimal tonnes = decimal(reversal.tonnesLost(), 1);
        if (tonnes == null
                || tonnes.signum() <= 0
                || tonnes.movePointRight(1).compareTo(BigDecimal.valueOf(Registry.MAX_OPERATION_UNITS)) > 0) {
            refusals.add(Refusal.of("tonnesLost", "registry.reversal.tonnes-invalid"));
        }
        Registry.text(reversal.cause(), "cause", MAX_CAUSE_LENGTH, true).ifPresent(refusals::add);
        Registry.text(reversal.evidence(), "evidence", MAX_EVIDENCE_LENGTH, true)
                .ifPresent(refusals::add);
        String url = strip(reversal.evidenceUrl());
        if (url != null && (url.length() > MAX_URL_LENGTH || !url.matches("https?://[^\\s]+"))) {
            refusals.add(Refusal.of("evidenceUrl", "registry.reversal.url", MAX_URL_LENGTH));
        }
        if (!refusals.isEmpty()) {
            return null;
        }
        return new Checked(
                programme.get(),
                projectCode,
                occurredOn,
                area,
                tonnes.movePointRight(1).longValueExact(),
                reversal.cause().strip(),
                reversal.evidence().strip(),
                url);
    }

    private Outcome<Receipt> apply(Actor actor, Checked reversal, String key, String fingerprint) {
        Programme programme = reversal.programme();
        Optional<ProjectIssued> project = projectIssued(programme.serialPrefix(), reversal.projectCode());
        if (project.isEmpty()) {
            return Outcome.refused(
                    RefusalKind.NOT_FOUND, Refusal.of("projectCode", "registry.reversal.project-unknown"));
        }
        long allowed = project.get().issuedUnits() - reversals.lostUnits(programme.code(), reversal.projectCode());
        if (reversal.lostUnits() > allowed) {
            return Outcome.refused(
                    RefusalKind.CONFLICT,
                    Refusal.of(
                            "tonnesLost",
                            "registry.reversal.too-much",
                            BigDecimal.valueOf(Math.max(0, allowed), 1).toPlainString()));
        }
        long bufferId = issuer.bufferAccount(programme);
        List<AccountRow> locked = accountStore.lockAccounts(List.of(bufferId));
        List<BlockMover.Piece> pieces = new ArrayList<>();
        long own = 0;
        long pool = 0;
        long needed = reversal.lostUnits();
        for (OrderedBlock ordered : bufferBlocks(bufferId, reversal.projectCode())) {
            if (needed == 0) {
                break;
            }
            LedgerInvariants.Block block = ordered.block();
            long take = Math.min(needed, block.units());
            pieces.add(new BlockMover.Piece(block, block.firstSerial(), block.firstSerial() + take - 1));
            if (ordered.own()) {
                own += take;
            } else {
                pool += take;
            }
            needed -= take;
        }
        long cancellation = accountStore
                .accountByOwnerKey(AccountStore.CANCELLATION_KEY)
                .orElseThrow()
                .id();
        List<JournalEntry.Movement> movements =
                pieces.isEmpty() ? List.of() : mover.move(pieces, cancellation, BlockStatus.CANCELLED);
        long entryId = journalStore.nextEntryId();
        ReversalStore.ReversalRow row = new ReversalStore.ReversalRow(
                0,
                entryId,
                programme.code(),
                reversal.projectCode(),
                project.get().projectName(),
                reversal.occurredOn(),
                reversal.area(),
                reversal.lostUnits(),
                own,
                pool,
                needed,
                reversal.cause(),
                reversal.evidence(),
                reversal.evidenceUrl(),
                null);
        JournalEntry entry = journal.append(
                entryId, Operation.REVERSE, actor, key, fingerprint, own + pool, row.payload(), locked, movements);
        reversals.insert(new ReversalStore.ReversalRow(
                0,
                entryId,
                row.programmeCode(),
                row.projectCode(),
                row.projectName(),
                row.occurredOn(),
                row.areaHectares(),
                row.lostUnits(),
                own,
                pool,
                needed,
                row.cause(),
                row.evidence(),
                row.evidenceUrl(),
                entry.recordedAt()));
        return Outcome.done(journal.receipt(entry, false));
    }

    /** What a project was issued under a serial prefix, and its latest name. */
    private record ProjectIssued(long issuedUnits, String projectName) {}

    private Optional<ProjectIssued> projectIssued(String prefix, String projectCode) {
        return jdbc.sql("""
                SELECT SUM(issued_units) AS units, MAX(project_name) AS name, COUNT(*) AS batches FROM registry_batch
                 WHERE programme_prefix = ? AND project_code = ?
                """)
                .params(prefix, projectCode)
                .query((row, n) -> new ProjectIssued(
                        row.getLong("batches") == 0 ? -1 : row.getLong("units"), row.getString("name")))
                .optional()
                .filter(issued -> issued.issuedUnits() >= 0);
    }

    /** A block of the buffer account and whether it belongs to the reversed project. */
    private record OrderedBlock(LedgerInvariants.Block block, boolean own) {}

    /** The buffer's active blocks in the order a reversal takes them (at most the per-operation block limit). */
    private List<OrderedBlock> bufferBlocks(long bufferId, String projectCode) {
        return jdbc.sql("""
                SELECT k.id, k.batch_id, k.first_serial, k.last_serial, k.account_id, k.status,
                       CASE WHEN b.project_code = ? THEN 0 ELSE 1 END AS pool
                  FROM registry_block k JOIN registry_batch b ON b.id = k.batch_id
                 WHERE k.account_id = ? AND k.status = 'ACTIVE'
                 ORDER BY pool, k.batch_id, k.first_serial
                 LIMIT ?
                """)
                .params(projectCode, bufferId, Registry.MAX_BLOCKS_PER_OPERATION)
                .query((row, n) -> new OrderedBlock(BlockStore.mapBlock(row, n), row.getInt("pool") == 0))
                .list();
    }

    private static String strip(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** A plain decimal with at most {@code scale} decimals, else null. */
    private static BigDecimal decimal(String text, int scale) {
        String plain = strip(text);
        if (plain == null || !plain.matches("[0-9]{1,12}(\\.[0-9]{1," + scale + "})?")) {
            return null;
        }
        return new BigDecimal(plain);
    }
}
