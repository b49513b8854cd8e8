package org.amamo.application.internal;

import static org.amamo.testing.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
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
 * The application's attachment form: a file over the 10 MB limit, empty, or with a name that cannot be kept is an
 * error at the file field of the edit page shown again, with the purpose the applicant chose still chosen, and
 * nothing is stored.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestUsers.class)
class AttachmentUploadTest {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    DraftService drafts;

    @Autowired
    JdbcClient jdbc;

    AmamoPrincipal applicant;
    long id;

    @BeforeEach
    void aDraft() {
        applicant = users.create(users.organisation("漁協"), Role.APPLICANT, Role.HOLDER);
        id = drafts.create(applicant, "アマモ場");
    }

    @Test
    void aFileOverTenMegabytesIsAnErrorAtTheFileFieldAndThePurposeStaysChosen() throws Exception {
        upload("BASELINE", "survey.pdf", Arrays.copyOf(PDF, (int) AttachmentStore.MAX_BYTES + 1), "en")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"attachment-file-errors\"")))
                .andExpect(content().string(containsString("The file is too large. Choose a file of at most 10 MB.")))
                .andExpect(content().string(containsString("<option value=\"BASELINE\" selected=\"selected\"")));
        assertThat(stored()).isZero();
    }

    @Test
    void exactlyTenMegabytesAreStored() throws Exception {
        upload("OVERVIEW", "limit.pdf", Arrays.copyOf(PDF, (int) AttachmentStore.MAX_BYTES), null)
                .andExpect(status().is3xxRedirection());
        assertThat(stored()).isEqualTo(1);
    }

    @Test
    void aNameWithControlCharactersOrOverTheColumnSizeIsAnErrorAtTheFileField() throws Exception {
        for (String name : new String[] {"plan\u0000.pdf", "a".repeat(252) + ".pdf", "C:\\docs\\", " "}) {
            upload("AREA_BASIS", name, PDF, null)
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("ファイル名が使えません")))
                    .andExpect(content().string(containsString("<option value=\"AREA_BASIS\" selected=\"selected\"")));
        }
        assertThat(stored()).isZero();
    }

    @Test
    void aNameSentWithItsPathIsKeptWithoutThePath() throws Exception {
        upload("OVERVIEW", "C:\\Users\\hanako\\plan.pdf", PDF, null).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT filename FROM application_attachment WHERE application_id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("plan.pdf");
    }

    private ResultActions upload(String purpose, String filename, byte[] bytes, String lang) throws Exception {
        var request = multipart("/applications/{id}/attachments", id)
                .file(new MockMultipartFile("file", filename, "application/pdf", bytes))
                .param("purpose", purpose)
                .with(as(applicant))
                .with(csrf());
        if (lang != null) {
            request.param("lang", lang);
        }
        return mvc.perform(request);
    }

    private long stored() {
        return jdbc.sql("SELECT COUNT(*) FROM application_attachment WHERE application_id = ?")
                .param(id)
                .query(Long.class)
                .single();
    }
}
