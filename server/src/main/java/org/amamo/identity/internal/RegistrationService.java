package org.amamo.identity.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.amamo.identity.Role;
import org.amamo.platform.Outcome;
import org.amamo.platform.Refusal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers a new user. A self-registered user may apply for projects and hold or buy credits; the
 * secretariat grants every other role.
 */
@Service
class RegistrationService {

    static final EnumSet<Role> SELF_REGISTERED_ROLES = EnumSet.of(Role.APPLICANT, Role.HOLDER);

    private final UserRepository users;
    private final PasswordEncoder passwords;
    private final Clock clock;

    RegistrationService(UserRepository users, PasswordEncoder passwords, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.clock = clock;
    }

    /** The rules that span fields or need the database: done when the form may be registered, else invalid. */
    @Transactional(readOnly = true)
    Outcome<Void> check(RegistrationForm form) {
        List<Refusal> refusals = new ArrayList<>();
        boolean organisation = form.getKind() == AccountKind.ORGANISATION;
        if (organisation && isBlank(form.getOrganisationName())) {
            refusals.add(Refusal.of("organisationName", "registration.organisation-name.required"));
        }
        if (!organisation && !isBlank(form.getCorporateNumber())) {
            refusals.add(Refusal.of("corporateNumber", "registration.corporate-number.individual"));
        }
        if (organisation
                && !isBlank(form.getCorporateNumber())
                && users.corporateNumberTaken(strip(form.getCorporateNumber()))) {
            refusals.add(Refusal.of("corporateNumber", "registration.corporate-number.taken"));
        }
        if (form.getPassword() != null && !form.getPassword().equals(form.getPasswordConfirmation())) {
            refusals.add(Refusal.of("passwordConfirmation", "registration.password.mismatch"));
        }
        if (form.getEmail() != null && users.emailTaken(form.getEmail())) {
            refusals.add(Refusal.of("email", "registration.email.taken"));
        }
        return Outcome.invalidUnlessEmpty(refusals);
    }

    /** Stores the user; the caller has checked the form. Returns the new user's id. */
    @Transactional
    long register(RegistrationForm form) {
        Long organisationId = null;
        if (form.getKind() == AccountKind.ORGANISATION) {
            organisationId = users.insertOrganisation(
                    strip(form.getOrganisationName()), blankToNull(form.getCorporateNumber()), clock.instant());
        }
        return users.insertUser(
                new UserRepository.NewUser(
                        form.getKind(),
                        form.getEmail(),
                        passwords.encode(form.getPassword()),
                        strip(form.getFullName()),
                        organisationId,
                        blankToNull(form.getTitle()),
                        strip(form.getAddress()),
                        strip(form.getPhone()),
                        SELF_REGISTERED_ROLES),
                clock.instant());
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private static String strip(String text) {
        return text == null ? null : text.strip();
    }

    private static String blankToNull(String text) {
        return isBlank(text) ? null : text.strip();
    }
}
