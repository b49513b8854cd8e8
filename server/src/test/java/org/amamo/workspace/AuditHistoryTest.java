package org.amamo.workspace;

import static org.amamo.testing.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
import org.amamo.platform.AuditTrail;
import org.amamo.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The audit history: a change of roles, of an account's being enabled, of a fee rule or of a review committee is
 * recorded with who made it, when, before and after, and shown in the page's language; the secretariat sees the
 * changes of users, an administrator every change.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestUsers.class)
class AuditHistoryTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    AuditTrail audit;

    @Test
    void aRoleChangeIsRecordedWithWhoWhenBeforeAndAfter() throws Exception {
        AmamoPrincipal administrator = users.create(Role.ADMINISTRATOR);
        AmamoPrincipal target = users.create(Role.APPLICANT);
        mvc.perform(post("/secretariat/users/" + target.userId() + "/roles")
                        .with(as(administrator))
                        .with(csrf())
                        .param("roles", "APPLICANT", "REVIEWER"))
                .andExpect(status().is3xxRedirection());

        AuditTrail.Event event = latest(target.email());
        assertThat(event.kind()).isEqualTo(AuditTrail.Kind.ROLES);
        assertThat(event.actorEmail()).isEqualTo(administrator.email());
        assertThat(event.before()).isEqualTo("APPLICANT");
        assertThat(event.after()).isEqualTo("APPLICANT,REVIEWER");
        assertThat(event.occurredAt()).isNotNull();

        String english = page(administrator, "en");
        String row = row(english, target.email());
        assertThat(row).contains(administrator.email(), "Roles", "Applicant", "Reviewer");
        assertThat(row(page(administrator, "ja"), target.email())).contains("役割", "申請者", "審査認証委員");
    }

    @Test
    void savingTheSameRolesRecordsNothing() throws Exception {
        AmamoPrincipal secretariat = users.create(Role.SECRETARIAT);
        AmamoPrincipal target = users.create(Role.HOLDER);
        mvc.perform(post("/secretariat/users/" + target.userId() + "/roles")
                .with(as(secretariat))
                .with(csrf())
                .param("roles", "HOLDER"));
        assertThat(events(target.email())).isEmpty();
    }

    @Test
    void disablingAnAccountIsRecordedAndTheSecretariatSeesIt() throws Exception {
        AmamoPrincipal secretariat = users.create(Role.SECRETARIAT);
        AmamoPrincipal target = users.create(Role.APPLICANT);
        mvc.perform(post("/secretariat/users/" + target.userId() + "/enabled")
                .with(as(secretariat))
                .with(csrf())
                .param("enabled", "false")
                .param("confirmed", "yes"));
        AuditTrail.Event event = latest(target.email());
        assertThat(event.kind()).isEqualTo(AuditTrail.Kind.ACCOUNT);
        assertThat(List.of(event.before(), event.after())).containsExactly("ENABLED", "DISABLED");
        assertThat(row(page(secretariat, "en"), target.email())).contains("enabled", "disabled");
    }

    @Test
    void feeAndCommitteeChangesAreShownToTheAdministratorOnly() throws Exception {
        AmamoPrincipal administrator = users.create(Role.ADMINISTRATOR);
        AmamoPrincipal reviewer = users.create(Role.REVIEWER);
        mvc.perform(post("/admin/programmes/JBC/fee")
                        .with(as(administrator))
                        .with(csrf())
                        .param("feeFlatYen", "123457")
                        .param("feePerTonneYen", "89"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/admin/programmes/JBC/committee")
                        .with(as(administrator))
                        .with(csrf())
                        .param("userId", Long.toString(reviewer.userId())))
                .andExpect(status().is3xxRedirection());

        AuditTrail.Event fee = events("JBC").stream()
                .filter(e -> e.kind() == AuditTrail.Kind.FEE)
                .findFirst()
                .orElseThrow();
        assertThat(fee.after()).isEqualTo("123457;89");
        AuditTrail.Event committee = latest(reviewer.email());
        assertThat(committee.kind()).isEqualTo(AuditTrail.Kind.COMMITTEE);
        assertThat(List.of(committee.before(), committee.after())).containsExactly("", "MEMBER");

        String english = page(administrator, "en");
        assertThat(english).contains("flat 123,457 yen + 89 yen per t-CO2");
        assertThat(row(english, reviewer.email())).contains("Review committee", "not a member", "member");
        String secretariatPage = page(users.create(Role.SECRETARIAT), "en");
        assertThat(secretariatPage).doesNotContain("123,457").doesNotContain(reviewer.email());
    }

    @Test
    void onlyStaffWhoManageUsersSeeTheHistory() throws Exception {
        mvc.perform(get("/secretariat/audit").with(as(users.create(Role.REVIEWER))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/secretariat/audit").with(as(users.create(Role.APPLICANT))))
                .andExpect(status().isForbidden());
    }

    private List<AuditTrail.Event> events(String subjectPart) {
        return audit.recent(EnumSet.allOf(AuditTrail.Kind.class)).stream()
                .filter(e -> e.subject().contains(subjectPart))
                .toList();
    }

    private AuditTrail.Event latest(String subjectPart) {
        List<AuditTrail.Event> found = events(subjectPart);
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private String page(AmamoPrincipal viewer, String language) throws Exception {
        return mvc.perform(get("/secretariat/audit").with(as(viewer)).param("lang", language))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** The table row of the history whose subject names {@code subjectPart}. */
    private static String row(String page, String subjectPart) {
        int at = page.indexOf(subjectPart, page.indexOf("id=\"audit-history\""));
        assertThat(at).isPositive();
        return page.substring(page.lastIndexOf("<tr", at), page.indexOf("</tr>", at));
    }
}
