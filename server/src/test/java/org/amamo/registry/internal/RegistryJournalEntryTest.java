package org.amamo.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegistryJournalEntryTest {

    private static final Instant NOW = Instant.parse("2024-04-01T00:00:00.123456Z");

    @Test
    void hashCoversContentMovementsAndLinks() {
        JournalEntry entry = entry("note=a", 5, 7).sealed();
        assertThat(entry.hash()).hasSize(64).isEqualTo(entry.computeHash());
        assertThat(entry("note=b", 5, 7).sealed().hash()).isNotEqualTo(entry.hash());
        assertThat(entry("note=a", 5, 8).sealed().hash()).isNotEqualTo(entry.hash());
        assertThat(entry("note=a", 6, 7).sealed().hash()).isNotEqualTo(entry.hash());
    }

    @Test
    void payloadEscapesValuesSoThatNoValueForgesAnotherLine() {
        String forged = new Payload().with("note", "x\npurpose=OTHER").text();
        assertThat(forged).isEqualTo("note=x\\npurpose=OTHER").doesNotContain("\n");
        assertThat(new Payload().with("b", 2).with("a", 1).with("c", null).text())
                .isEqualTo("a=1\nb=2");
    }

    @Test
    void verifierNamesTheFirstEntryWhoseContentOrLinkIsBroken() {
        JournalEntry first = entry("note=a", 0, 1).sealed();
        JournalEntry second = new JournalEntry(
                        2,
                        Operation.TRANSFER,
                        1L,
                        null,
                        null,
                        1,
                        "",
                        NOW,
                        List.of(new JournalEntry.ChainLink(10, 1, first.hash())),
                        List.of(),
                        null)
                .sealed();
        JournalVerifier sound = new JournalVerifier();
        assertThat(sound.accept(first)).isEmpty();
        assertThat(sound.accept(second)).isEmpty();
        assertThat(sound.acceptHead(10, 2, second.hash())).isEmpty();

        JournalVerifier tampered = new JournalVerifier();
        JournalEntry altered = new JournalEntry(
                1,
                first.operation(),
                first.actorUserId(),
                null,
                null,
                999,
                first.payload(),
                NOW,
                first.links(),
                first.movements(),
                first.hash());
        assertThat(tampered.accept(altered))
                .hasValueSatisfying(problem -> assertThat(problem).startsWith("entry 1:"));

        JournalVerifier deleted = new JournalVerifier();
        assertThat(deleted.accept(second))
                .hasValueSatisfying(problem -> assertThat(problem).startsWith("entry 2:"));
    }

    private static JournalEntry entry(String payload, long previousEntry, long units) {
        return new JournalEntry(
                1,
                Operation.TRANSFER,
                1L,
                "key",
                null,
                units,
                payload,
                NOW,
                List.of(new JournalEntry.ChainLink(10, previousEntry, JournalEntry.GENESIS_HASH)),
                List.of(new JournalEntry.Movement(3, 1, units, 10L, 11)),
                null);
    }
}
