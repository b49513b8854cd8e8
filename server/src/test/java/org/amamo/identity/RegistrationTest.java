package org.amamo.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@SpringBootTest
@AutoConfigureMockMvc
class RegistrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    static MockHttpServletRequestBuilder organisation(String email, String corporateNumber) {
        return registration("ORGANISATION", email, corporateNumber).param("organisationName", "横浜ブルーカーボン協議会");
    }

    static MockHttpServletRequestBuilder registration(String kind, String email, String corporateNumber) {
        return post("/register")
                .with(csrf())
                .param("kind", kind)
                .param("corporateNumber", corporateNumber)
                .param("title", "事務局長")
                .param("fullName", "海野 藻子")
                .param("address", "神奈川県横浜市中区本町1-1")
                .param("phone", "045-123-4567")
                .param("email", email)
                .param("password", "a long enough password")
                .param("passwordConfirmation", "a long enough password");
    }

    static String uniqueEmail() {
        return "org-" + UUID.randomUUID() + "@example.jp";
    }

    static String validCorporateNumber() {
        String base =
                String.format("%012d", Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 1_000_000_000_000L));
        return CorporateNumber.checkDigit(base) + base;
    }

    long users() {
        return jdbc.sql("SELECT COUNT(*) FROM user_account").query(Long.class).single();
    }

    @Test
    void registersAnOrganisationWithAValidCorporateNumberAndLetsItLogIn() throws Exception {
        String email = uniqueEmail();
        String number = validCorporateNumber();
        mvc.perform(organisation(email, number)).andExpect(redirectedUrl("/login"));

        assertThat(jdbc.sql("""
                SELECT o.corporate_number FROM user_account u JOIN organisation o ON o.id = u.organisation_id
                 WHERE u.email = ?""").param(email).query(String.class).single()).isEqualTo(number);
        assertThat(jdbc.sql("SELECT role FROM user_role r JOIN user_account u ON u.id = r.user_id WHERE u.email = ?")
                        .param(email)
                        .query(String.class)
                        .list())
                .containsExactlyInAnyOrder("APPLICANT", "HOLDER");
        mvc.perform(formLogin().user(email.toUpperCase()).password("a long enough password"))
                .andExpect(authenticated());
    }

    @Test
    void rejectsAnInvalidCorporateNumberAndStoresNothing() throws Exception {
        long before = users();
        mvc.perform(organisation(uniqueEmail(), "1000012050002"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "corporateNumber", "ValidCorporateNumber"));
        assertThat(users()).isEqualTo(before);
    }

    @Test
    void listsEveryMissingFieldAtOnce() throws Exception {
        long before = users();
        mvc.perform(post("/register").with(csrf()).param("kind", "ORGANISATION"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors(
                                "form",
                                "fullName",
                                "organisationName",
                                "address",
                                "phone",
                                "email",
                                "password",
                                "passwordConfirmation"));
        assertThat(users()).isEqualTo(before);
    }

    @Test
    void rejectsADuplicateEmailCaseInsensitivelyAndAMismatchedConfirmation() throws Exception {
        String email = uniqueEmail();
        mvc.perform(organisation(email, "")).andExpect(redirectedUrl("/login"));
        long before = users();
        mvc.perform(organisation(email.toUpperCase(), "").param("passwordConfirmation", "something else entirely"))
                .andExpect(model().attributeHasFieldErrorCode("form", "email", "registration.email.taken"))
                .andExpect(model().attributeHasFieldErrorCode(
                                "form", "passwordConfirmation", "registration.password.mismatch"));
        assertThat(users()).isEqualTo(before);
    }

    @Test
    void refusesASecondOrganisationWithTheSameCorporateNumber() throws Exception {
        String number = validCorporateNumber();
        mvc.perform(organisation(uniqueEmail(), number)).andExpect(redirectedUrl("/login"));
        mvc.perform(organisation(uniqueEmail(), number))
                .andExpect(model().attributeHasFieldErrorCode(
                                "form", "corporateNumber", "registration.corporate-number.taken"));
    }

    @Test
    void anIndividualNeedsNoOrganisationButMayNotGiveACorporateNumber() throws Exception {
        mvc.perform(registration("INDIVIDUAL", uniqueEmail(), validCorporateNumber()))
                .andExpect(model().attributeHasFieldErrorCode(
                                "form", "corporateNumber", "registration.corporate-number.individual"));
        mvc.perform(registration("INDIVIDUAL", uniqueEmail(), "")).andExpect(redirectedUrl("/login"));
    }

    @Test
    void wrongPasswordDoesNotLogIn() throws Exception {
        String email = uniqueEmail();
        mvc.perform(organisation(email, "")).andExpect(redirectedUrl("/login"));
        mvc.perform(formLogin().user(email).password("not the password"))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error=failed"));
    }
}
