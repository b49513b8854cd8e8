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
    private String passwordHash;

    public AmamoPrincipal(
            long userId,
            String email,
            String fullName,
            Long organisationId,
            Set<Role> roles,
            boolean enabled,
            boolean locked,
            String passwordHash) {
        this.userId = userId;
        this.email = email;
        this.fullName = fullName;
        this.organisationId = organisationId;
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        this.enabled = enabled;
        this.locked = locked;
        this.passwordHash = passwordHash;
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
