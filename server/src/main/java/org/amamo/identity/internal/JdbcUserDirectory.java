package org.amamo.identity.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.amamo.identity.Role;
import org.amamo.identity.UserDirectory;
import org.amamo.identity.UserSummary;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class JdbcUserDirectory implements UserDirectory {

    private final UserRepository users;

    JdbcUserDirectory(UserRepository users) {
        this.users = users;
    }

    @Override
    public Optional<UserSummary> find(long userId) {
        return users.findById(userId).map(StoredUser::summary);
    }

    @Override
    public Optional<UserSummary> findByEmail(String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        return users.findByEmail(email).map(StoredUser::summary);
    }

    @Override
    public List<UserSummary> withRole(Role role) {
        return users.withRole(role).stream().map(StoredUser::summary).toList();
    }

    @Override
    public List<Long> usersOf(long organisationId) {
        return users.idsOfOrganisation(organisationId);
    }

    @Override
    public Map<Long, List<Long>> usersOf(Collection<Long> organisationIds) {
        return users.idsOfOrganisations(organisationIds);
    }
}
