package org.amamo.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.amamo.platform.Sha256;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * The web sessions of a user, found by the user's e-mail address (the sign-in name) in the session store. A session
 * is named to its user by a handle (a digest of its id), never by its id, which is the cookie's secret.
 */
@Component
class UserSessions {

    /** Session attributes: where and with which browser the session was signed in. */
    static final String ADDRESS = UserSessions.class.getName() + ".ADDRESS";

    static final String AGENT = UserSessions.class.getName() + ".AGENT";

    /** A session of the user as listed to them. */
    record ActiveSession(
            String handle,
            Instant createdAt,
            Instant lastAccessedAt,
            String clientAddress,
            String userAgent,
            boolean current) {}

    private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> repository;

    UserSessions(ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> repository) {
        this.repository = repository;
    }

    /** Notes in the request's session where and with which browser it was signed in. */
    static void describe(HttpServletRequest request) {
        HttpSession session = request.getSession();
        session.setAttribute(ADDRESS, request.getRemoteAddr());
        String agent = request.getHeader("User-Agent");
        session.setAttribute(
                AGENT,
                agent == null || agent.length() <= SignInRecord.AGENT_MAX
                        ? agent
                        : agent.substring(0, SignInRecord.AGENT_MAX));
    }

    /** The user's sessions, the most recently used first; {@code currentId} is the asking request's session. */
    List<ActiveSession> of(String email, String currentId) {
        FindByIndexNameSessionRepository<? extends Session> sessions = repository.getIfAvailable();
        if (sessions == null) {
            return List.of();
        }
        return sessions.findByPrincipalName(email).values().stream()
                .filter(session -> !session.isExpired())
                .map(session -> new ActiveSession(
                        handle(session.getId()),
                        session.getCreationTime(),
                        session.getLastAccessedTime(),
                        session.getAttribute(ADDRESS),
                        session.getAttribute(AGENT),
                        session.getId().equals(currentId)))
                .sorted(Comparator.comparing(ActiveSession::lastAccessedAt).reversed())
                .toList();
    }

    /**
     * Ends the user's session named by {@code handle}, unless it is {@code currentId} (the asking one, which signs
     * out instead); false when the user has no other session of that handle.
     */
    boolean end(String email, String handle, String currentId) {
        FindByIndexNameSessionRepository<? extends Session> sessions = repository.getIfAvailable();
        if (sessions == null || handle == null) {
            return false;
        }
        for (Map.Entry<String, ? extends Session> session :
                sessions.findByPrincipalName(email).entrySet()) {
            if (handle(session.getKey()).equals(handle) && !session.getKey().equals(currentId)) {
                sessions.deleteById(session.getKey());
                return true;
            }
        }
        return false;
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

    static String handle(String sessionId) {
        return Sha256.hex(sessionId).substring(0, 32);
    }
}
