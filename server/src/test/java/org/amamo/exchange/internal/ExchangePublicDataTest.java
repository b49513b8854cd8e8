package org.amamo.exchange.internal;

import static org.amamo.testing.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.amamo.exchange.internal.ExchangeRows.AuctionRow;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
import org.amamo.platform.SchemeTime;
import org.amamo.registry.CreditIssuance;
import org.amamo.registry.CreditType;
import org.amamo.registry.InitialHolder;
import org.amamo.registry.IssuanceRequest;
import org.amamo.registry.IssuanceResult;
import org.amamo.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The exchange's public market data: before an auction, the indicative price and volume (the call auction run on the
 * book as it stands) and the depth; after it, each auction's execution price, volume and contracts, or "no
 * execution", in the API, the CSV and the pages in Japanese and English; and the contracts' prices in the market's
 * published prices and the statistics, marked as the exchange's.
 *
 * <p>The book is example 1 of docs/exchange.md, entered on Tuesday 5 June 2029 (fiscal year 2029, which no other
 * test trades in) on the instrument of Yokohama (YBC) reduction credits without an ecosystem, which this test alone
 * uses: reference 1,000 yen, execution at 1,000 yen for 18 t-CO2 in four contracts.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({TestUsers.class, ExchangeTestCalendar.class})
class ExchangePublicDataTest {

    private static final String DAY = "2029-06-05";
    private static final int FISCAL_YEAR = 2029;
    private static final String PROJECT = "0951";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    CreditIssuance issuance;

    @Autowired
    AuctionRun auctionRun;

    @Autowired
    ObjectMapper json;

    private AmamoPrincipal secretariat;

    @BeforeEach
    void aTuesdayMorning() {
        ExchangeTestCalendar.CLOCK.setTokyo(DAY + "T10:00:00");
        secretariat = users.create(Role.SECRETARIAT);
    }

