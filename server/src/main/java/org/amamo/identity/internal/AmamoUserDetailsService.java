package org.amamo.identity.internal;

import java.time.Clock;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Loads a user for form login by e-mail; a locked or disabled user is refused by Spring Security. */
@Service
class AmamoUserDetailsService implements UserDetailsService {

    private final UserRepository users;
    private final Clock clock;

    AmamoUserDetailsService(UserRepository users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String email) {
        return users.findByEmail(email)
                .map(user -> user.principal(clock.instant()))
                .orElseThrow(() -> new UsernameNotFoundException("no user with this e-mail"));
    }
}
