/**
 * 事前相談 (seed 002 "事前相談一覧", seed 003 §1.3 and §2.2.1): before applying, an applicant describes the
 * planned project (place, ecosystems, crediting period, and for a continued project what changed in its
 * implementers and activities); the applicant and the secretariat exchange messages until the secretariat
 * closes the consultation or the applicant withdraws it. Other features read an applicant's consultations
 * through {@link org.amamo.consultation.Consultations}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Pre-consultation")
package org.amamo.consultation;
