package org.amamo.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
import org.amamo.registry.internal.RegistryFixture.Holder;
import org.amamo.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Every state-changing registry endpoint, called with a meaningful request by an anonymous caller and by a user of
 * each role who does not own the account concerned: the secretariat's endpoints answer only the secretariat and
 * administrators; moving credits answers only the account's owner, whatever their roles (the secretariat too is
 * refused); anonymous callers get 401. An allowed call succeeds (2xx); a refused one changes nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(RegistryFixture.class)
class RegistryRoleMatrixTest {

    static final Set<Role> SECRETARIAT = EnumSet.of(Role.SECRETARIAT, Role.ADMINISTRATOR);
    static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);
    static final Set<Role> OWNER_ONLY = EnumSet.noneOf(Role.class);

    enum Endpoint {
        REQUEST_ACCOUNT(EVERYONE),
        APPROVE(SECRETARIAT),
        REJECT(SECRETARIAT),
        CLOSE(SECRETARIAT),
        ISSUE(SECRETARIAT),
        TRANSFER(OWNER_ONLY),
        RETIRE(OWNER_ONLY),
        CANCEL(SECRETARIAT);

        final Set<Role> allowed;

        Endpoint(Set<Role> allowed) {
            this.allowed = allowed;
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    RegistryFixture fixture;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint endpoint : Endpoint.values()) {
            cases.add(Arguments.of(endpoint, null));
            for (Role role : Role.values()) {
                cases.add(Arguments.of(endpoint, role));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("cases")
    void onlyTheAllowedChangeTheRegistry(Endpoint endpoint, Role role) throws Exception {
        MockHttpServletRequestBuilder request = request(endpoint);
        AmamoPrincipal caller = role == null ? null : fixture.users.create(role);
        if (caller != null) {
            request.with(TestUsers.as(caller));
        }
        long entries = entries();
        int status = mvc.perform(request).andReturn().getResponse().getStatus();

        if (role == null) {
            assertThat(status).as("%s anonymously", endpoint).isEqualTo(401);
        } else if (endpoint.allowed.contains(role)) {
            assertThat(status).as("%s as %s", endpoint, role).isBetween(200, 299);
        } else {
            assertThat(status).as("%s as %s", endpoint, role).isEqualTo(403);
        }
        if (status >= 400) {
            assertThat(entries()).as("journal unchanged").isEqualTo(entries);
        }
    }

    @Test
    void theOwnerMovesTheirOwnCreditsWhateverTheirRoles() throws Exception {
        Holder owner = fixture.holder();
        Holder other = fixture.holder();
        fixture.issue(2024, 20, owner);
        mvc.perform(RegistryApiTest.transfer(owner, owner.accountId(), other.accountId(), 5))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status()
                        .isCreated());
        mvc.perform(RegistryApiTest.retire(owner, owner.accountId(), 5, "x"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status()
                        .isCreated());
        fixture.assertLedgerSound();
    }

    private MockHttpServletRequestBuilder request(Endpoint endpoint) {
        return switch (endpoint) {
            case REQUEST_ACCOUNT -> json("/api/v1/registry/accounts", "{}");
            case APPROVE -> json("/api/v1/registry/accounts/" + requestedAccount() + "/approve", "");
            case REJECT -> json("/api/v1/registry/accounts/" + requestedAccount() + "/reject", "");
            case CLOSE -> json("/api/v1/registry/accounts/" + fixture.holder().accountId() + "/close", "");
            case ISSUE -> {
                Holder holder = fixture.holder();
                yield json(
                        "/api/v1/registry/issuances",
                        "{\"projectId\":1,\"projectCode\":\"0101\",\"projectName\":"
                                + "\"p\",\"programmePrefix\":\"JBC\",\"vintage\":2024,\"methodologyVersion\":\"JBE-2.3\","
                                + "\"creditType\":\"REMOVAL\",\"certifier\":\"c\",\"creditUnits\":10,\"holders\":[{\"userId\":"
                                + holder.user().userId() + ",\"sharePercent\":100}]}");
            }
            case TRANSFER -> {
                Holder from = fixture.holder();
                Holder to = fixture.holder();
                fixture.issue(2024, 10, from);
                yield json(
                        "/api/v1/registry/transfers",
                        "{\"fromAccountId\":" + from.accountId() + ",\"toAccountId\":" + to.accountId()
                                + ",\"creditUnits\":1}");
            }
            case RETIRE -> {
                Holder from = fixture.holder();
                fixture.issue(2024, 10, from);
                yield json(
                        "/api/v1/registry/retirements",
                        "{\"fromAccountId\":" + from.accountId()
                                + ",\"creditUnits\":1,\"beneficiary\":\"b\",\"purpose\":\"OTHER\",\"emissionsOffset\":\"e\"}");
            }
            case CANCEL -> {
                String range =
                        fixture.issue(2024, 10, fixture.holder()).lines().get(0).serialRange();
                yield json("/api/v1/registry/cancellations", "{\"serialRange\":\"" + range + "\",\"reason\":\"r\"}");
            }
        };
    }

    private long requestedAccount() {
        AmamoPrincipal user = fixture.users.create(Role.HOLDER);
        return fixture.desk.request(Actor.of(user), false).value();
    }

    private static MockHttpServletRequestBuilder json(String path, String body) {
        return post(path).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private long entries() {
        return jdbc.sql("SELECT COUNT(*) FROM registry_journal_entry")
                .query(Long.class)
                .single();
    }
}
