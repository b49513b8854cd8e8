package org.amamo.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.amamo.identity.AmamoPrincipal;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates REST API requests that carry {@code Authorization: Bearer amamo_...}. A request without
 * the header stays anonymous (public endpoints still answer); a wrong or revoked token, or the token of a
 * disabled or locked user, is answered 401 with a problem document at once, whatever the method, so a client
 * never mistakes a bad token for anonymous access.
 */
class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ApiTokenService tokens;
    private final ApiUnauthorised unauthorised;

    ApiTokenAuthenticationFilter(ApiTokenService tokens, ApiUnauthorised unauthorised) {
        this.tokens = tokens;
        this.unauthorised = unauthorised;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.startsWith(BEARER)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<AmamoPrincipal> principal =
                tokens.authenticate(header.substring(BEARER.length()).strip());
        if (principal.isEmpty()) {
            unauthorised.invalidToken(request, response);
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                principal.get(), null, principal.get().getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
