package org.amamo.market.internal;

import static org.amamo.testing.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
import org.amamo.registry.CreditIssuance;
import org.amamo.registry.CreditType;
import org.amamo.registry.InitialHolder;
import org.amamo.registry.IssuanceRequest;
import org.amamo.registry.IssuanceResult;
import org.amamo.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/** The market's pages: a bid refused on the form with its reason, a non-buyer told why, a bid changed on the page. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestUsers.class)
class MarketWebTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    CreditIssuance issuance;

    @Autowired
    Rounds rounds;

    @Autowired
    MarketStore store;

    @Autowired
    Clock clock;

    private long openRound(AmamoPrincipal secretariat) {
        AmamoPrincipal seller = users.create(Role.HOLDER);
        int project = 9000 + (int) (System.nanoTime() % 900);
        IssuanceResult issued = issuance.issue(new IssuanceRequest(
                project,
                Integer.toString(project),
                "干潟の保全",
                "JBC",
                2025,
                "JBE-2.3",
                CreditType.REMOVAL,
                "JBE",
                200,
                List.of(InitialHolder.user(seller.userId(), "100")),
                "web-test-" + project));
        long id = rounds.create(
                        secretariat,
                        new Rounds.RoundTerms(
                                "公募",
                                "要領",
                                new BigDecimal("10000"),
                                clock.instant().minusSeconds(60),
                                clock.instant().plus(Duration.ofDays(1)),
                                14))
                .value();
        assertThat(rounds.consign(seller, id, issued.allocations().get(0).accountId(), issued.batchId(), 200, null)
                        .refusals())
                .isEmpty();
        assertThat(rounds.open(secretariat, id).refusals()).isEmpty();
        return id;
    }

    @Test
    void refusesABidBelowTheMinimumOnTheFormAndAChangedBidTakesItsNewTerms() throws Exception {
        AmamoPrincipal secretariat = users.create(Role.SECRETARIAT);
        AmamoPrincipal buyer = users.create(Role.HOLDER);
        long id = openRound(secretariat);
        String page = mvc.perform(post("/account/market/rounds/{id}/bids", id)
                        .with(as(buyer))
                        .with(csrf())
                        .param("projectCode", "")
                        .param("tonnes", "1.5")
                        .param("priceJpy", "9999")
                        .param("purpose", "CORPORATE"))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("priceJpy-errors").contains("10000");
        mvc.perform(post("/account/market/rounds/{id}/bids", id)
                        .with(as(buyer))
                        .with(csrf())
                        .param("projectCode", "")
                        .param("tonnes", "1.55")
                        .param("priceJpy", "12000")
                        .param("purpose", "CORPORATE"))
                .andExpect(status().isBadRequest());
        assertThat(store.activeBids(id)).isEmpty();

        mvc.perform(post("/account/market/rounds/{id}/bids", id)
                        .with(as(buyer))
                        .with(csrf())
                        .param("projectCode", "")
                        .param("tonnes", "1.5")
                        .param("priceJpy", "12000")
                        .param("purpose", "CORPORATE"))
                .andExpect(status().is3xxRedirection());
        long bidId = store.activeBids(id).get(0).id();
        String round = mvc.perform(get("/market/rounds/{id}", id).with(as(buyer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(round).contains("change-" + bidId).contains("withdraw-" + bidId);
        mvc.perform(post("/account/market/bids/{id}", bidId)
                        .with(as(buyer))
                        .with(csrf())
                        .param("projectCode", "")
                        .param("purpose", "CORPORATE")
                        .param("retireAtOnce", "false")
                        .param("discloseName", "false")
                        .param("tonnes", "2.0")
                        .param("priceJpy", "13000"))
                .andExpect(status().is3xxRedirection());
        assertThat(store.bid(bidId).orElseThrow().creditUnits()).isEqualTo(20);
        assertThat(store.bid(bidId).orElseThrow().priceJpy()).isEqualByComparingTo("13000");

        AmamoPrincipal other = users.create(Role.HOLDER);
        mvc.perform(post("/account/market/bids/{id}/withdraw", bidId)
                        .with(as(other))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(store.bid(bidId).orElseThrow().active()).isTrue();
    }

    @Test
    void tellsANonBuyerWhyTheyCannotBidAndShowsEveryMarketPage() throws Exception {
        AmamoPrincipal secretariat = users.create(Role.SECRETARIAT);
        long id = openRound(secretariat);
        AmamoPrincipal applicant = users.create(Role.APPLICANT);
        mvc.perform(post("/account/market/rounds/{id}/bids", id)
                        .with(as(applicant))
                        .with(csrf())
                        .param("tonnes", "1.0")
                        .param("priceJpy", "12000")
                        .param("purpose", "CORPORATE"))
                .andExpect(status().isForbidden())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("購入者")));
        mvc.perform(get("/market/rounds/{id}", id).with(as(applicant)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("not-buyer")));
        for (String path : List.of("/market", "/market/prices", "/market/prices.csv", "/account/market")) {
            mvc.perform(get(path).with(as(applicant))).andExpect(status().isOk());
        }
        mvc.perform(get("/secretariat/market").with(as(secretariat))).andExpect(status().isOk());
        mvc.perform(get("/secretariat/market/rounds/{id}", id).with(as(secretariat)))
                .andExpect(status().isOk());
        mvc.perform(get("/market/rounds/{id}?lang=en", id))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Allocation rule")));
    }
}
