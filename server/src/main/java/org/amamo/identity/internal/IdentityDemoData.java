package org.amamo.identity.internal;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;
import org.amamo.identity.Role;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo accounts, one per role, loaded once into an empty installation when {@code amamo.demo-data.enabled}
 * (the embedded default). The README lists them.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "amamo.demo-data.enabled", havingValue = "true")
class IdentityDemoData implements ApplicationRunner {

    static final String PASSWORD = "amamo-demo-password";
    /**
     * The TOTP secret of the demo's administrator, secretariat and reviewer (README): add it to an authenticator app
     * by hand. Public, so never for an installation with real users.
     */
    static final String STAFF_TOTP_SECRET = "AMAMODEMOAMAMODEMOAMAMODEMOAMAMO";

    private final UserRepository users;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final TwoFactor twoFactor;

    IdentityDemoData(UserRepository users, PasswordEncoder passwords, Clock clock, TwoFactor twoFactor) {
        this.users = users;
        this.passwords = passwords;
        this.clock = clock;
        this.twoFactor = twoFactor;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments arguments) {
        if (users.emailTaken("admin@amamo.example")) {
            return;
        }
        long scheme = users.insertOrganisation("ジャパンブルーエコノミー技術研究組合", null, clock.instant());
        long coop = users.insertOrganisation("横浜市漁業協同組合", null, clock.instant());
        long buyer = users.insertOrganisation("みなとみらい商事株式会社", "7000012050002", clock.instant());
        long admin =
                user("admin@amamo.example", "管理 太郎", AccountKind.ORGANISATION, scheme, EnumSet.of(Role.ADMINISTRATOR));
        long secretariat = user(
                "secretariat@amamo.example", "事務局 花子", AccountKind.ORGANISATION, scheme, EnumSet.of(Role.SECRETARIAT));
        long reviewer =
                user("reviewer@amamo.example", "審査 一郎", AccountKind.INDIVIDUAL, null, EnumSet.of(Role.REVIEWER));
        // A newly appointed reviewer whom no committee has taken in yet: the administrator's to-do page shows them.
        long reviewer2 =
                user("reviewer2@amamo.example", "審査 二郎", AccountKind.INDIVIDUAL, null, EnumSet.of(Role.REVIEWER));
        for (long staff : new long[] {admin, secretariat, reviewer, reviewer2}) {
            twoFactor.enrolKnownSecret(staff, STAFF_TOTP_SECRET);
        }
        user(
                "applicant@amamo.example",
                "海野 藻子",
                AccountKind.ORGANISATION,
                coop,
                EnumSet.of(Role.APPLICANT, Role.HOLDER));
        user("buyer@amamo.example", "港 買太", AccountKind.ORGANISATION, buyer, EnumSet.of(Role.HOLDER));
    }

    private long user(String email, String name, AccountKind kind, Long organisationId, Set<Role> roles) {
        return users.insertUser(
                new UserRepository.NewUser(
                        kind,
                        email,
                        passwords.encode(PASSWORD),
                        name,
                        organisationId,
                        null,
                        "神奈川県横浜市中区本町1-1",
                        "045-000-0000",
                        roles,
                        true,
                        "ja"),
                clock.instant());
    }
}
