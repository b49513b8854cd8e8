package org.amamo.notice;

import static org.amamo.testing.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Arrays;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
import org.amamo.platform.SchemeTime;
import org.amamo.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Files attached to a notice: PDF, PNG or JPEG recognised by their content, at most 10 MB each and 10 per notice,
 * uploaded and deleted by the secretariat only, served as downloads, and to the public only while published.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestUsers.class)
class NoticeAttachmentTest {

    static final long MAX_BYTES = 10L * 1024 * 1024;
    static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16};

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    AmamoPrincipal secretariat;

    @BeforeEach
    void secretariat() {
        secretariat = users.create(Role.SECRETARIAT);
    }

    long notice(LocalDateTime startJst) {
        jdbc.sql("""
                INSERT INTO notice (title, body_markdown, publish_start, created_by, created_at, updated_at)
                VALUES ('操作マニュアルについて', 'body', ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""")
                .params(startJst.atZone(SchemeTime.ZONE).toOffsetDateTime(), secretariat.userId())
                .update();
        return jdbc.sql("SELECT MAX(id) FROM notice").query(Long.class).single();
    }

    /** A published notice, dated long ago so that it does not push other tests' notices off the first page. */
    long published() {
        return notice(LocalDateTime.of(2002, 1, 1, 9, 0));
    }

    ResultActions upload(long notice, AmamoPrincipal user, String filename, String declaredType, byte[] bytes)
            throws Exception {
        return mvc.perform(multipart("/secretariat/notices/{id}/attachments", notice)
                .file(new MockMultipartFile("file", filename, declaredType, bytes))
                .with(as(user))
                .with(csrf()));
    }

    long attachments(long notice) {
        return jdbc.sql("SELECT COUNT(*) FROM notice_attachment WHERE notice_id = ?")
                .param(notice)
                .query(Long.class)
                .single();
    }

    long attachmentId(long notice) {
        return jdbc.sql("SELECT MAX(id) FROM notice_attachment WHERE notice_id = ?")
                .param(notice)
                .query(Long.class)
                .single();
    }

    @Test
    void aPublishedNoticesPdfIsListedAndServedAsADownload() throws Exception {
        long notice = published();
        upload(notice, secretariat, "ユーザー向け操作マニュアル.pdf", "application/pdf", PDF)
                .andExpect(redirectedUrl("/secretariat/notices/" + notice + "/edit"));
        long id = attachmentId(notice);

        mvc.perform(get("/notices/{id}", notice))
                .andExpect(content().string(containsString("/notices/" + notice + "/attachments/" + id)))
                .andExpect(content().string(containsString("ユーザー向け操作マニュアル.pdf")));
        mvc.perform(get("/notices/{id}/attachments/{aid}", notice, id))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", containsString("attachment;")))
                .andExpect(header().string("Content-Disposition", containsString(".pdf")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(content().bytes(PDF));
        mvc.perform(get("/secretariat/notices/{id}/edit", notice).with(as(secretariat)))
                .andExpect(content().string(containsString("/secretariat/notices/" + notice + "/attachments/" + id)));
        mvc.perform(get("/api/v1/notices/{id}/attachments", notice))
                .andExpect(jsonPath("$[0].contentType").value("application/pdf"))
                .andExpect(jsonPath("$[0].sizeBytes").value(PDF.length));
    }

    @Test
    void theTypeComesFromTheContentNotTheNameOrTheDeclaredType() throws Exception {
        long notice = published();
        upload(notice, secretariat, "manual.png", "image/png", PDF).andExpect(status().is3xxRedirection());
        mvc.perform(get("/notices/{id}/attachments/{aid}", notice, attachmentId(notice)))
                .andExpect(header().string("Content-Type", "application/pdf"));
        upload(notice, secretariat, "map.png", "application/octet-stream", PNG).andExpect(status().is3xxRedirection());
        mvc.perform(get("/notices/{id}/attachments/{aid}", notice, attachmentId(notice)))
                .andExpect(header().string("Content-Type", "image/png"));
        upload(notice, secretariat, "photo.jpg", "image/jpeg", JPEG).andExpect(status().is3xxRedirection());
        assertThat(attachments(notice)).isEqualTo(3);
    }

    @Test
    void aTextFileNamedPdfIsAnErrorAtTheFileFieldAndNothingIsStored() throws Exception {
        long notice = published();
        upload(notice, secretariat, "manual.pdf", "application/pdf", "<html>not a pdf</html>".getBytes())
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("upload", "file", "notice.attachment.type.refused"))
                .andExpect(content().string(containsString("PDF、PNG、JPEGのファイルを選んでください")));
        upload(notice, secretariat, "empty.pdf", "application/pdf", new byte[0])
                .andExpect(model().attributeHasFieldErrorCode("upload", "file", "notice.attachment.size"));
        assertThat(attachments(notice)).isZero();
    }

    @Test
    void aFileNameThatCannotBeKeptIsAnErrorAtTheFileFieldAndNothingIsStored() throws Exception {
        long notice = published();
        for (String name : new String[] {"manual\u0007.pdf", "m".repeat(256) + ".pdf", "/tmp/", ".."}) {
            upload(notice, secretariat, name, "application/pdf", PDF)
                    .andExpect(status().isOk())
                    .andExpect(model().attributeHasFieldErrorCode("upload", "file", "upload.name.invalid"))
                    .andExpect(content().string(containsString("ファイル名が使えません")));
        }
        assertThat(attachments(notice)).isZero();
    }

    @Test
    void tenMegabytesAreAcceptedAndOneByteMoreIsRefused() throws Exception {
        long notice = published();
        byte[] atLimit = Arrays.copyOf(PDF, (int) MAX_BYTES);
        upload(notice, secretariat, "limit.pdf", "application/pdf", atLimit).andExpect(status().is3xxRedirection());
        byte[] over = Arrays.copyOf(PDF, (int) MAX_BYTES + 1);
        upload(notice, secretariat, "over.pdf", "application/pdf", over)
                .andExpect(model().attributeHasFieldErrorCode("upload", "file", "notice.attachment.size"));
        assertThat(attachments(notice)).isEqualTo(1);
    }

    @Test
    void aNoticeTakesTenFilesAndNotAnEleventh() throws Exception {
        long notice = published();
        for (int i = 0; i < 10; i++) {
            upload(notice, secretariat, i + ".png", "image/png", PNG).andExpect(status().is3xxRedirection());
        }
        upload(notice, secretariat, "11.png", "image/png", PNG)
                .andExpect(model().attributeHasFieldErrorCode("upload", "file", "notice.attachment.limit"));
        assertThat(attachments(notice)).isEqualTo(10);
    }

    @Test
    void thePublicCannotDownloadAScheduledNoticesAttachmentButTheSecretariatCan() throws Exception {
        long notice = notice(LocalDateTime.now(SchemeTime.ZONE).plusDays(2));
        upload(notice, secretariat, "manual.pdf", "application/pdf", PDF).andExpect(status().is3xxRedirection());
        long id = attachmentId(notice);
        mvc.perform(get("/notices/{id}/attachments/{aid}", notice, id)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/notices/{id}/attachments", notice)).andExpect(status().isNotFound());
        mvc.perform(get("/secretariat/notices/{id}/attachments/{aid}", notice, id))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/secretariat/notices/{id}/attachments/{aid}", notice, id)
                        .with(as(secretariat)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"));
    }

    @Test
    void onlyTheSecretariatUploadsAndDeletes() throws Exception {
        long notice = published();
        AmamoPrincipal applicant = users.create(Role.APPLICANT);
        upload(notice, applicant, "manual.pdf", "application/pdf", PDF).andExpect(status().isForbidden());
        mvc.perform(multipart("/secretariat/notices/{id}/attachments", notice)
                        .file(new MockMultipartFile("file", "manual.pdf", "application/pdf", PDF))
                        .with(as(secretariat)))
                .andExpect(status().isForbidden());
        assertThat(attachments(notice)).isZero();

        upload(notice, secretariat, "manual.pdf", "application/pdf", PDF).andExpect(status().is3xxRedirection());
        long id = attachmentId(notice);
        mvc.perform(post("/secretariat/notices/{id}/attachments/{aid}/delete", notice, id)
                        .with(as(applicant))
                        .with(csrf())
                        .param("confirmed", "yes"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/secretariat/notices/{id}/attachments/{aid}/delete", notice, id)
                        .with(as(secretariat))
                        .with(csrf())
                        .param("confirmed", "yes"))
                .andExpect(redirectedUrl("/secretariat/notices/" + notice + "/edit"));
        assertThat(attachments(notice)).isZero();
        mvc.perform(get("/notices/{id}/attachments/{aid}", notice, id)).andExpect(status().isNotFound());
    }

    @Test
    void deletingANoticeDeletesItsAttachments() throws Exception {
        long notice = published();
        upload(notice, secretariat, "manual.pdf", "application/pdf", PDF).andExpect(status().is3xxRedirection());
        mvc.perform(post("/secretariat/notices/{id}/delete", notice)
                        .with(as(secretariat))
                        .with(csrf())
                        .param("confirmed", "yes"))
                .andExpect(status().is3xxRedirection());
        assertThat(attachments(notice)).isZero();
    }
}
