package org.amamo.consultation;

/** An applicant opened a consultation: the secretariat has a new one to answer. */
public record ConsultationOpened(long consultationId, long applicantId) {}
