package org.amamo.consultation.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.UserDirectory;
import org.amamo.identity.UserSummary;
import org.amamo.platform.SchemeTime;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * One answered consultation from the demo applicant about the Yokohama eelgrass bed of seed 001, loaded once
 * into an installation without consultations, after the demo accounts (identity's runner, order 10).
 */
@Component
@Order(30)
@ConditionalOnProperty(name = "amamo.demo-data.enabled", havingValue = "true")
class ConsultationDemoData implements ApplicationRunner {

    private final ConsultationRepository repository;
    private final ConsultationService consultations;
    private final UserDirectory users;
    private final Clock clock;

    ConsultationDemoData(
            ConsultationRepository repository, ConsultationService consultations, UserDirectory users, Clock clock) {
        this.repository = repository;
        this.consultations = consultations;
        this.users = users;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments arguments) {
        if (repository.any()) {
            return;
        }
        AmamoPrincipal applicant =
                principal(users.findByEmail("applicant@amamo.example").orElseThrow());
        AmamoPrincipal secretariat =
                principal(users.findByEmail("secretariat@amamo.example").orElseThrow());
        long id = open(applicant);
        consultations.post(id, applicant, """
                昨年度と同じ方法（被度調査と坪刈り）で藻場面積を算定する予定です。
                新たに加わったNPOを共同申請者とすべきか、実施者として記載すべきか教えてください。""");
        consultations.post(id, secretariat, """
                ご相談ありがとうございます。活動に主体的に関わりクレジットの保有を希望される場合は共同申請者、\
                作業の協力のみの場合は実施者として、プロジェクト概要に役割をご記入ください。
                面積の根拠資料（調査記録）は申請時に添付してください。""");
        // The applicant's follow-up question waits for the secretariat's answer (its to-do page).
        consultations.post(id, applicant, """
                ありがとうございます。NPOは共同申請者とします。
                調査記録は写真付きの様式で添付すればよいでしょうか。""");
    }

    private long open(AmamoPrincipal applicant) {
        LocalDate start = lastFiscalYearStart();
        ConsultationDraft draft = new ConsultationDraft(
                "横浜市 海の公園 アマモ場の保全・再生",
                "横浜市金沢区の海の公園地先で、市民団体と漁協がアマモの種まき・移植と藻場のモニタリングを続けています。" + "昨年度に続き、藻場（海草）によるCO2吸収量のクレジット申請を検討しています。",
                "14",
                "横浜市金沢区 海の公園地先",
                List.of("seagrass"),
                true,
                "横浜港アマモ場再生プロジェクト",
                true,
                "地元のNPO法人が実施者に加わり、種子の採取と播種を担当します。",
                false,
                null,
                start,
                start.plusYears(1).minusDays(1));
        return consultations.open(applicant, draft).orThrow();
    }

    /** 1 April of the last fiscal year that has ended, so that the planned period always passes the rules. */
    private LocalDate lastFiscalYearStart() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), SchemeTime.ZONE);
        int year = today.getMonthValue() >= 4 ? today.getYear() - 1 : today.getYear() - 2;
        return LocalDate.of(year, 4, 1);
    }

    private static AmamoPrincipal principal(UserSummary user) {
        return new AmamoPrincipal(
                user.userId(),
                user.email(),
                user.fullName(),
                user.organisationId(),
                user.roles(),
                user.enabled(),
                false,
                null);
    }
}
