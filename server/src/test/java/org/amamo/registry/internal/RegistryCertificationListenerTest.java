package org.amamo.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.amamo.application.ApplicationCertified;
import org.amamo.registry.internal.RegistryFixture.Holder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A certified application's credits are issued to its initial holders, once however often the event arrives. */
@SpringBootTest
@Import(RegistryFixture.class)
class RegistryCertificationListenerTest {

    @Autowired
    RegistryFixture fixture;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void issuesTheCertifiedUnitsOnceByTheHoldersShares() throws Exception {
        Holder a = fixture.holder();
        Holder b = fixture.holder();
        ApplicationCertified certified = new ApplicationCertified(
                424242,
                4242,
                "4242",
                "アマモ場",
                "JBC",
                "JBE",
                2024,
                "jbe-2.3",
                "removal",
                1001,
                List.of(
                        new ApplicationCertified.InitialHolder(a.user().userId(), "A", new BigDecimal("50")),
                        new ApplicationCertified.InitialHolder(b.user().userId(), "B", new BigDecimal("50"))));
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        transaction.executeWithoutResult(status -> events.publishEvent(certified));
        transaction.executeWithoutResult(status -> events.publishEvent(certified));

        long deadline = System.currentTimeMillis() + 20_000;
        while (fixture.balance(a) + fixture.balance(b) < 1001 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        Thread.sleep(500);
        assertThat(fixture.balance(a)).isEqualTo(501);
        assertThat(fixture.balance(b)).isEqualTo(500);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM registry_batch WHERE project_code = '4242'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        fixture.assertLedgerSound();
    }
}
