package org.amamo.registry.internal;

import static org.amamo.platform.SqlTime.instant;
import static org.amamo.platform.SqlTime.utc;
import static org.amamo.platform.SqlValues.nullableLong;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The ledger's accounts and their chain heads. Writes happen only inside a {@link Registry} operation, after the
 * accounts concerned are locked ({@link #lockAccounts}).
 */
@Repository
public class AccountStore {

    static final String ISSUANCE_KEY = "SCHEME:ISSUANCE";
    static final String CANCELLATION_KEY = "SCHEME:CANCELLATION";

    private static final String ACCOUNT = """
            SELECT id, kind, status, owner_user_id, owner_organisation_id, vintage, holder_name, requested_at,
                   decided_at, head_entry_id, head_hash FROM registry_account
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate statements;

    AccountStore(JdbcClient jdbc, JdbcTemplate statements) {
        this.jdbc = jdbc;
        this.statements = statements;
    }

    public Optional<AccountRow> account(long id) {
        return jdbc.sql(ACCOUNT + " WHERE id = ?")
                .param(id)
                .query(AccountStore::mapAccount)
                .optional();
    }

    Optional<AccountRow> accountByOwnerKey(String ownerKey) {
        return jdbc.sql(ACCOUNT + " WHERE owner_key = ?")
                .param(ownerKey)
                .query(AccountStore::mapAccount)
                .optional();
    }

    /** Every account's id and chain head, for the verifier. */
    List<AccountRow> allAccounts() {
        return jdbc.sql(ACCOUNT + " ORDER BY id")
                .query(AccountStore::mapAccount)
                .list();
    }

    /**
     * Locks the accounts' rows in ascending id order, the one order every operation uses, so that two operations
     * touching the same accounts queue instead of deadlocking. Returns the rows as they are once locked.
     */
    List<AccountRow> lockAccounts(Collection<Long> ids) {
        return jdbc.sql(ACCOUNT + " WHERE id IN (:ids) ORDER BY id FOR UPDATE")
                .param("ids", ids)
                .query(AccountStore::mapAccount)
                .list();
    }

    long insertAccount(
            AccountKind kind,
            AccountStatus status,
            String ownerKey,
            Long userId,
            Long organisationId,
            Integer vintage,
            String holderName,
            Long requestedBy,
            Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO registry_account (kind, status, owner_key, owner_user_id, owner_organisation_id, vintage,
                                              holder_name, requested_by, requested_at, decided_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(
                        kind.name(),
                        status.name(),
                        ownerKey,
                        userId,
                        organisationId,
                        vintage,
                        holderName,
                        requestedBy,
                        utc(now),
                        status == AccountStatus.REQUESTED ? null : utc(now))
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    void decide(long accountId, AccountStatus status, Long decidedBy, Instant now) {
        jdbc.sql("""
                UPDATE registry_account SET status = ?, decided_by = ?, decided_at = ?,
                       owner_key = CASE WHEN ? = 'REJECTED' THEN NULL ELSE owner_key END
                 WHERE id = ?
                """)
                .params(status.name(), decidedBy, utc(now), status.name(), accountId)
                .update();
    }

    /** Makes one entry the chain head of every account it links (one statement for all of them). */
    void moveHeads(Collection<Long> accountIds, long entryId, String hash) {
        if (!accountIds.isEmpty()) {
            jdbc.sql("UPDATE registry_account SET head_entry_id = :entry, head_hash = :hash WHERE id IN (:ids)")
                    .param("entry", entryId)
                    .param("hash", hash)
                    .param("ids", accountIds)
                    .update();
        }
    }

    /** Moves each account's chain head to its own entry (one statement batch for all of them). */
    void moveHeads(Map<Long, JournalEntry> headByAccount) {
        statements.batchUpdate(
                "UPDATE registry_account SET head_entry_id = ?, head_hash = ? WHERE id = ?",
                headByAccount.entrySet().stream()
                        .sorted(Map.Entry.comparingByKey())
                        .map(head -> new Object[] {
                            head.getValue().id(), head.getValue().hash(), head.getKey()
                        })
                        .toList());
    }

    /** The name of an organisation, if it exists (the registry names holders on statements and records). */
    Optional<String> organisationName(long organisationId) {
        return jdbc.sql("SELECT name FROM organisation WHERE id = ?")
                .param(organisationId)
                .query(String.class)
                .optional();
    }

    private static AccountRow mapAccount(ResultSet row, int rowNumber) throws SQLException {
        return new AccountRow(
                row.getLong("id"),
                AccountKind.valueOf(row.getString("kind")),
                AccountStatus.valueOf(row.getString("status")),
                nullableLong(row, "owner_user_id"),
                nullableLong(row, "owner_organisation_id"),
                row.getObject("vintage", Integer.class),
                row.getString("holder_name"),
                instant(row, "requested_at"),
                instant(row, "decided_at"),
                row.getLong("head_entry_id"),
                row.getString("head_hash"));
    }
}
