package org.amamo.registry;

import java.util.Optional;

/** Finds the batch an issuance made, by the issuance's reference (its idempotency key). */
public interface IssuedBatches {

    /** The reference under which a certified application's credits are issued. */
    static String certificationReference(long applicationId) {
        return "application-" + applicationId + "-certified";
    }

    /** The certified application a reference names ({@link #certificationReference}), if it names one. */
    static Optional<Long> certifiedApplication(String reference) {
        if (reference == null || !reference.matches("application-[0-9]{1,18}-certified")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(reference.substring("application-".length(), reference.length() - 10)));
    }

    /** The batch issued under the reference; empty while it has not been issued (or was refused). */
    Optional<CreditBatch> issuedFor(String reference);
}
