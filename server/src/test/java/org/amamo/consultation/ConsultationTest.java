package org.amamo.consultation;

import static org.amamo.testing.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
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
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.util.LinkedMultiValueMap;

/** Pre-consultation through the web pages and the REST API, on H2 and on PostgreSQL. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestUsers.class)
class ConsultationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    AmamoPrincipal applicant;
    AmamoPrincipal secretariat;

    @BeforeEach
    void people() {
        applicant = users.create(users.organisation("横浜市漁業協同組合 " + UUID.randomUUID()), Role.APPLICANT);
        secretariat = users.create(Role.SECRETARIAT);
    }

    /** 1 April of the last fiscal year that has ended: a period every rule accepts. */
    static LocalDate periodStart() {
        LocalDate today = LocalDate.now(SchemeTime.ZONE);
        return LocalDate.of(today.getMonthValue() >= 4 ? today.getYear() - 1 : today.getYear() - 2, 4, 1);
    }

    /** The web form, filled in correctly but for {@code overrides}: pairs of field name and value. */
    static MockHttpServletRequestBuilder form(String title, String... overrides) {
        LinkedMultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
        fields.add("title", title);
        fields.add("summary", "アマモの移植と藻場の調査");
        fields.add("prefecture", "14");
        fields.add("placeName", "横浜市金沢区 海の公園地先");
        fields.addAll("ecosystems", List.of("seagrass", "seaweed"));
        fields.add("periodStart", periodStart().toString());
        fields.add("periodEnd", periodStart().plusYears(1).minusDays(1).toString());
        for (int i = 0; i < overrides.length; i += 2) {
            fields.set(overrides[i], overrides[i + 1]);
        }
        return post("/consultations").with(csrf()).params(fields);
    }

    long open(AmamoPrincipal user, String title) throws Exception {
        String location = mvc.perform(form(title).with(as(user)))
                .andExpect(redirectedUrlPattern("/consultations/*"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    void message(AmamoPrincipal user, long id, String body) throws Exception {
        mvc.perform(post("/consultations/{id}/messages", id)
                        .with(as(user))
                        .with(csrf())
                        .param("body", body))
                .andExpect(redirectedUrl("/consultations/" + id));
    }

    String stored(long id) {
        return jdbc.sql("SELECT status FROM consultation WHERE id = ?")
                .param(id)
                .query(String.class)
                .single();
    }

    long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID();
    }

    static String json(String title) {
        return """
                {"title":"%s","summary":"干潟の保全","prefecture":"33","placeName":"岡山市 児島湾",
                 "ecosystems":["tidal-flat"],"continuation":true,"previousProject":"児島湾干潟プロジェクト",
                 "implementersChanged":false,"activitiesChanged":true,"activityChanges":"耕うんを始めた",
                 "periodStart":"%s","periodEnd":"%s"}
                """.formatted(title, periodStart(), periodStart().plusYears(2).minusDays(1));
    }

    @Test
    void anApplicantOpensAConsultationThatTheSecretariatAnswersUntilItIsClosed() throws Exception {
        String title = unique("海の公園アマモ場");
        long id = open(applicant, title);
        assertThat(stored(id)).isEqualTo("OPEN");
        mvc.perform(get("/consultations").with(as(applicant)))
                .andExpect(content().string(containsString(title)));
        mvc.perform(get("/secretariat/consultations").with(as(secretariat)))
                .andExpect(content().string(containsString(title)));

        message(secretariat, id, "面積の根拠資料を添付してください。");
        assertThat(stored(id)).isEqualTo("ANSWERED");
        mvc.perform(get("/consultations/{id}", id).with(as(applicant)))
                .andExpect(content().string(containsString("面積の根拠資料を添付してください。")))
                .andExpect(content().string(containsString("海草藻場")));
        message(applicant, id, "承知しました。");
        assertThat(stored(id)).isEqualTo("OPEN");

        mvc.perform(post("/secretariat/consultations/{id}/close", id)
                        .with(as(secretariat))
                        .with(csrf())
                        .param("confirmed", "yes")
                        .param("note", "申請をお待ちしています。"))
                .andExpect(redirectedUrl("/consultations/" + id));
        assertThat(stored(id)).isEqualTo("CLOSED");
        mvc.perform(get("/consultations/{id}", id).with(as(applicant)))
                .andExpect(content().string(containsString("申請をお待ちしています。")))
                .andExpect(content().string(not(containsString("id=\"message-form\""))));

        long messages = count("consultation_message");
        mvc.perform(post("/consultations/{id}/messages", id)
                        .with(as(applicant))
                        .with(csrf())
                        .param("body", "追伸"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasErrors("message"));
        assertThat(count("consultation_message")).isEqualTo(messages);
    }

    @Test
    void badInputIsAFieldErrorAndNothingIsStored() throws Exception {
        long before = count("consultation");
        mvc.perform(post("/consultations").with(as(applicant)).with(csrf()).param("periodStart", "someday"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors(
                                "form", "title", "summary", "prefecture", "placeName", "periodStart", "periodEnd"));
        mvc.perform(form(
                                "t",
                                "prefecture",
                                "48",
                                "ecosystems",
                                "coral",
                                "periodEnd",
                                periodStart().plusMonths(6).toString(),
                                "previousProject",
                                "前年")
                        .with(as(applicant)))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "prefecture", "consultation.prefecture.unknown"))
                .andExpect(model().attributeHasFieldErrorCode("form", "ecosystems", "consultation.ecosystems.unknown"))
                .andExpect(model().attributeHasFieldErrorCode("form", "periodEnd", "consultation.period.whole-years"))
                .andExpect(model().attributeHasFieldErrorCode(
                                "form", "continuation", "consultation.continuation.required-for-changes"));
        mvc.perform(form("t", "continuation", "true", "implementersChanged", "true")
                        .with(as(applicant)))
                .andExpect(model().attributeHasFieldErrorCode(
                                "form", "previousProject", "consultation.previous-project.required"))
                .andExpect(model().attributeHasFieldErrorCode(
                                "form", "implementerChanges", "consultation.changes.describe"));
        mvc.perform(form("x".repeat(201)).with(as(applicant)))
                .andExpect(model().attributeHasFieldErrorCode("form", "title", "Size"));
        assertThat(count("consultation")).isEqualTo(before);
    }

    @Test
    void onlyTheApplicantAndTheSecretariatSeeAConsultation() throws Exception {
        long id = open(applicant, unique("非公開の相談"));
        AmamoPrincipal other = users.create(Role.APPLICANT);
        AmamoPrincipal reviewer = users.create(Role.REVIEWER);
        for (AmamoPrincipal outsider : List.of(other, reviewer)) {
            mvc.perform(get("/consultations/{id}", id).with(as(outsider))).andExpect(status().isNotFound());
            mvc.perform(get("/api/v1/consultations/{id}", id).with(as(outsider)))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(get("/consultations/{id}", id)).andExpect(redirectedUrlPattern("**/login"));
        mvc.perform(get("/api/v1/consultations/{id}", id)).andExpect(status().isUnauthorized());
        mvc.perform(get("/consultations/{id}", id).with(as(secretariat))).andExpect(status().isOk());
        mvc.perform(get("/consultations").with(as(other))).andExpect(content().string(not(containsString("非公開の相談"))));

        long messages = count("consultation_message");
        mvc.perform(post("/consultations/{id}/messages", id)
                        .with(as(other))
                        .with(csrf())
                        .param("body", "覗き見"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/consultations/{id}/withdraw", id)
                        .with(as(other))
                        .with(csrf())
                        .param("confirmed", "yes"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/consultations/{id}/messages", id)
                        .with(as(other))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"body\":\"覗き見\"}"))
                .andExpect(status().isNotFound());
        assertThat(count("consultation_message")).isEqualTo(messages);
        assertThat(stored(id)).isEqualTo("OPEN");
    }

    @Test
    void theApplicantWithdrawsAndThenNothingMoreCanBeDone() throws Exception {
        long id = open(applicant, unique("取り下げる相談"));
        mvc.perform(post("/consultations/{id}/withdraw", id)
                        .with(as(applicant))
                        .with(csrf())
                        .param("confirmed", "yes"))
                .andExpect(redirectedUrl("/consultations/" + id));
        assertThat(stored(id)).isEqualTo("WITHDRAWN");
        mvc.perform(post("/api/v1/consultations/{id}/close", id)
                        .with(as(secretariat))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"note\":\"終了\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("$"));
        mvc.perform(post("/api/v1/consultations/{id}/messages", id)
                        .with(as(secretariat))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"body\":\"回答\"}"))
                .andExpect(status().isConflict());
        assertThat(stored(id)).isEqualTo("WITHDRAWN");
    }

    @Test
    void closingNeedsANote() throws Exception {
        long id = open(applicant, unique("終了コメント"));
        mvc.perform(post("/secretariat/consultations/{id}/close", id)
                        .with(as(secretariat))
                        .with(csrf())
                        .param("confirmed", "yes")
                        .param("note", " "))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("closing", "note"));
        mvc.perform(post("/api/v1/consultations/{id}/close", id)
                        .with(as(secretariat))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("note"));
        assertThat(stored(id)).isEqualTo("OPEN");
    }

    @Test
    void aThreadHoldsAtMostTwoHundredMessages() throws Exception {
        long id = open(applicant, unique("長いやりとり"));
        jdbc.sql("UPDATE consultation SET message_count = 199 WHERE id = ?")
                .param(id)
                .update();
        message(secretariat, id, "200件目");
        mvc.perform(post("/api/v1/consultations/{id}/messages", id)
                        .with(as(applicant))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"body\":\"201件目\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].message").value(containsString("200")));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM consultation_message WHERE consultation_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void theSecretariatListFiltersByStatusAndTextNewestActivityFirstInPages() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long first = open(applicant, "干潟 " + tag + " A");
        long second = open(applicant, "干潟 " + tag + " B");
        long third = open(applicant, "干潟 " + tag + " C");
        message(secretariat, first, "回答");

        String all = mvc.perform(
                        get("/secretariat/consultations").param("q", tag).with(as(secretariat)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(all.indexOf(tag + " A")).isLessThan(all.indexOf(tag + " C"));
        assertThat(all.indexOf(tag + " C")).isLessThan(all.indexOf(tag + " B"));

        mvc.perform(get("/api/v1/consultations")
                        .param("q", tag)
                        .param("status", "ANSWERED")
                        .with(as(secretariat)))
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].id").value(first));
        mvc.perform(get("/api/v1/consultations")
                        .param("q", tag.toUpperCase())
                        .param("size", "2")
                        .with(as(secretariat)))
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[1].id").value(third));
        mvc.perform(get("/api/v1/consultations")
                        .param("q", tag)
                        .param("size", "2")
                        .param("page", "1")
                        .with(as(secretariat)))
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].id").value(second));
        String organisation = jdbc.sql("SELECT o.name FROM organisation o"
                        + " JOIN user_account u ON u.organisation_id = o.id WHERE u.id = ?")
                .param(applicant.userId())
                .query(String.class)
                .single();
        mvc.perform(get("/api/v1/consultations").param("q", organisation).with(as(secretariat)))
                .andExpect(jsonPath("$", hasSize(3)));
        mvc.perform(get("/api/v1/consultations")
                        .param("q", "%")
                        .param("status", "WITHDRAWN")
                        .with(as(secretariat)))
                .andExpect(jsonPath("$", hasSize(0)));
        mvc.perform(get("/api/v1/consultations").param("q", "x".repeat(100)).with(as(secretariat)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/consultations").param("q", "x".repeat(101)).with(as(secretariat)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("q"));
        mvc.perform(get("/secretariat/consultations")
                        .param("status", "ANSWERED")
                        .param("q", tag)
                        .with(as(secretariat)))
                .andExpect(content().string(containsString(tag + " A")))
                .andExpect(content().string(not(containsString(tag + " B"))));
        mvc.perform(get("/secretariat/consultations").with(as(applicant))).andExpect(status().isForbidden());
    }

    @Test
    void theApiOpensListsAnswersAndClosesConsultations() throws Exception {
        String title = unique("児島湾の干潟");
        String body = mvc.perform(post("/api/v1/consultations")
                        .with(as(applicant))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json(title)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.ecosystems[0]").value("tidal-flat"))
                .andExpect(jsonPath("$.activityChanges").value("耕うんを始めた"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = Long.parseLong(body.replaceAll("^\\{\"id\":(\\d+).*", "$1").strip());

        mvc.perform(get("/api/v1/consultations").with(as(applicant)))
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].title").value(title));
        mvc.perform(get("/api/v1/consultations").with(as(users.create(Role.APPLICANT))))
                .andExpect(jsonPath("$", hasSize(0)));
        mvc.perform(post("/api/v1/consultations/{id}/messages", id)
                        .with(as(secretariat))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"body\":\"継続申請として受け付けます。\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ANSWERED"))
                .andExpect(jsonPath("$.messages[0].fromSecretariat").value(true));
        mvc.perform(get("/api/v1/consultations/{id}", id).with(as(applicant)))
                .andExpect(jsonPath("$.messages[0].body").value("継続申請として受け付けます。"));
        mvc.perform(post("/api/v1/consultations/{id}/close", id)
                        .with(as(secretariat))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"note\":\"申請へ進んでください。\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLOSED"))
                .andExpect(jsonPath("$.closeNote").value("申請へ進んでください。"));
    }

    @Test
    void theApiAnswersBadInputWithFieldErrorsAndStoresNothing() throws Exception {
        long before = count("consultation");
        mvc.perform(post("/api/v1/consultations")
                        .with(as(applicant))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json("").replace("\"33\"", "\"99\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("title"));
        mvc.perform(post("/api/v1/consultations")
                        .with(as(applicant))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json("t")
                                .replace("\"33\"", "\"99\"")
                                .replace("\"activitiesChanged\":true", "\"activitiesChanged\":false")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("prefecture"))
                .andExpect(jsonPath("$.errors[1].field").value("activityChanges"));
        mvc.perform(post("/api/v1/consultations")
                        .with(as(applicant))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"periodStart\":\"April\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("periodStart"));
        mvc.perform(post("/api/v1/consultations")
                        .with(as(secretariat))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json("t")))
                .andExpect(status().isForbidden());
        assertThat(count("consultation")).isEqualTo(before);
    }

    @Test
    void thePagesSpeakEnglishTooAndTheApiIsDescribed() throws Exception {
        long id = open(applicant, unique("english"));
        mvc.perform(get("/consultations/new").param("lang", "en").with(as(applicant)))
                .andExpect(content().string(containsString("Ask for a pre-consultation")))
                .andExpect(content().string(containsString("Kanagawa")));
        mvc.perform(get("/consultations/{id}", id).param("lang", "en").with(as(applicant)))
                .andExpect(content().string(containsString("Awaiting answer")))
                .andExpect(content().string(containsString("Seagrass bed")));
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/api/v1/consultations/{id}/messages")))
                .andExpect(content().string(containsString("Pre-consultations")));
    }
}
