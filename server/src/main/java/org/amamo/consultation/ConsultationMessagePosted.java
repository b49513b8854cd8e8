package org.amamo.consultation;

/**
 * A message was added to a consultation's thread: from the secretariat, the applicant has an answer to read;
 * from the applicant, the secretariat has a question to answer.
 */
public record ConsultationMessagePosted(long consultationId, long applicantId, boolean fromSecretariat) {}
