package org.amamo.market.internal;

import java.util.List;
import org.amamo.platform.Refusal;
import org.springframework.http.HttpStatus;

/** A market action's answer: its value, or why not (with the HTTP status the API answers); then nothing changed. */
record Verdict<T>(T value, HttpStatus status, List<Refusal> refusals) {

    Verdict {
        refusals = List.copyOf(refusals);
    }

    static <T> Verdict<T> done(T value) {
        return new Verdict<>(value, HttpStatus.OK, List.of());
    }

    static <T> Verdict<T> refused(HttpStatus status, Refusal... refusals) {
        return new Verdict<>(null, status, List.of(refusals));
    }

    static <T> Verdict<T> refused(HttpStatus status, List<Refusal> refusals) {
        return new Verdict<>(null, status, refusals);
    }

    static <T> Verdict<T> invalid(List<Refusal> refusals) {
        return new Verdict<>(null, HttpStatus.BAD_REQUEST, refusals);
    }

    static <T> Verdict<T> notFound(String field, String key) {
        return refused(HttpStatus.NOT_FOUND, Refusal.of(field, key));
    }

    static <T> Verdict<T> forbidden(String key) {
        return refused(HttpStatus.FORBIDDEN, Refusal.of("$", key));
    }

    static <T> Verdict<T> conflict(String field, String key, Object... arguments) {
        return refused(HttpStatus.CONFLICT, Refusal.of(field, key, arguments));
    }

    boolean refused() {
        return !refusals.isEmpty();
    }

    <U> Verdict<U> cast() {
        return new Verdict<>(null, status, refusals);
    }
}
