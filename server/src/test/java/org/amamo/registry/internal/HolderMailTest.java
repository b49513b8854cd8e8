package org.amamo.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
import org.amamo.platform.Outcome;
import org.amamo.registry.CreditType;
import org.amamo.registry.InitialHolder;
import org.amamo.registry.IssuanceRequest;
import org.amamo.registry.MarketMove;
import org.amamo.registry.MarketSettlement;
import org.amamo.registry.RetirementOrder;
import org.amamo.testing.TestSmtp;
import org.amamo.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The registry's holder notices (issue 20, item 4): after the ledger commits, the users who act for a holding account
 * are mailed, in their language, when credits are issued to it, transferred to it or retired from it, read from the
 * journal past a cursor, once each; a user who turned the kind off gets nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestUsers.class)
class HolderMailTest {

    private static final AtomicInteger PROJECTS = new AtomicInteger(7100);

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        TestSmtp.configure(registry);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    HolderNotices notices;

    @Autowired
    Issuer issuer;

    @Autowired
    Registry registry;

    @Autowired
    AccountDesk desk;

    @Autowired
    MarketSettlement market;

    @Test
    void anInitialHolderIsToldOfTheCreditsIssuedToItsAccountOnce() throws Exception {
        AmamoPrincipal holder = users.create(Role.HOLDER);
        IssuanceRequest request = issuance(1234, InitialHolder.user(holder.userId(), "100"));
        long account = issued(request);

        notices.catchUp();
        notices.catchUp();

        MimeMessage mail = single(holder.email());
        assertThat(mail.getSubject())
                .isEqualTo("【Amamo】保有口座「" + holderName(account) + "」に「" + request.projectName()
                        + "」（2024年）のクレジット 123.4 t-CO2 が発行されました。");
        assertThat(TestSmtp.text(mail)).contains("/account/registry/accounts/" + account, "/account/notification-mail");
        assertThat(inOutbox(holder))
                .as("mailed once, however often the job passes")
                .isEqualTo(1);
    }

    @Test
    void everyUserOfAnOrganisationHolderIsToldInTheirOwnLanguage() throws Exception {
        String name = "浜の漁協 " + PROJECTS.incrementAndGet();
        long organisation = users.organisation(name);
        AmamoPrincipal japanese = users.create(organisation, Role.HOLDER);
        AmamoPrincipal english = users.create(organisation, Role.HOLDER);
        AmamoPrincipal outsider = users.create(Role.HOLDER);
        jdbc.sql("UPDATE user_account SET language = 'en' WHERE id = ?")
                .param(english.userId())
                .update();
        IssuanceRequest request = issuance(50, InitialHolder.organisation(organisation, "100"));
        long account = issued(request);

        notices.catchUp();

        assertThat(single(japanese.email()).getSubject()).contains("5.0 t-CO2 が発行されました");
        MimeMessage mail = single(english.email());
        assertThat(mail.getSubject())
                .isEqualTo("[Amamo] 5.0 t-CO2 of credits of \"" + request.projectName()
                        + "\" (vintage 2024) were issued to the holding account \"" + name + "\".");
        assertThat(TestSmtp.text(mail)).contains("Dear ", "/account/registry/accounts/" + account);
        assertThat(inOutbox(outsider)).isZero();
    }

