package org.amamo.notice.internal;

import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * An attachment as a download: always {@code Content-Disposition: attachment}, with the content type recognised at
 * upload and {@code nosniff}, so that a browser saves the file rather than rendering it as something else.
 */
final class NoticeDownload {

    private NoticeDownload() {}

    static ResponseEntity<byte[]> of(NoticeAttachments.Content content) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(content.contentType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(content.filename(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(content.bytes());
    }
}
