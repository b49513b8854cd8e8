/**
 * Projects and their applications for certification (seeds 000, 002, 003): the application form and its CO2 form,
 * drafts, submission, the secretariat's completeness check and fee, and the workflow's state machine from draft to
 * certification with every transition recorded. The review (hearing, committee, certainty, public comment and the
 * decision) is the review module's: it reads and moves applications through {@link
 * org.amamo.application.Applications}, and certification publishes {@link
 * org.amamo.application.ApplicationCertified}, which the registry consumes to issue credits.
 *
 * <p>Tables: {@code project}, {@code application} (but for the review's columns: the hearing, the comment window and
 * the certified figures), {@code application_plant}, {@code application_joint_applicant}, {@code
 * application_holder}, {@code application_transition}, {@code application_attachment}, {@code notification} and the
 * quality record's {@code application_quality_statement} and {@code application_quality_assessment} (the review
 * module records the reviewers' assessments through {@link org.amamo.application.Applications}). It
 * reads {@code review_assignment} for a reviewer's list of applications.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Application")
package org.amamo.application;
