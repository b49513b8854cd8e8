package org.amamo.platform;

import java.util.List;
import java.util.Objects;

/**
 * A service's answer to a request that may be refused: done, with its value, or refused, with why (a
 * {@link RefusalKind} and one {@link Refusal} per offending field), in which case nothing changed. The one
 * way the server's services say no; the edges translate it: {@link #orThrow()} for the API (a problem
 * document, see {@code ApiErrors}) and {@link FormErrors#reject} for a web form.
 *
 * @param value the value when done ({@code null} for an operation that has none)
 * @param kind why it was refused, {@code null} when done
 * @param refusals the refusals, empty when done and never empty when refused
 * @param <T> type of the value
 */
public record Outcome<T>(T value, RefusalKind kind, List<Refusal> refusals) {

    public Outcome {
        refusals = List.copyOf(refusals);
        if ((kind == null) != refusals.isEmpty()) {
            throw new IllegalArgumentException("a refusal has a kind and at least one reason; a done outcome neither");
        }
    }

    public static <T> Outcome<T> done(T value) {
        return new Outcome<>(value, null, List.of());
    }

    /** Done, for an operation without a value. */
    public static <T> Outcome<T> done() {
        return new Outcome<>(null, null, List.of());
    }

    public static <T> Outcome<T> refused(RefusalKind kind, Refusal... refusals) {
        return new Outcome<>(null, Objects.requireNonNull(kind, "kind"), List.of(refusals));
    }

    public static <T> Outcome<T> refused(RefusalKind kind, List<Refusal> refusals) {
        return new Outcome<>(null, Objects.requireNonNull(kind, "kind"), refusals);
    }

    /** Refused as invalid input with these refusals, or done when there are none. */
    public static <T> Outcome<T> invalidUnlessEmpty(List<Refusal> refusals) {
        return refusals.isEmpty() ? done() : refused(RefusalKind.INVALID, refusals);
    }

    public boolean refused() {
        return kind != null;
    }

    public boolean isDone() {
        return kind == null;
    }

    /** The same refusal, typed for another value. */
    public <U> Outcome<U> cast() {
        if (!refused()) {
            throw new IllegalStateException("only a refusal changes type");
        }
        return new Outcome<>(null, kind, refusals);
    }

    /** The value when done; otherwise throws the refusal for the API's error answer. */
    public T orThrow() {
        if (refused()) {
            throw new RefusedException(kind.status(), refusals);
        }
        return value;
    }
}
