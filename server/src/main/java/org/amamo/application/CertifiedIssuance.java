package org.amamo.application;

import java.util.Optional;

/**
 * What certification froze for the registry to issue, read again for a certified application: the figures of its
 * {@link ApplicationCertified} (project, code, name, programme prefix and certifier, vintage, methodology, type,
 * quantity and initial holders). The registry's manual issuance form starts from it.
 */
public interface CertifiedIssuance {

    /** The certified application's issuance; empty if there is no such application or it is not certified. */
    Optional<ApplicationCertified> of(long applicationId);
}
