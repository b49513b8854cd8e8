package org.amamo.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.amamo.identity.AmamoPrincipal;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

/** Puts a principal into the session's sign-in, or takes the sign-in away, outside the login form. */
final class SignIns {

    /** Where Spring Security keeps the sign-in: the session, and the request's attribute for the rest of the request. */
    private static final SecurityContextRepository CONTEXTS = new DelegatingSecurityContextRepository(
            new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());

    private static final RequestCache REQUESTS = new HttpSessionRequestCache();

    private SignIns() {}

    /** Signs {@code principal} in for this session (replacing whom it held). */
    static void signIn(HttpServletRequest request, HttpServletResponse response, AmamoPrincipal principal) {
        Authentication authentication =
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        CONTEXTS.saveContext(context, request, response);
    }

    /** This session holds nobody any more (the session itself stays). */
    static void signOut(HttpServletRequest request, HttpServletResponse response) {
        SecurityContextHolder.clearContext();
        CONTEXTS.saveContext(SecurityContextHolder.createEmptyContext(), request, response);
    }

    /** Where the user was going before being asked to sign in, or the home page; forgotten once read. */
    static String target(HttpServletRequest request, HttpServletResponse response, AmamoPrincipal user) {
        SavedRequest saved = REQUESTS.getRequest(request, response);
        REQUESTS.removeRequest(request, response);
        return saved == null ? LoginThrottle.landing(user) : saved.getRedirectUrl();
    }
}
