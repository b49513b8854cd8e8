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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.amamo.identity.NotificationKind;
import org.amamo.identity.NotificationMail;
import org.amamo.identity.UserDirectory;
import org.amamo.platform.SqlTime;
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
 * rolled back): such ids are kept as gaps ({@code registry_notice_gap}) and looked at again on every pass until their
 * entry appears or {@link #GAP_GRACE} has passed (no registry transaction stays open that long).
 */
@Component
class HolderNotices {

    static final String CURSOR = "holder-mail";
    /** Entries read per pass; a pass that reads this many is followed at once by another. */
    static final int PASS = 500;
    /** How long an id skipped by the cursor is watched for its entry to appear. */
    static final Duration GAP_GRACE = Duration.ofMinutes(10);

    private final JdbcClient jdbc;
    private final UserDirectory users;
    private final NotificationMail mail;
    private final TransactionTemplate transactions;
    private final Clock clock;

    HolderNotices(
            JdbcClient jdbc,
            UserDirectory users,
            NotificationMail mail,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.mail = mail;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /**
     * Passes until the journal's end is reached; the number of entries that were mailed about. One caller at a time in
     * this instance (the job, or a test calling it meanwhile), so none waits on the cursor's row lock for long; other
     * instances wait on that lock.
     */
    synchronized int catchUp() {
        int mailed = 0;
        while (true) {
            Pass pass = transactions.execute(status -> pass());
            mailed += pass.noticed();
            if (pass.read() < PASS) {
                return mailed;
            }
        }
    }

    private record Pass(int read, int noticed) {}

    private Pass pass() {
        long cursor = jdbc.sql("SELECT entry_id FROM registry_notice_cursor WHERE name = ? FOR UPDATE")
                .param(CURSOR)
                .query(Long.class)
                .single();
        Instant now = clock.instant();
        int noticed = 0;
        for (Gap gap : jdbc.sql(
                        "SELECT first_entry_id, last_entry_id, seen_at FROM registry_notice_gap ORDER BY first_entry_id")
                .query((row, n) -> new Gap(
                        row.getLong("first_entry_id"), row.getLong("last_entry_id"), SqlTime.instant(row, "seen_at")))
                .list()) {
            noticed += revisit(gap, now);
        }
        List<Entry> entries = jdbc.sql(
                        "SELECT id, operation FROM registry_journal_entry WHERE id > ? ORDER BY id LIMIT " + PASS)
                .param(cursor)
                .query((row, n) -> new Entry(row.getLong("id"), row.getString("operation")))
                .list();
        long last = cursor;
        for (Entry entry : entries) {
            if (entry.id() > last + 1) {
                insertGap(last + 1, entry.id() - 1, now);
            }
            noticed += notice(entry) ? 1 : 0;
            last = entry.id();
        }
        if (last != cursor) {
            jdbc.sql("UPDATE registry_notice_cursor SET entry_id = ? WHERE name = ?")
                    .params(last, CURSOR)
                    .update();
        }
        return new Pass(entries.size(), noticed);
    }

    private record Gap(long first, long last, Instant seenAt) {}

    private record Entry(long id, String operation) {}

    /** Mails the entries that appeared in a gap and narrows it to the ids still missing; forgets it once too old. */
    private int revisit(Gap gap, Instant now) {
        List<Entry> appeared = jdbc.sql(
                        "SELECT id, operation FROM registry_journal_entry WHERE id BETWEEN ? AND ? ORDER BY id")
                .params(gap.first(), gap.last())
                .query((row, n) -> new Entry(row.getLong("id"), row.getString("operation")))
                .list();
        boolean expired = gap.seenAt().plus(GAP_GRACE).isBefore(now);
        if (appeared.isEmpty() && !expired) {
            return 0;
        }
        jdbc.sql("DELETE FROM registry_notice_gap WHERE first_entry_id = ?")
                .param(gap.first())
                .update();
        int noticed = 0;
        long next = gap.first();
        for (Entry entry : appeared) {
            if (entry.id() > next && !expired) {
                insertGap(next, entry.id() - 1, gap.seenAt());
            }
            noticed += notice(entry) ? 1 : 0;
            next = entry.id() + 1;
        }
        if (next <= gap.last() && !expired) {
            insertGap(next, gap.last(), gap.seenAt());
        }
        return noticed;
    }

    private void insertGap(long first, long last, Instant seenAt) {
        jdbc.sql("INSERT INTO registry_notice_gap (first_entry_id, last_entry_id, seen_at) VALUES (?, ?, ?)")
                .params(first, last, utc(seenAt))
                .update();
    }

    /** Queues the mails an entry calls for; whether it called for any. */
    private boolean notice(Entry entry) {
        Operation operation;
        try {
            operation = Operation.valueOf(entry.operation());
        } catch (IllegalArgumentException unknown) {
            return false;
        }
        return switch (operation) {
            case ISSUE -> received(entry, NotificationKind.CREDITS_ISSUED, "registry.mail.issued");
            case TRANSFER -> received(entry, NotificationKind.TRANSFER_RECEIVED, "registry.mail.received");
            case DELIVER -> received(entry, NotificationKind.TRANSFER_RECEIVED, "registry.mail.delivered");
            case RETIRE -> retired(entry);
            default -> false;
        };
    }

    /** What one movement of an entry moved, with the accounts at either end. */
    private record Moved(long units, String projectName, int vintage, Holder from, Holder to) {}

    /** A party to a movement: an account, its kind, owner and name; null for the issuance's own origin. */
    private record Holder(long accountId, String kind, Long userId, Long organisationId, String name) {

        boolean holding() {
            return AccountKind.HOLDING.name().equals(kind);
        }
    }

    private List<Moved> movements(long entryId) {
        return jdbc.sql("""
                SELECT m.first_serial, m.last_serial, b.project_name, b.vintage,
                       f.id AS f_id, f.kind AS f_kind, f.owner_user_id AS f_user, f.owner_organisation_id AS f_org,
                       f.holder_name AS f_name,
                       t.id AS t_id, t.kind AS t_kind, t.owner_user_id AS t_user, t.owner_organisation_id AS t_org,
                       t.holder_name AS t_name
                  FROM registry_movement m
                  JOIN registry_batch b ON b.id = m.batch_id
                  JOIN registry_account t ON t.id = m.to_account_id
                  LEFT JOIN registry_account f ON f.id = m.from_account_id
                 WHERE m.entry_id = ? ORDER BY m.id""").param(entryId).query(this::moved).list();
    }

    private Moved moved(ResultSet row, int n) throws SQLException {
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
    private boolean received(Entry entry, NotificationKind kind, String messageKey) {
        Map<Long, List<Moved>> byAccount = new LinkedHashMap<>();
        for (Moved moved : movements(entry.id())) {
            if (moved.from() != null && moved.to().holding()) {
                byAccount
                        .computeIfAbsent(moved.to().accountId(), id -> new ArrayList<>())
                        .add(moved);
            }
        }
        byAccount.forEach((accountId, moves) -> {
            Moved first = moves.get(0);
            String tonnes = tonnes(moves);
            String link = "/account/registry/accounts/" + accountId;
            List<Long> recipients = actingFor(first.to());
            switch (kind) {
                case CREDITS_ISSUED ->
                    mail.sendFormatted(
                            recipients,
                            kind,
                            messageKey,
                            link,
                            first.to().name(),
                            first.projectName(),
                            String.valueOf(first.vintage()),
                            tonnes);
                default ->
                    mail.sendFormatted(
                            recipients,
                            kind,
                            messageKey,
                            link,
                            first.to().name(),
                            first.from().name(),
                            tonnes);
            }
        });
        return !byAccount.isEmpty();
    }

    /** A retirement from a holding account (not the market's, from a round's escrow): its public record. */
    private boolean retired(Entry entry) {
        List<Moved> moves = movements(entry.id());
        if (moves.isEmpty()
                || moves.get(0).from() == null
                || !moves.get(0).from().holding()) {
            return false;
        }
        Holder from = moves.get(0).from();
        List<Long> record = jdbc.sql("SELECT id FROM registry_retirement WHERE entry_id = ?")
                .param(entry.id())
                .query(Long.class)
                .list();
        String link = record.isEmpty()
                ? "/account/registry/accounts/" + from.accountId()
                : "/registry/retirements/" + record.get(0);
        mail.sendFormatted(
                actingFor(from),
                NotificationKind.RETIREMENT_RECORDED,
                "registry.mail.retired",
                link,
                from.name(),
                tonnes(moves));
        return true;
    }

    /** The users who act for a holding account: its owner, or the enabled users of its organisation. */
    private List<Long> actingFor(Holder holder) {
        if (holder.userId() != null) {
            return List.of(holder.userId());
        }
        return holder.organisationId() == null ? List.of() : users.usersOf(holder.organisationId());
    }

    /** The tonnes moved, as mails show them in either language: 1,234.5. */
    private static String tonnes(List<Moved> moves) {
        BigDecimal tonnes =
                BigDecimal.valueOf(moves.stream().mapToLong(Moved::units).sum(), 1);
        return new java.text.DecimalFormat("#,##0.0", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT))
                .format(tonnes);
    }
}
