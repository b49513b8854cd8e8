package org.amamo.platform;

import org.springframework.http.HttpStatus;

/** Why a request was refused, which the API answers with its HTTP status and a web page shows as a form error. */
public enum RefusalKind {
    /** The request itself is wrong: a missing field, a zero quantity, a malformed serial. */
    INVALID(HttpStatus.BAD_REQUEST),
    /** The caller may not do this to this object: it belongs to someone else, or the role does not allow it. */
    FORBIDDEN(HttpStatus.FORBIDDEN),
    /** No such object: account, batch, application, serial. */
    NOT_FOUND(HttpStatus.NOT_FOUND),
    /** The object's state forbids it: not enough units, a closed account, an application in another state. */
    CONFLICT(HttpStatus.CONFLICT);

    private final HttpStatus status;

    RefusalKind(HttpStatus status) {
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }
}