    @Test
    void theReceiverOfATransferAndTheRetiringHolderAreTold() throws Exception {
        AmamoPrincipal sender = users.create(Role.HOLDER);
        AmamoPrincipal receiver = users.create(Role.HOLDER);
        long from = issued(issuance(100, InitialHolder.user(sender.userId(), "100")));
        long to = openAccount(receiver);
        notices.catchUp();

        ok(registry.transfer(Actor.of(sender), new Registry.Transfer(from, to, 30), null));
        Outcome<Receipt> retired = registry.retire(
                Actor.of(receiver),
                new Registry.Retirement(
                        to, 10, new RetirementDisclosure("浜の会社", RetirementPurpose.CORPORATE, "2024年度の排出", 2024, null)),
                null);
        ok(retired);
        notices.catchUp();

        List<MimeMessage> received = TestSmtp.awaitFor(receiver.email(), 2);
        assertThat(received).hasSize(2);
        assertThat(received.get(0).getSubject())
                .isEqualTo(
                        "【Amamo】保有口座「" + holderName(to) + "」に「" + holderName(from) + "」から 3.0 t-CO2 のクレジットが移転されました。");
        assertThat(TestSmtp.text(received.get(0))).contains("/account/registry/accounts/" + to);
        assertThat(received.get(1).getSubject()).contains("1.0 t-CO2 のクレジットの無効化が記録されました");
        assertThat(TestSmtp.text(received.get(1)))
                .contains("/registry/retirements/" + retired.value().retirementId());
        assertThat(inOutbox(sender))
                .as("the sender is told only of its issuance")
                .isEqualTo(1);
    }

    @Test
    void aBuyerIsToldOfCreditsTheMarketDeliveredWhileEscrowMovesTellNobody() throws Exception {
        AmamoPrincipal seller = users.create(Role.HOLDER);
        AmamoPrincipal buyer = users.create(Role.HOLDER);
        Outcome<Receipt> issuedToSeller =
                issuer.issue(Actor.SYSTEM, issuance(100, InitialHolder.user(seller.userId(), "100")));
        ok(issuedToSeller);
        long from = issuedToSeller.value().lines().get(0).toAccountId();
        long batch = issuedToSeller.value().batchId();
        String key = "holder-mail-" + PROJECTS.incrementAndGet();
        long escrow = market.openEscrow(key, "test escrow");

        assertThat(market.consign(seller, from, escrow, batch, 50, key + "-consign")
                        .done())
                .isTrue();
        MarketMove delivered = market.deliver(escrow, batch, 20, buyer.userId(), seller.userId(), key + "-deliver");
        assertThat(delivered.done()).isTrue();
        assertThat(market.retireFor(
                                escrow,
                                batch,
                                10,
                                new RetirementOrder("浜の会社", "CORPORATE", "2024年度の排出", 2024, null),
                                seller.userId(),
                                key + "-retire")
                        .done())
                .isTrue();
        notices.catchUp();

        MimeMessage mail = single(buyer.email());
        assertThat(mail.getSubject()).contains("購入者募集で購入したクレジット 2.0 t-CO2 が保有口座");
        assertThat(TestSmtp.text(mail)).contains("/account/registry/accounts/" + delivered.toAccountId());
        assertThat(inOutbox(seller))
                .as("the seller is told of its issuance only, not of the consignment or the escrow's retirement")
                .isEqualTo(1);
    }

    @Test
    void aUserWhoTurnedTheKindOffGetsNothingWhileOthersStillDo() throws Exception {
        AmamoPrincipal sender = users.create(Role.HOLDER);
        AmamoPrincipal quiet = users.create(Role.HOLDER);
        AmamoPrincipal keeps = users.create(Role.HOLDER);
        mvc.perform(post("/account/notification-mail")
                        .with(TestUsers.as(quiet))
                        .with(csrf())
                        .param(
                                "kinds",
                                "APPLICATION_RETURNED",
                                "FEE_REQUESTED",
                                "REVIEW_ASSIGNED",
                                "BID_ALLOCATED",
                                "PAYMENT_DUE",
                                "HEARING_SCHEDULED",
                                "CREDITS_ISSUED",
                                "RETIREMENT_RECORDED"))
                .andExpect(redirectedUrl("/account/notification-mail"));
        long from = issued(issuance(100, InitialHolder.user(sender.userId(), "100")));
        long quietAccount = openAccount(quiet);
        long keepsAccount = openAccount(keeps);

        ok(registry.transfer(Actor.of(sender), new Registry.Transfer(from, quietAccount, 10), null));
        ok(registry.transfer(Actor.of(sender), new Registry.Transfer(from, keepsAccount, 10), null));
        notices.catchUp();

        assertThat(TestSmtp.awaitFor(keeps.email(), 1)).hasSize(1);
        assertThat(inOutbox(quiet)).isZero();
    }

