/**
 * The review of an application for certification (seed 003): the secretariat's on-site hearing (scheduled, the
 * applicants told, then recorded), the committee's reviewers (chosen from the programme's committee, never from the
 * applicants' organisations), their findings and certainty, public comment, and the committee's decision to certify or reject. Certification publishes
 * {@link org.amamo.application.ApplicationCertified}, which the registry consumes to issue credits.
 *
 * <p>The review reads and moves applications only through {@link org.amamo.application.Applications}; the
 * application module keeps the form, submission and the workflow's state machine. It tells the application module
 * who reviews what ({@link org.amamo.application.AssignedReviewers}) and fills the review's part of the
 * application page ({@link org.amamo.application.ReviewPanel}).
 *
 * <p>Tables: the review owns {@code review_assignment} and {@code public_comment}, and of the application module's
 * {@code application} table the columns it records: {@code hearing_scheduled_at}, {@code hearing_venue},
 * {@code hearing_held_on}, {@code hearing_place}, {@code hearing_record}, {@code comment_opens_at},
 * {@code comment_closes_at} and the {@code certified_*} columns.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Review")
package org.amamo.review;
