package org.amamo.identity.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The REST API's answer to a request it cannot authenticate: 401 with a problem document naming the
 * {@code Authorization} header, in the request's language, whatever the method. It is written here, in the
 * security filters, rather than by an error page, because an error dispatch would be a second request that the
 * web pages' rules answer with the login page.
 */
@Component
class ApiUnauthorised implements AuthenticationEntryPoint {

    private final MessageSource messages;
    private final LocaleResolver locales;
    private final ObjectMapper json;

    ApiUnauthorised(MessageSource messages, LocaleResolver locales, ObjectMapper json) {
        this.messages = messages;
        this.locales = locales;
        this.json = json;
    }

    /** No token was sent for an operation that needs one. */
    @Override
    public void commence(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException authenticationException)
            throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        write(request, response, "api.error.authentication-required");
    }

    /** A token was sent but is unknown or revoked, or its user is disabled or locked. */
    void invalidToken(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
        write(request, response, "api.error.unauthorised");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, String messageKey) throws IOException {
        Locale locale = locales.resolveLocale(request);
        String message = messages.getMessage(messageKey, null, messageKey, locale);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "urn:amamo:unauthorised");
        problem.put("title", "Unauthorized");
        problem.put("status", HttpServletResponse.SC_UNAUTHORIZED);
        problem.put("detail", message);
        problem.put("instance", request.getRequestURI());
        problem.put("errors", List.of(Map.of("field", HttpHeaders.AUTHORIZATION, "message", message)));
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
