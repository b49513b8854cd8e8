package org.amamo.platform;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * Carries refusals from a controller to the API's error answer. Services return refusals as values; only
 * an API controller turns them into this exception, so that the answer is an HTTP 4xx with the messages.
 */
public class RefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Refusal> refusals;
    private final HttpStatus status;

    public RefusedException(HttpStatus status, List<Refusal> refusals) {
        super(refusals.isEmpty() ? "refused" : refusals.get(0).messageKey());
        this.status = status;
        this.refusals = List.copyOf(refusals);
    }

    public RefusedException(HttpStatus status, Refusal refusal) {
        this(status, List.of(refusal));
    }

    public List<Refusal> refusals() {
        return refusals;
    }

    public HttpStatus status() {
        return status;
    }
}
