package org.amamo.registry.internal;

import org.springframework.http.HttpStatus;

/** Why the registry said no, which the API answers with its HTTP status. */
enum RefusalKind {
    /** The request itself is wrong: a zero quantity, a malformed serial, shares not summing to 100. */
    INVALID(HttpStatus.BAD_REQUEST),
    /** The account belongs to someone else. */
    FORBIDDEN(HttpStatus.FORBIDDEN),
    /** No such account, batch or serial. */
    NOT_FOUND(HttpStatus.NOT_FOUND),
    /** The ledger's state forbids it: not enough units, a closed account, units already retired. */
    CONFLICT(HttpStatus.CONFLICT);

    private final HttpStatus status;

    RefusalKind(HttpStatus status) {
        this.status = status;
    }

    HttpStatus status() {
        return status;
    }
}
