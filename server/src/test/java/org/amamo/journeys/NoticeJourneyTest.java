package org.amamo.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.UUID;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
import org.amamo.platform.SchemeTime;
import org.amamo.testing.BrowserJourney;
import org.amamo.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Seed 002's notice with the operation manual in a real browser: the secretariat finds the notice by its title in
 * お知らせ管理 and attaches the manual as a PDF; a visitor finds the notice by its title in the public list, and the
 * notice's link to the PDF downloads it as a PDF.
 */
class NoticeJourneyTest extends BrowserJourney {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    JdbcClient jdbc;

    @Test
    void theSecretariatAttachesTheManualAndAVisitorFindsTheNoticeAndDownloadsIt() throws Exception {
        AmamoPrincipal secretariat = users.create(Role.SECRETARIAT);
        String title = "操作マニュアルについて " + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("""
                INSERT INTO notice (title, body_markdown, publish_start, created_by, created_at, updated_at)
                VALUES (?, '本システムの「ユーザー向け操作マニュアル」を公開しました。', ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""")
                .params(
                        title,
                        LocalDateTime.of(2003, 8, 17, 16, 0)
                                .atZone(SchemeTime.ZONE)
                                .toOffsetDateTime(),
                        secretariat.userId())
                .update();
        Path manual = Files.createTempFile("manual", ".pdf");
        Files.write(manual, PDF);

        browser.logIn(secretariat.email(), TestUsers.PASSWORD);
        browser.open("/secretariat/notices");
        browser.type("#q", title);
        browser.click("#notice-search-submit");
        assertThat(browser.count("#notice-admin-table tbody tr")).isEqualTo(1);
        browser.click("#notice-admin-table tbody a");
        browser.find("#attachment-file").sendKeys(manual.toAbsolutePath().toString());
        browser.click("#notice-attachment-upload");
        assertThat(browser.text(".flash")).contains("ファイルを添付しました");
        assertThat(browser.text("#notice-attachment-table"))
                .contains(manual.getFileName().toString(), "PDF");
        browser.screenshot("notice-attachment-edit");
        browser.logOut();

        browser.open("/notices");
        browser.type("#q", title.substring("操作マニュアルについて ".length()));
        browser.click("#notice-search-submit");
        assertThat(browser.count("#notice-list li")).isEqualTo(1);
        browser.click("#notice-list a");
        String href = browser.find("#notice-attachments a").getDomAttribute("href");
        assertThat(href).matches("/notices/\\d+/attachments/\\d+");
        browser.screenshot("notice-attachment-public");

        HttpResponse<byte[]> download = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + href))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment;");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(download.body()).isEqualTo(PDF);
    }
}
