/**
 * Projects and their applications for certification (seeds 000, 002, 003): the application form, the
 * workflow from draft to certification with every transition recorded, the secretariat's checks, the
 * hearing, the committee's review with certainty, public comment and certification. Certification
 * publishes {@link org.amamo.application.ApplicationCertified}, which the registry consumes to issue credits.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Application and review")
package org.amamo.application;
