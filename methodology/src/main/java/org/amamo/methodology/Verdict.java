package org.amamo.methodology;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The answer to a request that may be refused: either the accepted value or the complete list of
 * {@link FieldError}s. Refusals are values, not exceptions, so that a caller must decide what to show.
 *
 * @param <T> type of the accepted value
 */
public sealed interface Verdict<T> permits Verdict.Accepted, Verdict.Rejected {

    /**
     * The input was accepted.
     *
     * @param value the computed value
     * @param <T>   type of the value
     */
    record Accepted<T>(T value) implements Verdict<T> {
        /** Requires a value. */
        public Accepted {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * The input was refused as a whole; nothing was computed.
     *
     * @param errors one error per offending field, never empty
     * @param <T>    type the value would have had
     */
    record Rejected<T>(List<FieldError> errors) implements Verdict<T> {
        /** Requires at least one error, since a refusal must say what to fix. */
        public Rejected {
            errors = List.copyOf(errors);
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("a rejection needs at least one error");
            }
        }
    }

    /**
     * Accepts a value.
     *
     * @param value the value
     * @param <T>   its type
     * @return an accepted outcome
     */
    static <T> Verdict<T> accepted(T value) {
        return new Accepted<>(value);
    }

    /**
     * Refuses with the given errors.
     *
     * @param errors at least one error
     * @param <T>    the value type
     * @return a rejected outcome
     */
    static <T> Verdict<T> rejected(List<FieldError> errors) {
        return new Rejected<>(errors);
    }

    /**
     * Refuses with a single error.
     *
     * @param path      where
     * @param key       the message key saying what to fix
     * @param arguments the message's arguments: strings or messages
     * @param <T>       the value type
     * @return a rejected outcome
     */
    static <T> Verdict<T> rejected(String path, String key, Object... arguments) {
        return new Rejected<>(List.of(FieldError.of(path, key, arguments)));
    }

    /**
     * Transforms an accepted value, passing a rejection through unchanged.
     *
     * @param mapper transformation of the accepted value
     * @param <R>    the new value type
     * @return the transformed outcome
     */
    default <R> Verdict<R> map(Function<? super T, ? extends R> mapper) {
        if (this instanceof Accepted<T> accepted) {
            return new Accepted<>(mapper.apply(accepted.value()));
        }
        return new Rejected<>(((Rejected<T>) this).errors());
    }

    /**
     * Chains a further step that may itself refuse.
     *
     * @param next the next step
     * @param <R>  its value type
     * @return the outcome of the next step, or this rejection
     */
    default <R> Verdict<R> flatMap(Function<? super T, Verdict<R>> next) {
        if (this instanceof Accepted<T> accepted) {
            return next.apply(accepted.value());
        }
        return new Rejected<>(((Rejected<T>) this).errors());
    }

    /**
     * The errors of a rejection, or an empty list when accepted.
     *
     * @return the errors
     */
    default List<FieldError> errors() {
        return this instanceof Rejected<T> rejected ? rejected.errors() : List.of();
    }

    /**
     * The accepted value; a programmer error to call on a rejection.
     *
     * @return the value
     * @throws IllegalStateException when rejected
     */
    default T orElseThrow() {
        if (this instanceof Accepted<T> accepted) {
            return accepted.value();
        }
        throw new IllegalStateException("rejected: " + errors());
    }
}
