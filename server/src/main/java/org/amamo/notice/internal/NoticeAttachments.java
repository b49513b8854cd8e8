package org.amamo.notice.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.amamo.platform.ContentTypes;
import org.amamo.platform.Refusal;
import org.amamo.platform.Sha256;
import org.amamo.platform.SqlTime;
import org.amamo.platform.UploadNames;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Documents attached to a notice (seed 002: the operation manual as a PDF): PDF, PNG or JPEG recognised by their
 * content (a PDF named .png is stored as a PDF; a text file named .pdf is refused), at most {@link #MAX_BYTES} each
 * and {@link #MAX_PER_NOTICE} per notice, stored in the database with a SHA-256 checksum.
 */
@Component
class NoticeAttachments {

    static final long MAX_BYTES = 10L * 1024 * 1024;
    static final int MAX_PER_NOTICE = 10;
    static final int FILENAME_MAX = 255;

    private final JdbcClient jdbc;
    private final Clock clock;

    NoticeAttachments(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** An attachment as listed, without its content. */
    record Attachment(long id, String filename, String contentType, long sizeBytes, String sha256, Instant uploadedAt) {

        /** The size for people: kB below a megabyte, MB above, one decimal. */
        public String size() {
            return sizeBytes < 1024 * 1024
                    ? String.format(java.util.Locale.ROOT, "%.1f kB", sizeBytes / 1024.0)
                    : String.format(java.util.Locale.ROOT, "%.1f MB", sizeBytes / (1024.0 * 1024));
        }
    }

    /** An attachment's bytes, for download. */
    record Content(String filename, String contentType, byte[] bytes) {}

    /** Stores the file on the notice, or says why not (field {@code file}); nothing is stored when refused. */
    @Transactional
    List<Refusal> store(long noticeId, long uploaderId, String filename, byte[] bytes) {
        if (bytes.length == 0 || bytes.length > MAX_BYTES) {
            return List.of(Refusal.of("file", "notice.attachment.size", MAX_BYTES / (1024 * 1024)));
        }
        Optional<Refusal> badName = UploadNames.refusal(filename, "file");
        if (badName.isPresent()) {
            return List.of(badName.get());
        }
        String type = ContentTypes.documentOrImage(bytes);
        if (type == null) {
            return List.of(Refusal.of("file", "notice.attachment.type.refused"));
        }
        if (count(noticeId) >= MAX_PER_NOTICE) {
            return List.of(Refusal.of("file", "notice.attachment.limit", MAX_PER_NOTICE));
        }
        jdbc.sql("""
                INSERT INTO notice_attachment (notice_id, filename, content_type, size_bytes, sha256, content,
                                               uploaded_by, uploaded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        noticeId,
                        name(filename),
                        type,
                        bytes.length,
                        Sha256.hex(bytes),
                        bytes,
                        uploaderId,
                        SqlTime.utc(clock.instant()))
                .update();
        return List.of();
    }

    List<Attachment> list(long noticeId) {
        return jdbc.sql("""
                SELECT id, filename, content_type, size_bytes, sha256, uploaded_at
                  FROM notice_attachment WHERE notice_id = ? ORDER BY id""")
                .param(noticeId)
                .query((row, n) -> new Attachment(
                        row.getLong(1),
                        row.getString(2),
                        row.getString(3),
                        row.getLong(4),
                        row.getString(5),
                        row.getObject(6, OffsetDateTime.class).toInstant()))
                .list();
    }

    Optional<Content> content(long noticeId, long attachmentId) {
        return jdbc.sql("SELECT filename, content_type, content FROM notice_attachment WHERE notice_id = ? AND id = ?")
                .params(noticeId, attachmentId)
                .query((row, n) -> new Content(row.getString(1), row.getString(2), row.getBytes(3)))
                .optional();
    }

    boolean delete(long noticeId, long attachmentId) {
        return jdbc.sql("DELETE FROM notice_attachment WHERE notice_id = ? AND id = ?")
                        .params(noticeId, attachmentId)
                        .update()
                == 1;
    }

    private long count(long noticeId) {
        return jdbc.sql("SELECT COUNT(*) FROM notice_attachment WHERE notice_id = ?")
                .param(noticeId)
                .query(Long.class)
                .single();
    }

    /** The name as sent, without a path, at most {@link #FILENAME_MAX} characters; "attachment" when there is none. */
    static String name(String filename) {
        String name = filename == null ? "" : filename.strip();
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        if (name.isBlank()) {
            return "attachment";
        }
        return name.length() > FILENAME_MAX ? name.substring(0, FILENAME_MAX) : name;
    }
}
