package org.amamo.registry.internal;

import java.time.Instant;
import java.util.List;
import org.amamo.platform.Sha256;

/**
 * One entry of the append-only journal: what was done, by whom, under which idempotency key, the units and serial
 * ranges moved, when, a canonical payload (e.g. the retirement's disclosure), and its place in the hash chains.
 *
 * <p><b>Chains.</b> A single global chain would make the journal's last row a hot spot that serialises every
 * operation. Instead each account has a chain: an entry links to the previous entry of every account whose row
 * the operation locked (its {@link ChainLink}s), and its SHA-256 hash covers its canonical text, its movements and
 * those links. The links follow the row locks an operation takes anyway, so the chains add no contention: two
 * transfers between different accounts never wait for each other. Entry ids come from a sequence and are drawn
 * after the locks, so each account's chain ascends in id order, and {@link JournalVerifier} checks every chain in
 * one pass in id order. Accounts that only receive units for ever (retirement, cancellation) are not locked and
 * carry no chain; their units are covered by the chain of the account they left.
 */
public record JournalEntry(
        long id,
        Operation operation,
        Long actorUserId,
        String idempotencyKey,
        String requestFingerprint,
        long creditUnits,
        String payload,
        Instant recordedAt,
        List<ChainLink> links,
        List<Movement> movements,
        String hash) {

    /** The hash of "no previous entry", where every chain begins. */
    public static final String GENESIS_HASH = "0".repeat(64);

    public JournalEntry {
        links = List.copyOf(links);
        movements = List.copyOf(movements);
    }

    /** The previous entry of one account's chain, as this entry saw it. */
    record ChainLink(long accountId, long previousEntryId, String previousHash) {

        String text() {
            return accountId + ":" + previousEntryId + ":" + previousHash;
        }

        static ChainLink parse(String text) {
            String[] parts = text.split(":");
            return new ChainLink(Long.parseLong(parts[0]), Long.parseLong(parts[1]), parts[2]);
        }
    }

    /** Serials {@code firstSerial..lastSerial} of a batch moved from one account (null: newly issued) to another. */
    public record Movement(long batchId, long firstSerial, long lastSerial, Long fromAccountId, long toAccountId) {

        public long units() {
            return lastSerial - firstSerial + 1;
        }
    }

    /** The links as stored: {@code account:previousEntry:previousHash}, comma-separated, by account id. */
    String linksText() {
        return String.join(",", links.stream().map(ChainLink::text).toList());
    }

    static List<ChainLink> parseLinks(String text) {
        return text.isEmpty()
                ? List.of()
                : java.util.Arrays.stream(text.split(",")).map(ChainLink::parse).toList();
    }

    /** This entry with its hash computed from its content. */
    JournalEntry sealed() {
        return new JournalEntry(
                id,
                operation,
                actorUserId,
                idempotencyKey,
                requestFingerprint,
                creditUnits,
                payload,
                recordedAt,
                links,
                movements,
                computeHash());
    }

    /** SHA-256 over the canonical text, as lower-case hex. */
    String computeHash() {
        return Sha256.hex(canonicalText());
    }

    /**
     * The text the hash covers: one field per line in a fixed order, the payload's lines prefixed, then every
     * movement and link. The payload is itself canonical (see {@link Payload}), so equal entries hash equally.
     */
    String canonicalText() {
        StringBuilder text = new StringBuilder("amamo-registry-journal-v1\n");
        text.append("id=").append(id).append('\n');
        text.append("operation=").append(operation).append('\n');
        text.append("actor=").append(actorUserId == null ? "-" : actorUserId).append('\n');
        text.append("key=")
                .append(idempotencyKey == null ? "-" : Payload.escape(idempotencyKey))
                .append('\n');
        text.append("fingerprint=")
                .append(requestFingerprint == null ? "-" : requestFingerprint)
                .append('\n');
        text.append("units=").append(creditUnits).append('\n');
        text.append("recorded=").append(recordedAt).append('\n');
        for (String line : payload.split("\n", -1)) {
            text.append("payload:").append(line).append('\n');
        }
        for (Movement movement : movements) {
            text.append("movement=")
                    .append(movement.batchId())
                    .append(',')
                    .append(movement.firstSerial())
                    .append(',')
                    .append(movement.lastSerial())
                    .append(',')
                    .append(movement.fromAccountId() == null ? "-" : movement.fromAccountId())
                    .append(',')
                    .append(movement.toAccountId())
                    .append('\n');
        }
        for (ChainLink link : links) {
            text.append("link=").append(link.text()).append('\n');
        }
        return text.toString();
    }
}
