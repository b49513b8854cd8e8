package org.amamo.identity;

import java.io.Serial;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in user, as every feature sees it: id, e-mail, name, organisation and roles. Kept in the
 * database-backed session, hence serialisable; the password hash is erased after login.
 */
public final class AmamoPrincipal implements UserDetails, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long userId;
    private final String email;
    private final String fullName;
    private final Long organisationId;
    private final EnumSet<Role> roles;
    private final boolean enabled;
    private final boolean locked;
    /**
     * Kept negated so that a session stored before this field existed reads as confirmed (as every user was then);
     * such a session reads as without a second factor, which sends staff to enter one.
     */
    private final boolean emailUnconfirmed;

    private final boolean secondFactor;
    private String passwordHash;

    /**
     * A user acting without signing in through the login form (demo data acting as a user, tests): counted as
     * confirmed and as signed in with a second factor.
     */
    public AmamoPrincipal(
            long userId,
            String email,
            String fullName,
            Long organisationId,
            Set<Role> roles,
            boolean enabled,
            boolean locked,
            String passwordHash) {
        this(userId, email, fullName, organisationId, roles, enabled, locked, passwordHash, true, true);
    }

    /**
     * A user as signed in: {@code emailConfirmed} whether the e-mail address has been confirmed, {@code secondFactor}
     * whether this sign-in passed a second factor (a TOTP or recovery code).
     */
    public AmamoPrincipal(
            long userId,
            String email,
            String fullName,
            Long organisationId,
            Set<Role> roles,
            boolean enabled,
            boolean locked,
            String passwordHash,
            boolean emailConfirmed,
            boolean secondFactor) {
        this.userId = userId;
        this.email = email;
        this.fullName = fullName;
        this.organisationId = organisationId;
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        this.enabled = enabled;
        this.locked = locked;
        this.passwordHash = passwordHash;
        this.emailUnconfirmed = !emailConfirmed;
        this.secondFactor = secondFactor;
    }

    public long userId() {
        return userId;
    }

    public String email() {
        return email;
    }

    public String fullName() {
        return fullName;
    }

    /** The organisation the user acts for, or null for an individual. */
    public Long organisationId() {
        return organisationId;
    }

    public Set<Role> roles() {
        return EnumSet.copyOf(roles);
    }

    /** Whether the user's e-mail address is confirmed; until it is, the user may only confirm it or resend. */
    public boolean emailConfirmed() {
        return !emailUnconfirmed;
    }

    /** Whether this sign-in passed a second factor; API tokens are created only in such a sign-in. */
    public boolean secondFactor() {
        return secondFactor;
    }

    /** Whether the roles need a second factor: the secretariat, reviewers and administrators (docs/security.md). */
    public boolean needsSecondFactor() {
        return has(Role.SECRETARIAT) || has(Role.REVIEWER) || has(Role.ADMINISTRATOR);
    }

    /** The same user, now with a confirmed address and, if {@code secondFactor}, signed in with a second factor. */
    public AmamoPrincipal confirmed(boolean withSecondFactor) {
        return new AmamoPrincipal(
                userId, email, fullName, organisationId, roles, enabled, locked, null, true, withSecondFactor);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Secretariat work is open to the secretariat and to administrators. */
    public boolean isSecretariat() {
        return has(Role.SECRETARIAT) || has(Role.ADMINISTRATOR);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(Role::authority).collect(Collectors.toUnmodifiableList());
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AmamoPrincipal that && that.userId == userId;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(userId);
    }

    @Override
    public String toString() {
        return "AmamoPrincipal[" + userId + ", " + email + ", " + roles + "]";
    }
}
