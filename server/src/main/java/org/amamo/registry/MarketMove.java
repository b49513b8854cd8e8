package org.amamo.registry;

import java.util.List;
import org.amamo.platform.Refusal;

/**
 * The answer to a {@link MarketSettlement} operation: the journal entry that recorded it, the serial ranges moved,
 * the account they went to and, for a retirement, the public retirement record; or the refusals that stopped it
 * (then nothing moved). {@code replayed} marks the first answer returned again for a repeated idempotency key.
 */
public record MarketMove(
        Long entryId,
        long creditUnits,
        List<String> serialRanges,
        Long toAccountId,
        Long retirementId,
        boolean replayed,
        List<Refusal> refusals) {

    public MarketMove {
        serialRanges = List.copyOf(serialRanges);
        refusals = List.copyOf(refusals);
    }

    public static MarketMove refused(List<Refusal> refusals) {
        return new MarketMove(null, 0, List.of(), null, null, false, refusals);
    }

    public boolean done() {
        return refusals.isEmpty();
    }
}
