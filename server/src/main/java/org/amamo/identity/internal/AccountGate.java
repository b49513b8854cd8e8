package org.amamo.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.amamo.identity.AmamoPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a signed-in user who still owes a step to the page of that step: an unconfirmed address to
 * {@link #CONFIRM_PAGE} (confirm, resend or change it), a secretariat, reviewer or administrator signed in without a
 * second factor to {@link #SECOND_FACTOR_PAGE} (enrol, or enter a code). Every other page, staff pages included, is
 * out of reach until then; signing out, static files and the links sent by e-mail stay open.
 */
final class AccountGate extends OncePerRequestFilter {

    static final String CONFIRM_PAGE = "/account/email";
    static final String SECOND_FACTOR_PAGE = "/account/two-factor";

    private static final List<String> ALWAYS_OPEN =
            List.of("/logout", "/assets/", "/webjars/", "/error", "/email/confirm", "/favicon.ico");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof AmamoPrincipal user) {
            String path =
                    request.getRequestURI().substring(request.getContextPath().length());
            String owed = owedPage(user);
            if (owed != null && !open(path, owed)) {
                response.sendRedirect(request.getContextPath() + owed);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** The page of the step the user still owes, or null. */
    static String owedPage(AmamoPrincipal user) {
        if (!user.emailConfirmed()) {
            return CONFIRM_PAGE;
        }
        if (user.needsSecondFactor() && !user.secondFactor()) {
            return SECOND_FACTOR_PAGE;
        }
        return null;
    }

    private static boolean open(String path, String owed) {
        return path.equals(owed)
                || path.startsWith(owed + "/")
                || ALWAYS_OPEN.stream().anyMatch(open -> path.equals(open) || path.startsWith(open));
    }
}
