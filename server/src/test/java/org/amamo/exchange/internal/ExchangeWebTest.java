package org.amamo.exchange.internal;

import static org.amamo.testing.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
import org.amamo.registry.CreditIssuance;
import org.amamo.registry.CreditType;
import org.amamo.registry.InitialHolder;
import org.amamo.registry.IssuanceRequest;
import org.amamo.registry.IssuanceResult;
import org.amamo.registry.MarketSettlement;
import org.amamo.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The exchange's pages in Japanese and English: the secretariat creates an instrument and approves a trader on its
 * page, a holder enters a sell order (its credits go into escrow) and cancels it (they come back) on theirs, a bad
 * order is shown again with the refusal at its field, and the public sees the instruments and each one's depth.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({TestUsers.class, ExchangeTestCalendar.class})
class ExchangeWebTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    CreditIssuance issuance;

    @Autowired
    MarketSettlement registry;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void aTuesdayAfternoon() {
        ExchangeTestCalendar.CLOCK.setTokyo("2027-01-05T13:00:00");
    }

    /** The instrument of JBC seaweed-farming removals: found, or created on the secretariat's page. */
    private long instrument(AmamoPrincipal secretariat) throws Exception {
        List<Long> found = jdbc.sql("SELECT id FROM exchange_instrument WHERE ecosystem_group = 'none' "
                        + "AND credit_type = 'REMOVAL' AND programme_code = 'JBC'")
                .query(Long.class)
                .list();
        if (!found.isEmpty()) {
            return found.get(0);
        }
        mvc.perform(post("/secretariat/exchange/instruments")
                        .with(as(secretariat))
                        .with(csrf())
                        .param("programmeCode", "JBC")
                        .param("creditType", "REMOVAL")
                        .param("ecosystemGroup", "none")
                        .param("referencePriceJpy", "2,000"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/secretariat/exchange"));
        return jdbc.sql("SELECT id FROM exchange_instrument WHERE ecosystem_group = 'none' AND credit_type = 'REMOVAL' "
                        + "AND programme_code = 'JBC'")
                .query(Long.class)
                .single();
    }

    @Test
    void theSecretariatManagesInstrumentsAndTradersOnItsPageAndOthersMayNot() throws Exception {
        AmamoPrincipal secretariat = users.create(Role.SECRETARIAT);
        long id = instrument(secretariat);
        mvc.perform(post("/secretariat/exchange/instruments")
                        .with(as(secretariat))
                        .with(csrf())
                        .param("programmeCode", "JBC")
                        .param("creditType", "REMOVAL")
                        .param("ecosystemGroup", "mangrove")
                        .param("referencePriceJpy", "12.5"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("基準値段は1円以上")));
        mvc.perform(get("/secretariat/exchange").with(as(secretariat)).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Exchange administration")))
                .andExpect(content().string(containsString("id=\"suspend-" + id + "\"")));

        AmamoPrincipal holder = users.create(Role.HOLDER);
        mvc.perform(post("/secretariat/exchange/traders")
                        .with(as(secretariat))
                        .with(csrf())
                        .param("email", holder.email()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/secretariat/exchange").with(as(secretariat)))
                .andExpect(content().string(containsString("id=\"revoke-" + holder.userId() + "\"")));
        mvc.perform(post("/secretariat/exchange/traders")
                        .with(as(secretariat))
                        .with(csrf())
                        .param("email", "nobody@example.invalid"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("利用者が見つかりません")));

        mvc.perform(get("/secretariat/exchange").with(as(holder))).andExpect(status().isForbidden());
        mvc.perform(post("/secretariat/exchange/instruments/{id}/suspend", id)
                        .with(as(holder))
                        .with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void aHolderEntersAndCancelsASellOrderOnTheirPageAndTheCreditsGoToEscrowAndBack() throws Exception {
        AmamoPrincipal secretariat = users.create(Role.SECRETARIAT);
        long id = instrument(secretariat);
        AmamoPrincipal holder = users.create(Role.HOLDER);
        IssuanceResult issued = issuance.issue(new IssuanceRequest(
                901,
                "0901",
                "アマモ場 0901",
                "JBC",
                2025,
                "JBE-2.3",
                CreditType.REMOVAL,
                "JBE",
                500,
                List.of(InitialHolder.user(holder.userId(), "100")),
                "exchange-web-test-0901"));
        long account = issued.allocations().get(0).accountId();
        String holding = account + ":" + issued.batchId();

        mvc.perform(post("/account/exchange/orders")
                        .with(as(holder))
                        .with(csrf())
                        .param("instrumentId", String.valueOf(id))
                        .param("side", "SELL")
                        .param("limitPriceJpy", "1500.5")
                        .param("tradingUnits", "5")
                        .param("validity", "DAY")
                        .param("holding", holding))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("指値は1円単位の整数")));
        assertThat(registry.unitsOfBatch(account, issued.batchId())).isEqualTo(500);

        mvc.perform(post("/account/exchange/orders")
                        .with(as(holder))
                        .with(csrf())
                        .param("instrumentId", String.valueOf(id))
                        .param("side", "SELL")
                        .param("limitPriceJpy", "１５００")
                        .param("tradingUnits", "20")
                        .param("validity", "GTC")
                        .param("holding", holding))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/account/exchange"));
        assertThat(registry.unitsOfBatch(account, issued.batchId())).isEqualTo(300);
        long orderId = jdbc.sql("SELECT MAX(id) FROM exchange_order WHERE user_id = ?")
                .param(holder.userId())
                .query(Long.class)
                .single();

        mvc.perform(get("/account/exchange").with(as(holder)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"order-" + orderId + "\"")))
                .andExpect(content().string(containsString("20.0 t-CO2")));
        mvc.perform(get("/account/exchange").with(as(holder)).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("My orders")))
                .andExpect(content().string(containsString("Buy orders need the secretariat")));
        mvc.perform(get("/exchange/instruments/{id}", id))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("1,500")))
                .andExpect(content().string(not(containsString(holder.fullName()))));

        AmamoPrincipal other = users.create(Role.HOLDER);
        mvc.perform(post("/account/exchange/orders/{id}/cancel", orderId)
                        .with(as(other))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/account/exchange/orders/{id}", orderId)
                        .with(as(holder))
                        .with(csrf())
                        .param("limitPriceJpy", "1500")
                        .param("tradingUnits", "15"))
                .andExpect(status().is3xxRedirection());
        assertThat(registry.unitsOfBatch(account, issued.batchId())).isEqualTo(350);
        ExchangeTestCalendar.CLOCK.setTokyo("2027-01-05T15:00:00");
        mvc.perform(post("/account/exchange/orders/{id}/cancel", orderId)
                        .with(as(holder))
                        .with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("注文受付時間外")));
        ExchangeTestCalendar.CLOCK.setTokyo("2027-01-06T09:00:00");
        mvc.perform(post("/account/exchange/orders/{id}/cancel", orderId)
                        .with(as(holder))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(registry.unitsOfBatch(account, issued.batchId())).isEqualTo(500);
    }

    @Test
    void thePublicSeesTheInstrumentsTheirLimitsAndTheCalendarInBothLanguages() throws Exception {
        long id = instrument(users.create(Role.SECRETARIAT));
        mvc.perform(get("/exchange"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"instrument-" + id + "\"")))
                .andExpect(content().string(containsString("いま注文を受け付けています")))
                .andExpect(content().string(containsString("2027-01-05 15:00")));
        mvc.perform(get("/exchange").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Trading hours")));
        mvc.perform(get("/exchange/instruments/{id}", 999_999)).andExpect(status().isNotFound());
    }
}
