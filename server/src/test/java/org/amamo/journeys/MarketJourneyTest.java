package org.amamo.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
import org.amamo.platform.SchemeTime;
import org.amamo.registry.CreditIssuance;
import org.amamo.registry.CreditType;
import org.amamo.registry.InitialHolder;
import org.amamo.registry.IssuanceRequest;
import org.amamo.registry.IssuanceResult;
import org.amamo.testing.BrowserJourney;
import org.amamo.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 7's journey in a real browser: a holder consigns credits, the secretariat opens a round, two buyers bid
 * (one bid below the minimum price is refused first), the round closes and is allocated by the rule, the seller
 * confirms payment, the credits arrive (one buyer's retired at once, with a retirement certificate), and the results,
 * prices and statistics show the sale.
 */
class MarketJourneyTest extends BrowserJourney {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final AtomicInteger PROJECTS = new AtomicInteger(7000);

    @Autowired
    CreditIssuance issuance;

    @Test
    void consignOpenBidAllocatePaySettleAndPublish() throws Exception {
        AmamoPrincipal seller = users.create(Role.APPLICANT, Role.HOLDER);
        AmamoPrincipal retiringBuyer = users.create(Role.HOLDER);
        AmamoPrincipal holdingBuyer = users.create(Role.HOLDER);
        AmamoPrincipal secretariat = users.create(Role.SECRETARIAT);
        int project = PROJECTS.incrementAndGet();
        String code = Integer.toString(project);
        IssuanceResult issued = issuance.issue(new IssuanceRequest(
                project,
                code,
                "大村湾 アマモ場再生",
                "JBC",
                2025,
                "JBE-2.3",
                CreditType.REMOVAL,
                "JBE",
                1000,
                List.of(InitialHolder.user(seller.userId(), "100")),
                "journey-" + code));
        assertThat(issued.refusals()).isEmpty();

        // The secretariat drafts a round.
        browser.logIn(secretariat.email(), TestUsers.PASSWORD);
        browser.open("/secretariat/market");
        browser.type("#title", "2025年度 第3回 購入者公募");
        browser.type("#rules", "価格優先、同一価格で不足する場合は按分します。");
        browser.type("#minimumPriceJpy", "10000");
        LocalDateTime now = LocalDateTime.now(SchemeTime.ZONE);
        browser.set("#opensAt", now.minusMinutes(5).format(LOCAL));
        browser.set("#closesAt", now.plusDays(7).format(LOCAL));
        browser.type("#paymentDays", "14");
        browser.click("#round-submit");
        String roundPath = browser.path();
        assertThat(roundPath).startsWith("/secretariat/market/rounds/");
        String roundId = roundPath.substring(roundPath.lastIndexOf('/') + 1);
        browser.logOut();

        // The holder consigns 100.0 t: they move to the round's escrow.
        browser.logIn(seller.email(), TestUsers.PASSWORD);
        browser.open("/account/market");
        browser.type("#tonnes-" + roundId, "100.0");
        browser.click("#consign-submit-" + roundId);
        assertThat(browser.text(".flash")).contains("委託しました");
        assertThat(browser.text("#consignments")).contains("100.0");
        browser.logOut();

        // The secretariat opens the round: it is announced.
        browser.logIn(secretariat.email(), TestUsers.PASSWORD);
        browser.open(roundPath);
        browser.click("#round-open");
        browser.waitForText("#round-status", "公募中");
        browser.logOut();
        browser.open("/market");
        assertThat(browser.text("#rounds")).contains("2025年度 第3回 購入者公募");

        // The first buyer bids below the minimum (refused, nothing recorded), then for the project, retiring at once.
        browser.logIn(retiringBuyer.email(), TestUsers.PASSWORD);
        browser.open("/market/rounds/" + roundId);
        browser.select("#projectCode", code);
        browser.type("#tonnes", "60.0");
        browser.type("#priceJpy", "9000");
        browser.click("#bid-submit");
        assertThat(browser.text("#priceJpy-errors")).contains("最低価格");
        assertThat(browser.present("#my-bids")).isFalse();
        browser.screenshot("market-bid-below-minimum");
        browser.type("#priceJpy", "15000");
        browser.click("#retireAtOnce1");
        browser.type("#beneficiary", "株式会社みなと物流");
        browser.type("#emissionsOffset", "2025年度 本社の電力使用");
        browser.click("#discloseName1");
        browser.click("#bid-submit");
        assertThat(browser.text(".flash")).contains("入札を受け付けました");
        assertThat(browser.text("#my-bids")).contains("60.0").contains("15,000");
        browser.logOut();

        // The second buyer bids for any project at a lower price.
        browser.logIn(holdingBuyer.email(), TestUsers.PASSWORD);
        browser.open("/market/rounds/" + roundId);
        browser.type("#tonnes", "50.0");
        browser.type("#priceJpy", "12000");
        browser.click("#bid-submit");
        assertThat(browser.text(".flash")).contains("入札を受け付けました");
        assertThat(browser.text("#my-bids")).doesNotContain("60.0");
        browser.logOut();

        // The secretariat closes and allocates: 60.0 t at 15,000 first, the remaining 40.0 t at 12,000.
        browser.logIn(secretariat.email(), TestUsers.PASSWORD);
        browser.open(roundPath);
        browser.click("#round-close");
        browser.confirm();
        browser.waitForText("#round-status", "締切");
        browser.click("#round-allocate");
        browser.confirm();
        browser.waitForText("#round-status", "割当済み");
        String allocations = browser.text("#round-allocations");
        assertThat(allocations)
                .contains("60.0")
                .contains("900,000")
                .contains("40.0")
                .contains("480,000");
        browser.screenshot("market-allocations");
        browser.logOut();

        // The seller confirms both payments; the registry delivers and retires.
        browser.logIn(seller.email(), TestUsers.PASSWORD);
        browser.open("/account/market");
        browser.click("#allocations button[id^='confirm-payment-']");
        assertThat(browser.text(".flash")).contains("入金を確認しました");
        browser.click("#allocations button[id^='confirm-payment-']");
        assertThat(browser.text(".flash")).contains("入金を確認しました");
        assertThat(browser.present("#allocations button[id^='confirm-payment-']"))
                .isFalse();
        assertThat(browser.text("#allocations")).contains("引渡し済み");
        browser.logOut();

        // The first buyer's credits were retired at once: a retirement record with a certificate.
        browser.logIn(retiringBuyer.email(), TestUsers.PASSWORD);
        browser.open("/account/market");
        String certificate = browser.find(".retirement-certificate").getDomProperty("href");
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(certificate)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        browser.click(".retirement-link");
        assertThat(browser.pageText()).contains("株式会社みなと物流").contains("60.0");
        browser.logOut();

        // The second buyer's 40.0 t arrived in a holding account opened for them.
        browser.logIn(holdingBuyer.email(), TestUsers.PASSWORD);
        browser.open("/account/market");
        browser.click(".buyer-account");
        browser.waitForText("#balance", "40.0");
        browser.logOut();

        // Results, prices and statistics show the sale: VWAP (60 x 15,000 + 40 x 12,000) / 100 = 13,800.
        browser.open("/market/rounds/" + roundId);
        assertThat(browser.text("#round-status")).isEqualTo("精算済み");
        assertThat(browser.text("#results-sold")).isEqualTo("100.0");
        assertThat(browser.text("#results-bids")).isEqualTo("2");
        assertThat(browser.text("#results-projects"))
                .contains("12,000")
                .contains("13,800")
                .contains("15,000");
        assertThat(browser.text("#results-named")).contains("60.0");
        browser.screenshot("market-results");
        browser.open("/market/prices");
        assertThat(browser.text("#prices")).contains("大村湾 アマモ場再生").contains("13,800");
        browser.open("/statistics");
        assertThat(browser.text("#statistics-table")).contains("13,800");
    }
}
