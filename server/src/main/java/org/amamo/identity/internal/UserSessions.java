package org.amamo.identity.internal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/** The web sessions of a user, found by the user's e-mail address (the sign-in name) in the session store. */
@Component
class UserSessions {

    private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> repository;

    UserSessions(ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> repository) {
        this.repository = repository;
    }

    /** Ends every session of the user: each browser signed in as the user must sign in again. */
    void endAll(String email) {
        FindByIndexNameSessionRepository<? extends Session> sessions = repository.getIfAvailable();
        if (sessions == null) {
            return;
        }
        for (String id : sessions.findByPrincipalName(email).keySet()) {
            sessions.deleteById(id);
        }
    }
}
