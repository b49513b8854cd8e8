package org.amamo.application.internal;

import java.math.BigDecimal;
import java.util.List;

/**
 * The form's people resolved against the user directory, position by position: the registered user of
 * each joint applicant (null when not registered) and of each holder (null when the e-mail is unknown),
 * and each holder's share parsed (null when not a number).
 */
record ResolvedPeople(List<Long> jointApplicantUserIds, List<Long> holderUserIds, List<BigDecimal> holderShares) {

    ResolvedPeople {
        jointApplicantUserIds =
                java.util.Collections.unmodifiableList(new java.util.ArrayList<>(jointApplicantUserIds));
        holderUserIds = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(holderUserIds));
        holderShares = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(holderShares));
    }
}
