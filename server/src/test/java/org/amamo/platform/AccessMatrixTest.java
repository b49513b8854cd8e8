package org.amamo.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
import org.amamo.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every state-changing endpoint, for anonymous visitors and for a user of each role: allowed, or refused
 * (403, 401 for the API, a redirect to the login page for web pages). "Allowed" means the request got
 * past authorisation; it may still be a 400 or 404 because the test sends no meaningful body. A new
 * endpoint that is missing from the table fails {@link #theTableCoversEveryStateChangingEndpoint()}.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestUsers.class)
class AccessMatrixTest {

    static final Set<Role> SECRETARIAT = EnumSet.of(Role.SECRETARIAT, Role.ADMINISTRATOR);
    static final Set<Role> SIGNED_IN = EnumSet.allOf(Role.class);
    static final Set<Role> APPLICANT = EnumSet.of(Role.APPLICANT);
    /** Both sides of a pre-consultation; whether the user takes part in a given one is checked in the service. */
    static final Set<Role> CONSULTATION_PARTIES = EnumSet.of(Role.APPLICANT, Role.SECRETARIAT, Role.ADMINISTRATOR);
    /** Buyers in solicitation rounds: users with the holder role (保有者 / 購入者). */
    static final Set<Role> BUYER = EnumSet.of(Role.HOLDER);

    /** Who may call each endpoint; {@code null} marks an endpoint open to anonymous visitors too. */
    static final Map<String, Set<Role>> ALLOWED = Map.ofEntries(
            Map.entry("POST /register", SIGNED_IN),
            Map.entry("POST /login/code", SIGNED_IN),
            Map.entry("POST /password/forgot", SIGNED_IN),
            Map.entry("POST /password/reset", SIGNED_IN),
            Map.entry("POST /email/confirm", SIGNED_IN),
            Map.entry("POST /account/email/resend", SIGNED_IN),
            Map.entry("POST /account/email/change", SIGNED_IN),
            Map.entry("POST /account/two-factor", SIGNED_IN),
            Map.entry("POST /account/two-factor/verify", SIGNED_IN),
            Map.entry("POST /account/two-factor/recovery-codes", SIGNED_IN),
            Map.entry("POST /account/two-factor/disable", SIGNED_IN),
            Map.entry("POST /secretariat/users/{id}/two-factor/reset", EnumSet.of(Role.ADMINISTRATOR)),
            Map.entry("POST /admin/mail/{id}/retry", EnumSet.of(Role.ADMINISTRATOR)),
            Map.entry("POST /secretariat/claims/determinations", SECRETARIAT),
            Map.entry("POST /api/v1/claims/check", SECRETARIAT),
            Map.entry("POST /api/v1/claims/determinations", SECRETARIAT),
            Map.entry("POST /account/tokens", SIGNED_IN),
            Map.entry("POST /account/tokens/{id}/revoke", SIGNED_IN),
            Map.entry("POST /secretariat/users/{id}/roles", SECRETARIAT),
            Map.entry("POST /secretariat/users/{id}/enabled", SECRETARIAT),
            Map.entry("POST /secretariat/notices", SECRETARIAT),
            Map.entry("POST /secretariat/notices/{id}", SECRETARIAT),
            Map.entry("POST /secretariat/notices/{id}/delete", SECRETARIAT),
            Map.entry("POST /secretariat/notices/{id}/attachments", SECRETARIAT),
            Map.entry("POST /secretariat/notices/{id}/attachments/{attachmentId}/delete", SECRETARIAT),
            Map.entry("PUT /api/v1/users/{id}/roles", SECRETARIAT),
            Map.entry("PUT /api/v1/users/{id}/enabled", SECRETARIAT),
            Map.entry("POST /api/v1/notices", SECRETARIAT),
            Map.entry("PUT /api/v1/notices/{id}", SECRETARIAT),
            Map.entry("DELETE /api/v1/notices/{id}", SECRETARIAT),
            Map.entry("POST /consultations", APPLICANT),
            Map.entry("POST /consultations/{id}/messages", CONSULTATION_PARTIES),
            Map.entry("POST /consultations/{id}/withdraw", APPLICANT),
            Map.entry("POST /secretariat/consultations/{id}/close", SECRETARIAT),
            Map.entry("POST /api/v1/consultations", APPLICANT),
            Map.entry("POST /api/v1/consultations/{id}/messages", CONSULTATION_PARTIES),
            Map.entry("POST /api/v1/consultations/{id}/withdraw", APPLICANT),
            Map.entry("POST /api/v1/consultations/{id}/close", SECRETARIAT),
            // Registry: owners act on their own accounts (the service answers 403 for someone else's, see
            // RegistryRoleMatrixTest); the secretariat decides accounts, issues and cancels.
            Map.entry("POST /api/v1/registry/accounts", SIGNED_IN),
            Map.entry("POST /api/v1/registry/accounts/{id}/approve", SECRETARIAT),
            Map.entry("POST /api/v1/registry/accounts/{id}/reject", SECRETARIAT),
            Map.entry("POST /api/v1/registry/accounts/{id}/close", SECRETARIAT),
            Map.entry("POST /api/v1/registry/issuances", SECRETARIAT),
            Map.entry("POST /api/v1/registry/transfers", SIGNED_IN),
            Map.entry("POST /api/v1/registry/retirements", SIGNED_IN),
            Map.entry("POST /api/v1/registry/cancellations", SECRETARIAT),
            Map.entry("POST /api/v1/registry/reversals", SECRETARIAT),
            Map.entry("POST /account/registry/request", SIGNED_IN),
            Map.entry("POST /account/registry/accounts/{id}/transfer", SIGNED_IN),
            Map.entry("POST /account/registry/accounts/{id}/retire", SIGNED_IN),
            Map.entry("POST /secretariat/registry/accounts/{id}/approve", SECRETARIAT),
            Map.entry("POST /secretariat/registry/accounts/{id}/reject", SECRETARIAT),
            Map.entry("POST /secretariat/registry/accounts/{id}/close", SECRETARIAT),
            Map.entry("POST /secretariat/registry/issue", SECRETARIAT),
            Map.entry("POST /secretariat/registry/cancel", SECRETARIAT),
            Map.entry("POST /secretariat/registry/reversals", SECRETARIAT),
            Map.entry("POST /applications", EnumSet.of(Role.APPLICANT)),
            Map.entry("POST /applications/{id}/edit", SIGNED_IN),
            Map.entry("POST /applications/{id}/calculate", SIGNED_IN),
            Map.entry("POST /applications/{id}/site/check", SIGNED_IN),
            Map.entry("POST /applications/{id}/attachments", SIGNED_IN),
            Map.entry("POST /applications/{id}/site", SIGNED_IN),
            Map.entry("POST /applications/{id}/actions/{action}", SIGNED_IN),
            // The review's moves share the path of the workflow's (the review module answers them); the service
            // answers 403 to anyone but the secretariat (START_REVIEW) or an assigned reviewer (CERTIFY, REJECT).
            Map.entry("POST /applications/{id}/actions/START_REVIEW", SIGNED_IN),
            Map.entry("POST /applications/{id}/actions/CERTIFY", SIGNED_IN),
            Map.entry("POST /applications/{id}/actions/REJECT", SIGNED_IN),
            Map.entry("POST /applications/{id}/fee", SECRETARIAT),
            Map.entry("POST /applications/{id}/hearing", SECRETARIAT),
            Map.entry("POST /applications/{id}/hearing/schedule", SECRETARIAT),
            Map.entry("POST /applications/{id}/reviewers", SECRETARIAT),
            Map.entry("POST /applications/{id}/public-comment", SECRETARIAT),
            Map.entry("POST /applications/{id}/review", EnumSet.of(Role.REVIEWER)),
            Map.entry("POST /applications/{id}/quality-assessment", EnumSet.of(Role.REVIEWER)),
            Map.entry("POST /applications/{id}/continue", EnumSet.of(Role.APPLICANT)),
            // Take-over (引継ぎ): an applicant requests, the secretariat decides; the project's new owner continues.
            Map.entry("POST /projects/takeovers", APPLICANT),
            Map.entry("POST /projects/{id}/continue", APPLICANT),
            Map.entry("POST /secretariat/takeovers/{id}/approve", SECRETARIAT),
            Map.entry("POST /secretariat/takeovers/{id}/refuse", SECRETARIAT),
            Map.entry("POST /projects/{id}/proceeds", APPLICANT),
            Map.entry("POST /admin/programmes/{code}/partners", EnumSet.of(Role.ADMINISTRATOR)),
            Map.entry(
                    "POST /admin/programmes/{code}/partners/{municipalityCode}/delete", EnumSet.of(Role.ADMINISTRATOR)),
            Map.entry("POST /admin/programmes/{code}/municipalities", EnumSet.of(Role.ADMINISTRATOR)),
            Map.entry("POST /projects/{id}/comments", SIGNED_IN),
            Map.entry("POST /account/notifications/read", SIGNED_IN),
            Map.entry("POST /account/notification-mail", SIGNED_IN),
            Map.entry("POST /account/sessions/{handle}/end", SIGNED_IN),
            Map.entry("POST /api/v1/applications", EnumSet.of(Role.APPLICANT)),
            Map.entry("PUT /api/v1/applications/{id}/form", SIGNED_IN),
            Map.entry("POST /api/v1/applications/{id}/actions/{action}", SIGNED_IN),
            Map.entry("POST /api/v1/applications/{id}/actions/START_REVIEW", SIGNED_IN),
            Map.entry("POST /api/v1/applications/{id}/actions/CERTIFY", SIGNED_IN),
            Map.entry("POST /api/v1/applications/{id}/actions/REJECT", SIGNED_IN),
            Map.entry("POST /secretariat/statistics/history", SECRETARIAT),
            Map.entry("POST /admin/programmes/{code}", EnumSet.of(Role.ADMINISTRATOR)),
            Map.entry("POST /admin/programmes/{code}/committee", EnumSet.of(Role.ADMINISTRATOR)),
            Map.entry("POST /admin/programmes/{code}/fee", EnumSet.of(Role.ADMINISTRATOR)),
            Map.entry("POST /admin/programmes/{code}/buffer", EnumSet.of(Role.ADMINISTRATOR)),
            Map.entry("POST /admin/programmes/{code}/committee/{userId}/delete", EnumSet.of(Role.ADMINISTRATOR)),
            Map.entry("POST /secretariat/programmes/history", SECRETARIAT),
            Map.entry("POST /secretariat/statistics/history/{year}/delete", SECRETARIAT),
            // Market: the secretariat runs rounds; buyers (the holder role) bid; any signed-in user may consign and
            // report trades from their own accounts and confirm payment as a seller (the services answer 403 for
            // someone else's account, bid or allocation, see MarketRoundTest).
            Map.entry("POST /secretariat/market/rounds", SECRETARIAT),
            Map.entry("POST /secretariat/market/rounds/{id}/open", SECRETARIAT),
            Map.entry("POST /secretariat/market/rounds/{id}/close", SECRETARIAT),
            Map.entry("POST /secretariat/market/rounds/{id}/allocate", SECRETARIAT),
            Map.entry("POST /secretariat/market/allocations/{id}/lapse", SECRETARIAT),
            Map.entry("POST /account/market/rounds/{id}/consign", SIGNED_IN),
            Map.entry("POST /account/market/rounds/{id}/bids", BUYER),
            Map.entry("POST /account/market/bids/{id}", BUYER),
            Map.entry("POST /account/market/bids/{id}/withdraw", BUYER),
            Map.entry("POST /account/market/allocations/{id}/confirm-payment", SIGNED_IN),
            Map.entry("POST /account/market/trades", SIGNED_IN),
            Map.entry("POST /api/v1/market/rounds", SECRETARIAT),
            Map.entry("POST /api/v1/market/rounds/{id}/open", SECRETARIAT),
            Map.entry("POST /api/v1/market/rounds/{id}/close", SECRETARIAT),
            Map.entry("POST /api/v1/market/rounds/{id}/allocate", SECRETARIAT),
            Map.entry("POST /api/v1/market/allocations/{id}/lapse", SECRETARIAT),
            Map.entry("POST /api/v1/market/rounds/{id}/consignments", SIGNED_IN),
            Map.entry("POST /api/v1/market/rounds/{id}/bids", BUYER),
            Map.entry("PUT /api/v1/market/bids/{id}", BUYER),
            Map.entry("DELETE /api/v1/market/bids/{id}", BUYER),
            Map.entry("POST /api/v1/market/allocations/{id}/payment", SIGNED_IN),
            Map.entry("POST /api/v1/market/trades", SIGNED_IN),
            Map.entry("POST /secretariat/exchange/instruments", SECRETARIAT),
            Map.entry("POST /secretariat/exchange/instruments/{id}/suspend", SECRETARIAT),
            Map.entry("POST /secretariat/exchange/instruments/{id}/reopen", SECRETARIAT),
            Map.entry("POST /secretariat/exchange/traders", SECRETARIAT),
            Map.entry("POST /secretariat/exchange/traders/{id}/revoke", SECRETARIAT),
            Map.entry("POST /account/exchange/orders", SIGNED_IN),
            Map.entry("POST /account/exchange/orders/{id}", SIGNED_IN),
            Map.entry("POST /account/exchange/orders/{id}/cancel", SIGNED_IN),
            Map.entry("POST /api/v1/exchange/instruments", SECRETARIAT),
            Map.entry("POST /api/v1/exchange/instruments/{id}/suspend", SECRETARIAT),
            Map.entry("POST /api/v1/exchange/instruments/{id}/reopen", SECRETARIAT),
            Map.entry("PUT /api/v1/exchange/traders/{userId}", SECRETARIAT),
            Map.entry("DELETE /api/v1/exchange/traders/{userId}", SECRETARIAT),
            Map.entry("POST /api/v1/exchange/instruments/{id}/orders", SIGNED_IN),
            Map.entry("PUT /api/v1/exchange/orders/{id}", SIGNED_IN),
            Map.entry("DELETE /api/v1/exchange/orders/{id}", SIGNED_IN),
            // A contract's buyer asks for retirement, its seller confirms payment: ownership is checked per contract.
            Map.entry("POST /account/exchange/contracts/{id}/retirement", SIGNED_IN),
            Map.entry("POST /account/exchange/contracts/{id}/retirement/withdraw", SIGNED_IN),
            Map.entry("POST /account/exchange/contracts/{id}/confirm-payment", SIGNED_IN),
            Map.entry("POST /secretariat/exchange/contracts/{id}/lapse", SECRETARIAT),
            Map.entry("PUT /api/v1/exchange/contracts/{id}/retirement", SIGNED_IN),
            Map.entry("DELETE /api/v1/exchange/contracts/{id}/retirement", SIGNED_IN),
            Map.entry("POST /api/v1/exchange/contracts/{id}/payment-confirmation", SIGNED_IN),
            Map.entry("POST /api/v1/exchange/contracts/{id}/lapse", SECRETARIAT));

    /** Endpoints anonymous visitors may call as well. */
    static final Set<String> ANONYMOUS_ALLOWED = Set.of(
            "POST /register",
            "POST /projects/{id}/comments",
            "POST /login/code",
            "POST /password/forgot",
            "POST /password/reset",
            "POST /email/confirm");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (String endpoint : new TreeSet<>(ALLOWED.keySet())) {
            cases.add(Arguments.of(endpoint, null));
            for (Role role : Role.values()) {
                cases.add(Arguments.of(endpoint, role));
            }
        }
        return cases.stream();
    }

    @Test
    void theTableCoversEveryStateChangingEndpoint() {
        Set<String> endpoints = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            for (RequestMethod verb : info.getMethodsCondition().getMethods()) {
                if (verb != RequestMethod.GET && verb != RequestMethod.HEAD && verb != RequestMethod.OPTIONS) {
                    info.getPatternValues().forEach(pattern -> endpoints.add(verb + " " + pattern));
                }
            }
        });
        assertThat(endpoints).isEqualTo(new TreeSet<>(ALLOWED.keySet()));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("cases")
    void onlyTheAllowedGetThrough(String endpoint, Role role) throws Exception {
        String[] parts = endpoint.split(" ", 2);
        String path = parts[1].replace("{id}", "999999")
                .replace("{action}", "SUBMIT")
                .replace("{year}", "1999")
                .replace("{code}", "JBC")
                .replace("{userId}", "999999")
                .replace("{municipalityCode}", "141003")
                .replace("{attachmentId}", "999999")
                .replace("{handle}", "0".repeat(32));
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(HttpMethod.valueOf(parts[0]), path)
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}");
        if (role != null) {
            AmamoPrincipal user = users.create(role);
            request.with(TestUsers.as(user));
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();

        boolean allowed = role == null
                ? ANONYMOUS_ALLOWED.contains(endpoint)
                : ALLOWED.get(endpoint).contains(role);
        if (allowed) {
            assertThat(refused(response, path))
                    .as("%s as %s: status %d", endpoint, role, response.getStatus())
                    .isFalse();
        } else {
            assertThat(refused(response, path))
                    .as("%s as %s: status %d", endpoint, role, response.getStatus())
                    .isTrue();
        }
    }

    private static boolean refused(MockHttpServletResponse response, String path) {
        if (path.startsWith("/api/")) {
            return response.getStatus() == 401 || response.getStatus() == 403;
        }
        String location = response.getRedirectedUrl();
        return response.getStatus() == 403 || (location != null && location.endsWith("/login"));
    }
}
