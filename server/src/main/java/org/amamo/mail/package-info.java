/**
 * E-mail. A feature queues a message with {@link org.amamo.mail.Mailer} inside its own transaction; the message is
 * kept in the outbox table and sent afterwards by a background job through the SMTP server configured with Spring's
 * {@code spring.mail.*} properties, retried on failure. Without an SMTP server (the embedded default) messages are
 * only kept, written to the log and shown to the administrator at {@code /admin/mail}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Mail")
package org.amamo.mail;
