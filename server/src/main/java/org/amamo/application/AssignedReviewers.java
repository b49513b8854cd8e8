package org.amamo.application;

import java.util.List;

/**
 * Who reviews an application: the review module's answer, which the workflow needs to know who may decide and
 * whom to tell of a move. Implemented by the review module.
 */
public interface AssignedReviewers {

    /** The user ids of the reviewers assigned to the application, in no particular order. */
    List<Long> of(long applicationId);
}
