package org.amamo.application.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.amamo.platform.ContentTypes;
import org.amamo.platform.Outcome;
import org.amamo.platform.Refusal;
import org.amamo.platform.RefusalKind;
import org.amamo.platform.Sha256;
import org.amamo.platform.SqlTime;
import org.amamo.platform.UploadNames;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Attachments to an application (根拠資料): PDF or images, at most {@link #MAX_BYTES} each and
 * {@link #MAX_PER_APPLICATION} per application, recognised by their content (not by the name the browser
 * sends), stored with a SHA-256 checksum so that a reviewer can prove what was submitted.
 */
@Component
class AttachmentStore {

    static final long MAX_BYTES = 10L * 1024 * 1024;
    static final int MAX_PER_APPLICATION = 30;
    static final List<String> PURPOSES = List.of("OVERVIEW", "AREA_BASIS", "COEFFICIENT_BASIS", "BASELINE", "OTHER");

    private final JdbcClient jdbc;
    private final Clock clock;

    AttachmentStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** An attachment as listed, without its content. */
    record Attachment(
            long id,
            String purpose,
            String filename,
            String contentType,
            long sizeBytes,
            String sha256,
            Instant uploadedAt) {}

    /** An attachment's bytes, for download. */
    record Content(String filename, String contentType, byte[] bytes) {}

    Outcome<Void> store(long applicationId, long uploaderId, String purpose, String filename, byte[] bytes) {
        if (!PURPOSES.contains(purpose)) {
            return Outcome.refused(RefusalKind.INVALID, Refusal.of("purpose", "attachment.purpose.unknown"));
        }
        if (bytes.length == 0) {
            return Outcome.refused(RefusalKind.INVALID, Refusal.of("file", "upload.empty"));
        }
        if (bytes.length > MAX_BYTES) {
            return Outcome.refused(
                    RefusalKind.INVALID, Refusal.of("file", "upload.too-large", MAX_BYTES / (1024 * 1024)));
        }
        Optional<Refusal> badName = UploadNames.refusal(filename, "file");
        if (badName.isPresent()) {
            return Outcome.refused(RefusalKind.INVALID, badName.get());
        }
        String type = ContentTypes.documentOrImage(bytes);
        if (type == null) {
            return Outcome.refused(RefusalKind.INVALID, Refusal.of("file", "attachment.type"));
        }
        long count = jdbc.sql("SELECT COUNT(*) FROM application_attachment WHERE application_id = ?")
                .param(applicationId)
                .query(Long.class)
                .single();
        if (count >= MAX_PER_APPLICATION) {
            return Outcome.refused(RefusalKind.CONFLICT, Refusal.of("file", "attachment.limit", MAX_PER_APPLICATION));
        }
        String name = UploadNames.withoutPath(filename);
        jdbc.sql("""
                INSERT INTO application_attachment (application_id, purpose, filename, content_type, size_bytes, sha256,
                                                    content, uploaded_by, uploaded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        applicationId,
                        purpose,
                        name,
                        type,
                        bytes.length,
                        Sha256.hex(bytes),
                        bytes,
                        uploaderId,
                        SqlTime.utc(clock.instant()))
                .update();
        return Outcome.done();
    }

    List<Attachment> list(long applicationId) {
        return jdbc.sql("""
                SELECT id, purpose, filename, content_type, size_bytes, sha256, uploaded_at
                  FROM application_attachment WHERE application_id = ? ORDER BY id""")
                .param(applicationId)
                .query((row, n) -> new Attachment(
                        row.getLong(1),
                        row.getString(2),
                        row.getString(3),
                        row.getString(4),
                        row.getLong(5),
                        row.getString(6),
                        row.getObject(7, OffsetDateTime.class).toInstant()))
                .list();
    }

    Optional<Content> content(long applicationId, long attachmentId) {
        return jdbc.sql("""
                SELECT filename, content_type, content FROM application_attachment WHERE application_id = ? AND id = ?""")
                .params(applicationId, attachmentId)
                .query((row, n) -> new Content(row.getString(1), row.getString(2), row.getBytes(3)))
                .optional();
    }

    /** Whether an attachment of this purpose is on file (the area survey, or for a reduction the baseline's). */
    boolean hasEvidence(long applicationId, String purpose) {
        return jdbc.sql("SELECT COUNT(*) FROM application_attachment WHERE application_id = ? AND purpose = ?")
                        .params(applicationId, purpose)
                        .query(Long.class)
                        .single()
                > 0;
    }
}
