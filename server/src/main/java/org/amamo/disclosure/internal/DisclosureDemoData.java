package org.amamo.disclosure.internal;

import java.math.BigDecimal;
import org.amamo.identity.Role;
import org.amamo.identity.UserDirectory;
import org.amamo.identity.UserSummary;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** JBE's published certification record for 2020-2022 (seed 002), imported once as the demo's history. */
@Component
@Order(40)
@ConditionalOnProperty(name = "amamo.demo-data.enabled", havingValue = "true")
class DisclosureDemoData implements ApplicationRunner {

    static final String SOURCE = "JBE「Jブルークレジット制度の取り組み状況」これまでの認証実績";

    private final Statistics statistics;
    private final UserDirectory users;

    DisclosureDemoData(Statistics statistics, UserDirectory users) {
        this.statistics = statistics;
        this.users = users;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments arguments) {
        if (!statistics.imported().isEmpty()) {
            return;
        }
        long secretariat = users.withRole(Role.SECRETARIAT).stream()
                .findFirst()
                .map(UserSummary::userId)
                .orElseThrow();
        year(secretariat, 2020, 1, "22.8", "10.6", "13157", "取引単価は13,157円超（税抜き）", null);
        year(secretariat, 2021, 4, "80.4", "30.0", "72816", null, null);
        year(secretariat, 2022, 21, "3733.1", "1100.4", "84198", "一部のみ売買", "Only part was traded");
    }

    private void year(
            long secretariat,
            int fiscalYear,
            int sites,
            String tonnes,
            String hectares,
            String price,
            String note,
            String noteEn) {
        HistoryForm form = new HistoryForm();
        form.setFiscalYear(fiscalYear);
        form.setCertifiedSites(sites);
        form.setCertifiedTonnes(new BigDecimal(tonnes));
        form.setCertifiedHectares(new BigDecimal(hectares));
        form.setAveragePriceJpy(new BigDecimal(price));
        form.setNote(note);
        form.setNoteEn(noteEn);
        form.setSource(SOURCE);
        statistics.importYear(form, secretariat);
    }
}
