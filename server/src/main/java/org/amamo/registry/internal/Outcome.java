package org.amamo.registry.internal;

import java.util.List;
import org.amamo.platform.Refusal;

/** A registry operation's answer: its value, or why it was refused (and then nothing changed). */
record Outcome<T>(T value, RefusalKind kind, List<Refusal> refusals) {

    Outcome {
        refusals = List.copyOf(refusals);
    }

    static <T> Outcome<T> done(T value) {
        return new Outcome<>(value, null, List.of());
    }

    static <T> Outcome<T> refused(RefusalKind kind, Refusal... refusals) {
        return new Outcome<>(null, kind, List.of(refusals));
    }

    static <T> Outcome<T> refused(RefusalKind kind, List<Refusal> refusals) {
        return new Outcome<>(null, kind, refusals);
    }

    /** The same refusal, typed for another value. */
    <U> Outcome<U> cast() {
        if (!refused()) {
            throw new IllegalStateException("only a refusal changes type");
        }
        return new Outcome<>(null, kind, refusals);
    }

    boolean refused() {
        return kind != null;
    }
}
