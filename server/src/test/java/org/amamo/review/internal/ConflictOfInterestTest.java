package org.amamo.review.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.amamo.application.ApplicationStatus;
import org.amamo.application.ApplicationUnderReview;
import org.amamo.identity.Role;
import org.amamo.identity.UserSummary;
import org.junit.jupiter.api.Test;

/** The committee's conflict-of-interest rule, on its own. */
class ConflictOfInterestTest {

    static final long OWNER = 1;
    static final long JOINT = 2;
    static final long FISHERIES_COOPERATIVE = 10;

    static ApplicationUnderReview application() {
        return new ApplicationUnderReview(
                7, 7, "アマモ場", OWNER, List.of(OWNER, JOINT), "JBC", ApplicationStatus.FEE_CONFIRMED, null, null);
    }

    static UserSummary reviewer(long userId, Long organisationId) {
        return new UserSummary(
                userId,
                "r" + userId + "@example.org",
                "Reviewer",
                organisationId,
                null,
                EnumSet.of(Role.REVIEWER),
                true);
    }

    @Test
    void anApplicantNeverReviewsTheirOwnApplication() {
        assertThat(ConflictOfInterest.conflicts(reviewer(OWNER, null), application(), Set.of()))
                .isTrue();
        assertThat(ConflictOfInterest.conflicts(reviewer(JOINT, null), application(), Set.of()))
                .isTrue();
    }

    @Test
    void aReviewerOfAnApplicantsOrganisationConflicts() {
        Set<Long> organisations = Set.of(FISHERIES_COOPERATIVE);
        assertThat(ConflictOfInterest.conflicts(reviewer(3, FISHERIES_COOPERATIVE), application(), organisations))
                .isTrue();
        assertThat(ConflictOfInterest.conflicts(reviewer(3, 11L), application(), organisations))
                .isFalse();
    }

    @Test
    void aReviewerWithoutOrganisationAndOutsideTheApplicantsIsFree() {
        assertThat(ConflictOfInterest.conflicts(reviewer(3, null), application(), Set.of(FISHERIES_COOPERATIVE)))
                .isFalse();
    }
}
