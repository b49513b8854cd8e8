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
    private final EmailConfirmation confirmation;

    RegistrationService(UserRepository users, PasswordEncoder passwords, Clock clock, EmailConfirmation confirmation) {
        this.users = users;
        this.passwords = passwords;
        this.clock = clock;
        this.confirmation = confirmation;
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

    /**
     * Stores the user, its address not yet confirmed, and sends the confirmation link in the user's language
     * ({@code locale}, Japanese unless English); the caller has checked the form. Returns the new user's id.
     */
    @Transactional
    long register(RegistrationForm form, java.util.Locale locale, String siteUrl) {
        Long organisationId = null;
        if (form.getKind() == AccountKind.ORGANISATION) {
            organisationId = users.insertOrganisation(
                    strip(form.getOrganisationName()), blankToNull(form.getCorporateNumber()), clock.instant());
        }
        long id = users.insertUser(
                new UserRepository.NewUser(
                        form.getKind(),
                        form.getEmail(),
                        passwords.encode(form.getPassword()),
                        strip(form.getFullName()),
                        organisationId,
                        blankToNull(form.getTitle()),
                        strip(form.getAddress()),
                        strip(form.getPhone()),
                        SELF_REGISTERED_ROLES,
                        false,
                        language(locale)),
                clock.instant());
        StoredUser user = users.findById(id).orElseThrow();
        confirmation.send(user, user.email(), siteUrl);
        return id;
    }

    /** The language of a user's e-mail: English if asked for, else Japanese. */
    static String language(java.util.Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? "en" : "ja";
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
