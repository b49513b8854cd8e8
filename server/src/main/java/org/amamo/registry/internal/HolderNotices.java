package org.amamo.registry.internal;

import static org.amamo.platform.SqlTime.utc;
import static org.amamo.platform.SqlValues.nullableLong;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.amamo.identity.NotificationKind;
import org.amamo.identity.NotificationMail;
import org.amamo.identity.UserDirectory;
import org.amamo.platform.SqlTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells the users of a holding account what the ledger did to it: credits issued to it (an initial holder), credits
 * transferred to it or delivered to it by the market, and retirements recorded from it. The users told are those
 * who act for the account: its owner, or every enabled user of the organisation that owns it (as {@link Actor#owns}
 * lets each of them move its credits).
 *
 * <p>Read from the journal after commit, never inside the ledger's transactions: group commit ({@link GroupCommit})
 * and issuance do no work for it. Each pass reads the journal entries past a stored cursor (table
 * {@code registry_notice_cursor}, locked for the pass, so several instances take turns) and queues the mails through
 * the outbox in the same transaction that moves the cursor: a crash before the commit leaves the cursor where it was
 * and the pass is done again, a crash after it has queued every mail once. Entry ids come from a sequence and two
 * writers commit in either order, so an id below the newest may become visible later (or never, if its transaction
 * rolled back, or if group commit left its request to a later group): such ids are kept as gaps ({@code
 * registry_notice_gap}) and looked at again on every run of the job until their entry appears or {@link #GAP_GRACE}
 * has passed (no registry transaction stays open that long).
 *
 * <p>The job shares the machine with the requests it reports on, so it works in batches: a pass reads the movements
 * of all its entries, the users of the organisations concerned and the ids of all the gaps in one statement each (per
 * {@link #PASS}), and queues its mails with one look-up of their recipients and one batch of inserts ({@link
 * NotificationMail#sendAll}).
 */
@Component
class HolderNotices {

    static final String CURSOR = "holder-mail";
    /**
     * Entries read per pass; a pass that reads this many is followed at once by another. Each pass reads the
     * movements of all its entries, and the users of all the accounts concerned, in one statement each, and queues its
     * mails in one batch, so a larger pass costs the request path fewer statements per entry.
     */
    static final int PASS = 1000;
    /** The longest gap whose ids are looked up in a list; a longer one is looked up by its range. */
    static final int GAP_LIST = 100;

    /** How long an id skipped by the cursor is watched for its entry to appear. */
    static final Duration GAP_GRACE = Duration.ofMinutes(10);

    private static final RowMapper<Entry> ENTRY = (row, n) -> new Entry(row.getLong("id"), row.getString("operation"));

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final UserDirectory users;
    private final NotificationMail mail;
    private final TransactionTemplate transactions;
    private final Clock clock;

    HolderNotices(
            JdbcClient jdbc,
            JdbcTemplate batch,
            UserDirectory users,
            NotificationMail mail,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.users = users;
        this.mail = mail;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /**
     * Passes until the journal's end is reached; the number of entries that were mailed about. The gaps are looked at
     * again in the first pass. One caller at a time in this instance (the job, or a test calling it meanwhile), so none
     * waits on the cursor's row lock for long; other instances wait on that lock.
     */
    synchronized int catchUp() {
        int mailed = 0;
        boolean first = true;
        while (true) {
            boolean revisit = first;
            Pass pass = transactions.execute(status -> pass(revisit));
            mailed += pass.noticed();
            first = false;
            if (pass.read() < PASS) {
                return mailed;
            }
        }
    }

    private record Pass(int read, int noticed) {}

    /**
     * One pass: the entries that appeared in the gaps (if {@code revisit}), then up to {@link #PASS} entries past the
     * cursor, mailed about together in that order; the gaps narrowed, new gaps kept and the cursor moved in the same
     * transaction.
     */
    private Pass pass(boolean revisit) {
        long cursor = jdbc.sql("SELECT entry_id FROM registry_notice_cursor WHERE name = ? FOR UPDATE")
                .param(CURSOR)
                .query(Long.class)
                .single();
        Instant now = clock.instant();
        List<Entry> read = new ArrayList<>();
        List<Gap> gaps = revisit ? revisitGaps(now, read) : new ArrayList<>();
        List<Entry> entries = jdbc.sql(
                        "SELECT id, operation FROM registry_journal_entry WHERE id > ? ORDER BY id LIMIT " + PASS)
                .param(cursor)
                .query(ENTRY)
                .list();
        long last = cursor;
        for (Entry entry : entries) {
            if (entry.id() > last + 1) {
                gaps.add(new Gap(last + 1, entry.id() - 1, now));
            }
            last = entry.id();
        }
        insertGaps(gaps);
        read.addAll(entries);
        int noticed = notice(read);
        if (last != cursor) {
            jdbc.sql("UPDATE registry_notice_cursor SET entry_id = ? WHERE name = ?")
                    .params(last, CURSOR)
                    .update();
        }
        return new Pass(entries.size(), noticed);
    }

    private record Gap(long first, long last, Instant seenAt) {

        long length() {
            return last - first + 1;
        }
    }

    private record Entry(long id, String operation) {}

    /**
     * Looks at every gap again: adds the entries that appeared in them to {@code appeared} (in id order), forgets the
     * gaps in which any appeared and those older than {@link #GAP_GRACE}, and answers the narrower gaps to keep for
     * the ids still missing (the caller writes them). Most gaps never fill (an id drawn for a request group commit
     * left to a later group, or by a transaction that rolled back), so there may be thousands: they are read in one
     * statement and their ids looked up {@link #PASS} at a time, not a statement per gap.
     */
    private List<Gap> revisitGaps(Instant now, List<Entry> appeared) {
        List<Gap> gaps = jdbc.sql(
                        "SELECT first_entry_id, last_entry_id, seen_at FROM registry_notice_gap ORDER BY first_entry_id")
                .query((row, n) -> new Gap(
                        row.getLong("first_entry_id"), row.getLong("last_entry_id"), SqlTime.instant(row, "seen_at")))
                .list();
        List<Entry> found = inGaps(gaps);
        List<Gap> kept = new ArrayList<>();
        List<Object[]> filled = new ArrayList<>();
        int next = 0;
        for (Gap gap : gaps) {
            List<Entry> inGap = new ArrayList<>();
            while (next < found.size() && found.get(next).id() <= gap.last()) {
                inGap.add(found.get(next++));
            }
            if (inGap.isEmpty()) {
                continue;
            }
            filled.add(new Object[] {gap.first()});
            appeared.addAll(inGap);
            if (!expired(gap, now)) {
                kept.addAll(missing(gap, inGap));
            }
        }
        if (!filled.isEmpty()) {
            batch.batchUpdate("DELETE FROM registry_notice_gap WHERE first_entry_id = ?", filled);
        }
        jdbc.sql("DELETE FROM registry_notice_gap WHERE seen_at < ?")
                .param(utc(now.minus(GAP_GRACE)))
                .update();
        return kept;
    }

    private static boolean expired(Gap gap, Instant now) {
        return gap.seenAt().isBefore(now.minus(GAP_GRACE));
    }

    /**
     * The entries visible now in any of the gaps, in id order: the ids of the gaps up to {@link #GAP_LIST} long
     * looked up {@link #PASS} at a time, a longer gap (rare: a sequence that jumped) by its range.
     */
    private List<Entry> inGaps(List<Gap> gaps) {
        List<Long> ids = new ArrayList<>();
        List<Entry> found = new ArrayList<>();
        for (Gap gap : gaps) {
            if (gap.length() > GAP_LIST) {
                found.addAll(jdbc.sql("SELECT id, operation FROM registry_journal_entry WHERE id BETWEEN ? AND ?")
                        .params(gap.first(), gap.last())
                        .query(ENTRY)
                        .list());
                continue;
            }
            for (long id = gap.first(); id <= gap.last(); id++) {
                ids.add(id);
            }
        }
        for (int from = 0; from < ids.size(); from += PASS) {
            found.addAll(jdbc.sql("SELECT id, operation FROM registry_journal_entry WHERE id IN (:ids)")
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + PASS)))
                    .query(ENTRY)
                    .list());
        }
        found.sort(Comparator.comparingLong(Entry::id));
        return found;
    }

    /** The parts of a gap still missing once {@code appeared} (its entries now visible, in id order) are taken out. */
    private static List<Gap> missing(Gap gap, List<Entry> appeared) {
        List<Gap> missing = new ArrayList<>();
        long next = gap.first();
        for (Entry entry : appeared) {
            if (entry.id() > next) {
                missing.add(new Gap(next, entry.id() - 1, gap.seenAt()));
            }
            next = entry.id() + 1;
        }
        if (next <= gap.last()) {
            missing.add(new Gap(next, gap.last(), gap.seenAt()));
        }
        return missing;
    }

    private void insertGaps(List<Gap> gaps) {
        if (gaps.isEmpty()) {
            return;
        }
        batch.batchUpdate(
                "INSERT INTO registry_notice_gap (first_entry_id, last_entry_id, seen_at) VALUES (?, ?, ?)",
                gaps.stream()
                        .map(gap -> new Object[] {gap.first(), gap.last(), utc(gap.seenAt())})
                        .toList());
    }

    /**
     * Queues the mails the entries call for, in their order, with one read of their movements, one of the
     * organisations' users and one batch of mails; the number of entries that called for any.
     */
    private int notice(List<Entry> entries) {
        Map<Long, Operation> mailed = new LinkedHashMap<>();
        for (Entry entry : entries) {
            operation(entry)
                    .filter(operation -> switch (operation) {
                        case ISSUE, TRANSFER, DELIVER, RETIRE -> true;
                        default -> false;
                    })
                    .ifPresent(operation -> mailed.put(entry.id(), operation));
        }
        if (mailed.isEmpty()) {
            return 0;
        }
        Map<Long, List<Moved>> movements = movements(mailed.keySet());
        Map<Long, Long> records = retirementRecords(mailed.entrySet().stream()
                .filter(entry -> entry.getValue() == Operation.RETIRE)
                .map(Map.Entry::getKey)
                .toList());
        Map<Long, List<Long>> organisations = users.usersOf(movements.values().stream()
                .flatMap(List::stream)
                .flatMap(moved -> Stream.of(moved.from(), moved.to()))
                .filter(holder -> holder != null && holder.userId() == null && holder.organisationId() != null)
                .map(Holder::organisationId)
                .collect(Collectors.toSet()));
        List<NotificationMail.Notification> notifications = new ArrayList<>();
        int noticed = 0;
        for (Map.Entry<Long, Operation> entry : mailed.entrySet()) {
            List<Moved> moves = movements.getOrDefault(entry.getKey(), List.of());
            List<NotificationMail.Notification> told = switch (entry.getValue()) {
                case ISSUE -> received(moves, NotificationKind.CREDITS_ISSUED, "registry.mail.issued", organisations);
                case TRANSFER ->
                    received(moves, NotificationKind.TRANSFER_RECEIVED, "registry.mail.received", organisations);
                case DELIVER ->
                    received(moves, NotificationKind.TRANSFER_RECEIVED, "registry.mail.delivered", organisations);
                case RETIRE -> retired(moves, records.get(entry.getKey()), organisations);
                default -> List.of();
            };
            notifications.addAll(told);
            noticed += told.isEmpty() ? 0 : 1;
        }
        mail.sendAll(notifications);
        return noticed;
    }

    private static Optional<Operation> operation(Entry entry) {
        try {
            return Optional.of(Operation.valueOf(entry.operation()));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    /** What one movement of an entry moved, with the accounts at either end. */
    private record Moved(long units, String projectName, int vintage, Holder from, Holder to) {}

    /** A party to a movement: an account, its kind, owner and name; null for the issuance's own origin. */
    private record Holder(long accountId, String kind, Long userId, Long organisationId, String name) {

        boolean holding() {
            return AccountKind.HOLDING.name().equals(kind);
        }
    }

    /** The movements of these entries, by entry id, each in movement order; one statement per {@link #PASS} entries. */
    private Map<Long, List<Moved>> movements(Collection<Long> entryIds) {
        Map<Long, List<Moved>> movements = new HashMap<>();
        List<Long> ids = List.copyOf(entryIds);
        for (int from = 0; from < ids.size(); from += PASS) {
            jdbc.sql("""
                    SELECT m.entry_id, m.first_serial, m.last_serial, b.project_name, b.vintage,
                           f.id AS f_id, f.kind AS f_kind, f.owner_user_id AS f_user,
                           f.owner_organisation_id AS f_org, f.holder_name AS f_name,
                           t.id AS t_id, t.kind AS t_kind, t.owner_user_id AS t_user,
                           t.owner_organisation_id AS t_org, t.holder_name AS t_name
                      FROM registry_movement m
                      JOIN registry_batch b ON b.id = m.batch_id
                      JOIN registry_account t ON t.id = m.to_account_id
                      LEFT JOIN registry_account f ON f.id = m.from_account_id
                     WHERE m.entry_id IN (:ids) ORDER BY m.entry_id, m.id""")
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + PASS)))
                    .query(row -> {
                        movements
                                .computeIfAbsent(row.getLong("entry_id"), id -> new ArrayList<>())
                                .add(moved(row));
                    });
        }
        return movements;
    }

    /** The public retirement record of each of these (retirement) entries that has one, by entry id. */
    private Map<Long, Long> retirementRecords(List<Long> entryIds) {
        Map<Long, Long> records = new HashMap<>();
        for (int from = 0; from < entryIds.size(); from += PASS) {
            jdbc.sql("SELECT entry_id, id FROM registry_retirement WHERE entry_id IN (:ids)")
                    .param("ids", entryIds.subList(from, Math.min(entryIds.size(), from + PASS)))
                    .query(row -> {
                        records.put(row.getLong("entry_id"), row.getLong("id"));
                    });
        }
        return records;
    }

    private static Moved moved(ResultSet row) throws SQLException {
        return new Moved(
                row.getLong("last_serial") - row.getLong("first_serial") + 1,
                row.getString("project_name"),
                row.getInt("vintage"),
                holder(row, "f_"),
                holder(row, "t_"));
    }

    private static Holder holder(ResultSet row, String prefix) throws SQLException {
        Long id = nullableLong(row, prefix + "id");
        return id == null
                ? null
                : new Holder(
                        id,
                        row.getString(prefix + "kind"),
                        nullableLong(row, prefix + "user"),
                        nullableLong(row, prefix + "org"),
                        row.getString(prefix + "name"));
    }

    /**
     * Credits that came into holding accounts (issued, transferred, delivered): one mail per receiving account, with
     * the units it received. An issuance names the project and vintage; a transfer the sending holder.
     */
    private static List<NotificationMail.Notification> received(
            List<Moved> movements, NotificationKind kind, String messageKey, Map<Long, List<Long>> organisations) {
        Map<Long, List<Moved>> byAccount = new LinkedHashMap<>();
        for (Moved moved : movements) {
            if (moved.from() != null && moved.to().holding()) {
                byAccount
                        .computeIfAbsent(moved.to().accountId(), id -> new ArrayList<>())
                        .add(moved);
            }
        }
        List<NotificationMail.Notification> notifications = new ArrayList<>();
        byAccount.forEach((accountId, moves) -> {
            Moved first = moves.get(0);
            String tonnes = tonnes(moves);
            String link = "/account/registry/accounts/" + accountId;
            List<Long> recipients = actingFor(first.to(), organisations);
            notifications.add(
                    switch (kind) {
                        case CREDITS_ISSUED ->
                            new NotificationMail.Notification(
                                    recipients,
                                    kind,
                                    messageKey,
                                    link,
                                    first.to().name(),
                                    first.projectName(),
                                    String.valueOf(first.vintage()),
                                    tonnes);
                        default ->
                            new NotificationMail.Notification(
                                    recipients,
                                    kind,
                                    messageKey,
                                    link,
                                    first.to().name(),
                                    first.from().name(),
                                    tonnes);
                    });
        });
        return notifications;
    }

    /**
     * A retirement from a holding account (not the market's, from a round's escrow), linking to its public record
     * ({@code record}, null if it has none).
     */
    private static List<NotificationMail.Notification> retired(
            List<Moved> moves, Long record, Map<Long, List<Long>> organisations) {
        if (moves.isEmpty()
                || moves.get(0).from() == null
                || !moves.get(0).from().holding()) {
            return List.of();
        }
        Holder from = moves.get(0).from();
        String link =
                record == null ? "/account/registry/accounts/" + from.accountId() : "/registry/retirements/" + record;
        return List.of(new NotificationMail.Notification(
                actingFor(from, organisations),
                NotificationKind.RETIREMENT_RECORDED,
                "registry.mail.retired",
                link,
                from.name(),
                tonnes(moves)));
    }

    /** The users who act for a holding account: its owner, or the enabled users of its organisation. */
    private static List<Long> actingFor(Holder holder, Map<Long, List<Long>> organisations) {
        if (holder.userId() != null) {
            return List.of(holder.userId());
        }
        return holder.organisationId() == null
                ? List.of()
                : organisations.getOrDefault(holder.organisationId(), List.of());
    }

    /** The tonnes moved, as mails show them in either language: 1,234.5. */
    private static String tonnes(List<Moved> moves) {
        BigDecimal tonnes =
                BigDecimal.valueOf(moves.stream().mapToLong(Moved::units).sum(), 1);
        return new java.text.DecimalFormat("#,##0.0", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT))
                .format(tonnes);
    }
}
