package org.amamo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The container's limit on an upload (30 MB), over a real connection, since only the servlet container enforces it:
 * past it the web answers 413 with a page stating the limit and the API a 413 problem document with it, whether the
 * request declares its length or sends its body in chunks; never the raw error page, a 403 or a reset connection.
 * Under it, a request goes on to the security rules and its controller as usual.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UploadLimitTest {

    static final int LIMIT_BYTES = 30 * 1024 * 1024;
    static final String BOUNDARY = "amamo-upload-limit-test";

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aWebUploadOverTheLimitGetsAPageStatingTheLimit() throws Exception {
        HttpResponse<String> answer = send("/secretariat/notices/1/attachments", body(LIMIT_BYTES + 1), false);
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(answer.body()).contains("送信できるのは1回に 30 MB までです").contains("id=\"upload-back\"");
    }

    @Test
    void anApiUploadOverTheLimitGetsAProblemDocumentStatingTheLimit() throws Exception {
        HttpResponse<String> answer = send("/api/v1/registry/transfers?lang=en", body(LIMIT_BYTES + 1), false);
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.body())
                .contains("\"status\":413")
                .contains("\"maxBytes\":" + LIMIT_BYTES)
                .contains("A request may carry at most 30 MB.");
    }

    @Test
    void aChunkedUploadOverTheLimitIsRefusedTheSameWay() throws Exception {
        HttpResponse<String> answer = send("/api/v1/registry/transfers", body(LIMIT_BYTES + 1), true);
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.body()).contains("\"maxBytes\":" + LIMIT_BYTES);
    }

    @Test
    void anUploadUnderTheLimitGoesOnToTheUsualRules() throws Exception {
        // Anonymous, without a CSRF token: refused by the security rules, not by the size.
        HttpResponse<String> answer = send("/secretariat/notices/1/attachments", body(11 * 1024 * 1024), false);
        assertThat(answer.statusCode()).isNotEqualTo(413).isLessThan(500);
    }

    private HttpResponse<String> send(String path, byte[] body, boolean chunked)
            throws IOException, InterruptedException {
        HttpRequest.BodyPublisher publisher = chunked
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                : HttpRequest.BodyPublishers.ofByteArray(body);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(publisher)
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A multipart form with one PDF-looking file of {@code size} bytes. */
    private static byte[] body(int size) {
        byte[] head = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.pdf\"\r\n"
                        + "Content-Type: application/pdf\r\n\r\n%PDF-1.4\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] body = Arrays.copyOf(head, size + head.length + tail.length);
        System.arraycopy(tail, 0, body, body.length - tail.length, tail.length);
        return body;
    }
}