    @Test
    void anEntryIdTheCursorPassedBeforeItsEntryAppearedIsWatchedForAWhile() {
        notices.catchUp();
        long skipped = jdbc.sql("SELECT nextval('registry_journal_entry_seq')")
                .query(Long.class)
                .single();
        AmamoPrincipal holder = users.create(Role.HOLDER);
        issued(issuance(10, InitialHolder.user(holder.userId(), "100")));

        notices.catchUp();

        assertThat(gapsHolding(skipped))
                .as("the id drawn but not (yet) committed is kept as a gap")
                .isEqualTo(1);
        assertThat(inOutbox(holder)).isEqualTo(1);
        jdbc.sql("UPDATE registry_notice_gap SET seen_at = ? WHERE ? BETWEEN first_entry_id AND last_entry_id")
                .params(
                        OffsetDateTime.now(ZoneOffset.UTC)
                                .minus(HolderNotices.GAP_GRACE)
                                .minus(Duration.ofMinutes(1)),
                        skipped)
                .update();
        notices.catchUp();
        assertThat(gapsHolding(skipped)).as("forgotten after the grace period").isZero();
    }

    @Test
    void onePassOverManyEntriesTellsEveryHolderOfEachOnceInTheLedgersOrder() throws Exception {
        AmamoPrincipal sender = users.create(Role.HOLDER);
        AmamoPrincipal first = users.create(Role.HOLDER);
        AmamoPrincipal second = users.create(Role.HOLDER);
        long organisation = users.organisation("浜の組合 " + PROJECTS.incrementAndGet());
        AmamoPrincipal member = users.create(organisation, Role.HOLDER);
        AmamoPrincipal colleague = users.create(organisation, Role.HOLDER);
        long from = issued(issuance(1000, InitialHolder.user(sender.userId(), "100")));
        long firstAccount = openAccount(first);
        long secondAccount = openAccount(second);
        long organisationAccount = desk.request(Actor.of(member), true).value();
        ok(desk.approve(Actor.SYSTEM, organisationAccount));
        notices.catchUp();

        for (int units = 1; units <= 4; units++) {
            ok(registry.transfer(Actor.of(sender), new Registry.Transfer(from, firstAccount, units), null));
            ok(registry.transfer(Actor.of(sender), new Registry.Transfer(from, secondAccount, units), null));
            ok(registry.transfer(Actor.of(sender), new Registry.Transfer(from, organisationAccount, units), null));
        }
        ok(registry.retire(
                Actor.of(first),
                new Registry.Retirement(
                        firstAccount,
                        5,
                        new RetirementDisclosure("浜の会社", RetirementPurpose.CORPORATE, "2024年度の排出", 2024, null)),
                null));
        int mailed = notices.catchUp();
        notices.catchUp();

        assertThat(mailed).as("every transfer and the retirement, in one pass").isEqualTo(13);
        assertThat(subjectsInOutbox(first))
                .as("in the order the ledger recorded them, once each")
                .hasSize(5)
                .satisfies(subjects -> {
                    for (int units = 1; units <= 4; units++) {
                        assertThat(subjects.get(units - 1)).contains("から 0." + units + " t-CO2 のクレジットが移転されました");
                    }
                    assertThat(subjects.get(4)).contains("0.5 t-CO2 のクレジットの無効化が記録されました");
                });
        assertThat(subjectsInOutbox(second)).hasSize(4);
        assertThat(subjectsInOutbox(member)).hasSize(4);
        assertThat(subjectsInOutbox(colleague)).hasSize(4);
        assertThat(inOutbox(sender))
                .as("the sender is told only of its issuance")
                .isEqualTo(1);
        assertThat(TestSmtp.awaitFor(colleague.email(), 4)).hasSize(4);
    }

