package org.amamo.consultation;

/** The secretariat closed a consultation, or its applicant withdrew it ({@code status} says which). */
public record ConsultationEnded(long consultationId, long applicantId, ConsultationStatus status) {}
