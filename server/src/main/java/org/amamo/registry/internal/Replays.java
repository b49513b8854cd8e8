package org.amamo.registry.internal;

import org.amamo.platform.Outcome;
import org.amamo.platform.Refusal;
import org.amamo.platform.RefusalKind;
import org.springframework.stereotype.Component;

/** The answer a retry gets: what its idempotency key already stands for. */
@Component
class Replays {

    private final LedgerStore store;

    Replays(LedgerStore store) {
        this.store = store;
    }

    /**
     * The first answer to a key in use: its entry's receipt (through {@code replayer}) or its recorded refusal. A
     * different request under the same key is refused.
     */
    <T> Outcome<T> answer(LedgerStore.KeyUse use, String key, String fingerprint, Registry.Replayer<T> replayer) {
        if (!fingerprint.equals(use.requestFingerprint())) {
            return Outcome.refused(RefusalKind.CONFLICT, Refusal.of("Idempotency-Key", "registry.idempotency.reused"));
        }
        if (use.entryId() != null) {
            return Outcome.done(replayer.replay(store.entry(use.entryId()).orElseThrow()));
        }
        LedgerStore.RecordedRefusal refusal = store.refusal(key).orElseThrow();
        return Outcome.refused(refusal.kind(), refusal.refusals());
    }
}