    @Test
    void entriesThatBecomeVisibleAfterTheCursorPassedThemAreMailedOnceWhenTheyAppear() throws Exception {
        notices.catchUp();
        long passed = cursor();
        AmamoPrincipal holder = users.create(Role.HOLDER);
        long account = issued(issuance(77, InitialHolder.user(holder.userId(), "100")));
        long newest = jdbc.sql("SELECT MAX(id) FROM registry_journal_entry")
                .query(Long.class)
                .single();
        // As if the job had passed these ids while their transactions were still open: the cursor beyond them, the
        // ids kept as a gap.
        jdbc.sql("UPDATE registry_notice_cursor SET entry_id = ? WHERE name = ?")
                .params(newest, HolderNotices.CURSOR)
                .update();
        jdbc.sql("INSERT INTO registry_notice_gap (first_entry_id, last_entry_id, seen_at) VALUES (?, ?, ?)")
                .params(passed + 1, newest, OffsetDateTime.now(ZoneOffset.UTC))
                .update();

        notices.catchUp();
        notices.catchUp();

        MimeMessage mail = single(holder.email());
        assertThat(mail.getSubject()).contains("7.7 t-CO2 が発行されました");
        assertThat(TestSmtp.text(mail)).contains("/account/registry/accounts/" + account);
        assertThat(inOutbox(holder)).as("mailed once, when it appeared").isEqualTo(1);
        assertThat(gapsHolding(newest))
                .as("an id whose entry appeared is no longer watched")
                .isZero();
    }

    private long cursor() {
        return jdbc.sql("SELECT entry_id FROM registry_notice_cursor WHERE name = ?")
                .param(HolderNotices.CURSOR)
                .query(Long.class)
                .single();
    }

    private List<String> subjectsInOutbox(AmamoPrincipal user) {
        return jdbc.sql("SELECT subject FROM mail_outbox WHERE recipient = ? ORDER BY id")
                .param(user.email())
                .query(String.class)
                .list();
    }

    private String holderName(long account) {
        return jdbc.sql("SELECT holder_name FROM registry_account WHERE id = ?")
                .param(account)
                .query(String.class)
                .single();
    }

    private long gapsHolding(long id) {
        return jdbc.sql("SELECT COUNT(*) FROM registry_notice_gap WHERE ? BETWEEN first_entry_id AND last_entry_id")
                .param(id)
                .query(Long.class)
                .single();
    }

    private static IssuanceRequest issuance(long units, InitialHolder holder) {
        int project = PROJECTS.incrementAndGet();
        return new IssuanceRequest(
                project,
                String.format("%04d", project),
                "アマモ場再生 " + project,
                "JBC",
                2024,
                "JBE-2.3",
                CreditType.REMOVAL,
                "JBE",
                units,
                List.of(holder),
                null);
    }

    /** Issues the request; the account of its (single) holder. */
    private long issued(IssuanceRequest request) {
        Outcome<Receipt> outcome = issuer.issue(Actor.SYSTEM, request);
        ok(outcome);
        return outcome.value().lines().get(0).toAccountId();
    }

    private long openAccount(AmamoPrincipal user) {
        long account = desk.request(Actor.of(user), false).value();
        ok(desk.approve(Actor.SYSTEM, account));
        return account;
    }

    private static void ok(Outcome<?> outcome) {
        assertThat(outcome.refusals()).isEmpty();
    }

    private static MimeMessage single(String email) throws InterruptedException {
        List<MimeMessage> received = TestSmtp.awaitFor(email, 1);
        assertThat(received).hasSize(1);
        return received.get(0);
    }

    private long inOutbox(AmamoPrincipal user) {
        return jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE recipient = ?")
                .param(user.email())
                .query(Long.class)
                .single();
    }
}
