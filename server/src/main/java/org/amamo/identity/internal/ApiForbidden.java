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
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The REST API's answer to a signed-in caller whose role the operation's {@code @PreAuthorize} rule refuses: 403 with
 * a problem document, as the API's description says, rather than an empty body. (A refusal by a service's rule, such
 * as someone else's account, is a problem document written by {@code ApiErrors}.)
 */
@Component
class ApiForbidden implements AccessDeniedHandler {

    private final MessageSource messages;
    private final LocaleResolver locales;
    private final ObjectMapper json;

    ApiForbidden(MessageSource messages, LocaleResolver locales, ObjectMapper json) {
        this.messages = messages;
        this.locales = locales;
        this.json = json;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        Locale locale = locales.resolveLocale(request);
        String message = messages.getMessage("api.error.forbidden", null, "api.error.forbidden", locale);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "urn:amamo:forbidden");
        problem.put("title", "Forbidden");
        problem.put("status", HttpServletResponse.SC_FORBIDDEN);
        problem.put("detail", message);
        problem.put("instance", request.getRequestURI());
        problem.put("errors", List.of(Map.of("field", "$", "message", message)));
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