    @Test
    void theIndicativePriceIsTheRulesAndTheResultIsPublishedEverywhereWithTheExchangesPrices() throws Exception {
        long id = ybcInstrument();
        Seller seller = seller(230);
        AmamoPrincipal buyer = approvedBuyer();
        // Example 1, in its order of entry: buy 1, buy 2, sell 11, buy 3, buy 4, sell 12, sell 13.
        order(buyer, id, "BUY", 5, 1020, null);
        order(buyer, id, "BUY", 10, 1000, null);
        order(seller.user(), id, "SELL", 8, 970, seller);
        order(buyer, id, "BUY", 10, 1000, null);
        order(buyer, id, "BUY", 5, 980, null);
        order(seller.user(), id, "SELL", 10, 1000, seller);
        order(seller.user(), id, "SELL", 5, 1030, seller);

        mvc.perform(get("/api/v1/exchange/instruments/{id}/indicative", id))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.executes").value(true))
                .andExpect(jsonPath("$.priceJpy").value(1000))
                .andExpect(jsonPath("$.tradingUnits").value(18))
                .andExpect(jsonPath("$.referencePriceJpy").value(1000))
                .andExpect(jsonPath("$.lowerLimitJpy").value(100))
                .andExpect(jsonPath("$.upperLimitJpy").value(1900))
                .andExpect(
                        jsonPath("$.auctionAt").value(tokyo(DAY + "T11:30:00").toString()))
                .andExpect(jsonPath("$.buyOrders").value(4))
                .andExpect(jsonPath("$.buyTradingUnits").value(30))
                .andExpect(jsonPath("$.sellOrders").value(3))
                .andExpect(jsonPath("$.sellTradingUnits").value(23))
                .andExpect(jsonPath("$.depth.length()").value(5))
                .andExpect(jsonPath("$.depth[0].priceJpy").value(1030))
                .andExpect(jsonPath("$.depth[0].sellTradingUnits").value(5))
                .andExpect(jsonPath("$.depth[2].priceJpy").value(1000))
                .andExpect(jsonPath("$.depth[2].buyTradingUnits").value(20))
                .andExpect(jsonPath("$.depth[2].sellTradingUnits").value(10))
                .andExpect(jsonPath("$.depth[4].priceJpy").value(970))
                .andExpect(jsonPath("$.depth[4].buyTradingUnits").value(0))
                .andExpect(jsonPath("$.depth[4].sellTradingUnits").value(8));
        mvc.perform(get("/exchange/instruments/{id}", id))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<dd id=\"indicative-price\">1,000</dd>")))
                .andExpect(content().string(containsString("<dd id=\"indicative-volume\">18</dd>")))
                .andExpect(content().string(containsString("まだ板寄せは行われていません。")));
        mvc.perform(get("/exchange").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Indicative price (yen/t-CO2)")))
                .andExpect(content().string(containsString("<td class=\"indicative-price\">1,000</td>")));

        ExchangeTestCalendar.CLOCK.setTokyo(DAY + "T11:30:00");
        AuctionRow morning = auctionRun.run(id, tokyo(DAY + "T11:30:00")).orElseThrow();
        assertThat(morning.executionPriceJpy()).isEqualTo(1000L);
        ExchangeTestCalendar.CLOCK.setTokyo(DAY + "T15:00:00");
        // What is left (buy 3's 7 t at 1,000, buy 4's 5 t at 980, sell 13's 5 t at 1,030) does not cross.
        AuctionRow afternoon = auctionRun.run(id, tokyo(DAY + "T15:00:00")).orElseThrow();
        assertThat(afternoon.executionPriceJpy()).isNull();

        mvc.perform(get("/api/v1/exchange/results").param("instrumentId", String.valueOf(id)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].auctionId").value(afternoon.id()))
                .andExpect(jsonPath("$[0].executed").value(false))
                .andExpect(jsonPath("$[0].executionPriceJpy").isEmpty())
                .andExpect(jsonPath("$[0].executedTradingUnits").value(0))
                .andExpect(jsonPath("$[0].contracts").value(0))
                .andExpect(jsonPath("$[1].auctionId").value(morning.id()))
                .andExpect(jsonPath("$[1].instrumentId").value(id))
                .andExpect(jsonPath("$[1].programmeCode").value("YBC"))
                .andExpect(jsonPath("$[1].auctionAt")
                        .value(tokyo(DAY + "T11:30:00").toString()))
                .andExpect(jsonPath("$[1].tradingDay").value(DAY))
                .andExpect(jsonPath("$[1].executed").value(true))
                .andExpect(jsonPath("$[1].executionPriceJpy").value(1000))
                .andExpect(jsonPath("$[1].executedTradingUnits").value(18))
                .andExpect(jsonPath("$[1].contracts").value(4))
                .andExpect(jsonPath("$[1].buyOrders").value(4))
                .andExpect(jsonPath("$[1].sellTradingUnits").value(23))
                .andExpect(jsonPath("$[1].nextReferencePriceJpy").value(1000));
        mvc.perform(get("/api/v1/exchange/results"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.auctionId == " + morning.id() + ")].executionPriceJpy")
                        .value(1000));
        mvc.perform(get("/api/v1/exchange/instruments/{id}/indicative", id))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.executes").value(false))
                .andExpect(jsonPath("$.priceJpy").isEmpty())
                .andExpect(jsonPath("$.tradingUnits").value(0));

        List<String> csv = mvc.perform(get("/exchange/results.csv"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("text/csv;charset=UTF-8"))
                .andReturn()
                .getResponse()
                .getContentAsString()
                .lines()
                .toList();
        assertThat(csv.get(0))
                .isEqualTo("\uFEFFauction_id,instrument_id,programme_code,credit_type,ecosystem_group,auction_at,"
                        + "trading_day,executed,execution_price_jpy,executed_t_co2,contracts,reference_price_jpy,"
                        + "lower_limit_jpy,upper_limit_jpy,buy_orders,buy_t_co2,sell_orders,sell_t_co2,"
                        + "next_reference_price_jpy");
        assertThat(csv)
                .contains(
                        morning.id() + "," + id + ",YBC,reduction,none,2029-06-05T11:30:00+09:00,2029-06-05,true,1000,"
                                + "18.0,4,1000,100,1900,4,30.0,3,23.0,1000",
                        afternoon.id() + "," + id + ",YBC,reduction,none,2029-06-05T15:00:00+09:00,2029-06-05,false,,"
                                + "0.0,0,1000,100,1900,2,12.0,1,5.0,1000");

        mvc.perform(get("/exchange/instruments/{id}", id))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"auction-" + morning.id() + "\"")))
                .andExpect(content().string(containsString("<td class=\"execution-price\">1,000</td>")))
                .andExpect(content().string(containsString("<td class=\"execution-price\">約定なし</td>")))
                .andExpect(content().string(containsString("<td class=\"volume\">18</td>")))
                .andExpect(content().string(containsString("<td class=\"contracts\">4</td>")))
                .andExpect(content().string(containsString("id=\"exchange-chart\"")));
        mvc.perform(get("/exchange/instruments/{id}", id).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Auction results")))
                .andExpect(content().string(containsString("Execution price (yen/t-CO2)")))
                .andExpect(content().string(containsString("<td class=\"execution-price\">No execution</td>")))
                .andExpect(content().string(containsString("<dd id=\"indicative-price\">No execution</dd>")));
        mvc.perform(get("/exchange/results").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"auction-" + afternoon.id() + "\"")));
        mvc.perform(get("/exchange"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("2029-06-05 15:00：約定なし")));

        theExchangesPricesArePublishedBesideTheOthers();
    }

    /** The market's prices and the statistics show the four contracts as the exchange's, at 1,000 yen. */
    private void theExchangesPricesArePublishedBesideTheOthers() throws Exception {
        String exchange2029 = "$[?(@.source == 'EXCHANGE' && @.fiscalYear == " + FISCAL_YEAR + ")]";
        mvc.perform(get("/api/v1/market/prices"))
                .andExpect(status().isOk())
                .andExpect(jsonPath(exchange2029 + ".projectCode").value(PROJECT))
                .andExpect(jsonPath(exchange2029 + ".projectName").value("アマモ場 " + PROJECT))
                .andExpect(jsonPath(exchange2029 + ".trades").value(4))
                .andExpect(jsonPath(exchange2029 + ".creditUnits").value(180))
                .andExpect(jsonPath(exchange2029 + ".minimumPriceJpy").value(1000))
                .andExpect(jsonPath(exchange2029 + ".averagePriceJpy").value(1000))
                .andExpect(jsonPath(exchange2029 + ".maximumPriceJpy").value(1000));
        mvc.perform(get("/api/v1/market/prices/yearly"))
                .andExpect(status().isOk())
                .andExpect(jsonPath(exchange2029 + ".trades").value(4))
                .andExpect(jsonPath(exchange2029 + ".creditUnits").value(180))
                .andExpect(jsonPath(exchange2029 + ".averagePriceJpy").value(1000));
        mvc.perform(get("/market/prices"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<td>取引所</td>")));
        mvc.perform(get("/market/prices").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<td>Exchange</td>")));
        assertThat(mvc.perform(get("/market/prices.csv"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString()
                        .lines())
                .contains(FISCAL_YEAR + "," + PROJECT + ",アマモ場 " + PROJECT + ",exchange,4,18.0,1000,1000,1000");

        String system2029 = "$[?(@.fiscalYear == " + FISCAL_YEAR + " && @.imported == false)]";
        mvc.perform(get("/api/v1/statistics"))
                .andExpect(status().isOk())
                .andExpect(jsonPath(system2029 + ".exchangeAveragePriceJpy").value(1000));
        assertThat(mvc.perform(get("/statistics.csv"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString()
                        .lines())
                .anyMatch(line -> line.startsWith(FISCAL_YEAR + ",system,") && line.endsWith(",1000"));
        mvc.perform(get("/statistics"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("取引所の約定価格")))
                .andExpect(content().string(containsString("<td class=\"exchange-price\">1,000</td>")));
        mvc.perform(get("/statistics").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Exchange price (JPY/t-CO2)")));
    }

    @Test
    void unknownInstrumentsAndBadParametersAreRefusedWithoutAServerError() throws Exception {
        mvc.perform(get("/api/v1/exchange/instruments/{id}/indicative", 987_654_321L))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.errors[0].field").value("$"));
        mvc.perform(get("/api/v1/exchange/instruments/{id}/indicative", "abc")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/exchange/results").param("instrumentId", "987654321"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.errors[0].field").value("$"));
        mvc.perform(get("/api/v1/exchange/results").param("instrumentId", "abc"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/exchange/instruments/{id}", 987_654_321L)).andExpect(status().isNotFound());
        mvc.perform(get("/exchange/instruments/{id}", "abc")).andExpect(status().isBadRequest());
    }

    // ---- fixtures

    record Seller(AmamoPrincipal user, long accountId, long batchId) {}

    private static Instant tokyo(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SchemeTime.ZONE).toInstant();
    }

    /** The instrument of YBC reduction credits without an ecosystem, created at a reference price of 1,000 yen. */
    private long ybcInstrument() throws Exception {
        Map<String, Object> body = new HashMap<>();
        body.put("programmeCode", "YBC");
        body.put("creditType", "REDUCTION");
        body.put("ecosystemGroup", "none");
        body.put("referencePriceJpy", "1000");
        return read(mvc.perform(post("/api/v1/exchange/instruments")
                                .with(as(secretariat))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(json.writeValueAsString(body)))
                        .andExpect(status().isCreated()))
                .get("id")
                .asLong();
    }

    /** A holder with {@code units} registry units of a YBC reduction batch issued for no certified application. */
    private Seller seller(long units) {
        AmamoPrincipal user = users.create(Role.HOLDER);
        IssuanceResult issued = issuance.issue(new IssuanceRequest(
                951,
                PROJECT,
                "アマモ場 " + PROJECT,
                "YBC",
                2028,
                "yokohama-2019",
                CreditType.REDUCTION,
                "横浜市",
                units,
                List.of(InitialHolder.user(user.userId(), "100")),
                "exchange-public-data-" + PROJECT));
        assertThat(issued.refusals()).isEmpty();
        return new Seller(user, issued.allocations().get(0).accountId(), issued.batchId());
    }

    private AmamoPrincipal approvedBuyer() throws Exception {
        AmamoPrincipal buyer = users.create(Role.HOLDER);
        mvc.perform(put("/api/v1/exchange/traders/{userId}", buyer.userId()).with(as(secretariat)))
                .andExpect(status().isOk());
        return buyer;
    }

    /** A day order, entered (201); a sell order's units come from the seller's batch. */
    private void order(AmamoPrincipal user, long instrumentId, String side, long units, long price, Seller seller)
            throws Exception {
        Map<String, Object> body = new HashMap<>();
        body.put("side", side);
        body.put("tradingUnits", units);
        body.put("limitPriceJpy", price);
        body.put("validity", "DAY");
        if (seller != null) {
            body.put("fromAccountId", seller.accountId());
            body.put("batchId", seller.batchId());
        }
        mvc.perform(post("/api/v1/exchange/instruments/{id}/orders", instrumentId)
                        .with(as(user))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(body)))
                .andExpect(status().isCreated());
    }

    private JsonNode read(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }
}
