package org.amamo.claim.internal;

import java.time.Instant;
import java.util.List;
import org.amamo.claim.ClaimDraft;
import org.amamo.claim.ClaimDraft.ClaimedAsset;
import org.amamo.claim.ClaimDraft.ClaimedYear;
import org.amamo.claim.ClaimStatus;

/** A claim as stored: the draft it was made from, its status and when it was submitted. */
record StoredClaim(ClaimDraft draft, ClaimStatus status, Instant submittedAt) {

    long applicationId() {
        return draft.applicationId();
    }

    List<ClaimedYear> years() {
        return draft.years();
    }

    List<ClaimedAsset> assets() {
        return draft.assets();
    }
}
