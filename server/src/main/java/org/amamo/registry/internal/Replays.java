package org.amamo.registry.internal;

import org.amamo.platform.Outcome;
import org.amamo.platform.Refusal;
import org.amamo.platform.RefusalKind;
import org.springframework.stereotype.Component;

/** The answer a retry gets: what its idempotency key already stands for. */
@Component
class Replays {

    private final JournalStore journalStore;

    private final RequestKeyStore keyStore;

    Replays(JournalStore journalStore, RequestKeyStore keyStore) {
        this.journalStore = journalStore;
        this.keyStore = keyStore;
    }

    /**
     * The first answer to a key in use: its entry's receipt (through {@code replayer}) or its recorded refusal. A
     * different request under the same key is refused.
     */
    <T> Outcome<T> answer(RequestKeyStore.KeyUse use, String key, String fingerprint, Registry.Replayer<T> replayer) {
        if (!fingerprint.equals(use.requestFingerprint())) {
            return Outcome.refused(RefusalKind.CONFLICT, Refusal.of("Idempotency-Key", "registry.idempotency.reused"));
        }
        if (use.entryId() != null) {
            return Outcome.done(
                    replayer.replay(journalStore.entry(use.entryId()).orElseThrow()));
        }
        RequestKeyStore.RecordedRefusal refusal = keyStore.refusal(key).orElseThrow();
        return Outcome.refused(refusal.kind(), refusal.refusals());
    }
}
