package org.amamo.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The answer to a request that could not be decided because the database could not be reached: 503 with
 * {@code Retry-After}, a problem document for the API and the actuator, a page of its own for the web. It wraps
 * every other filter (the session store and the API token check read the database before any controller runs), so
 * that such a failure never falls through to the container's error dispatch, where a POST would meet the web pages'
 * login rule and be redirected to the login page, or a GET would get a 500. Nothing is kept between requests: once
 * the database answers again, so does the application.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseOutageFilter extends OncePerRequestFilter {

    /** Seconds a client is asked to wait before trying again: about what a database restart takes. */
    static final int RETRY_AFTER_SECONDS = 5;

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);

    private final MessageSource messages;
    private final LocaleResolver locales;
    private final ObjectMapper json;
    private final ITemplateEngine templates;

    DatabaseOutageFilter(MessageSource messages, LocaleResolver locales, ObjectMapper json, ITemplateEngine templates) {
        this.messages = messages;
        this.locales = locales;
        this.json = json;
        this.templates = templates;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (!DatabaseUnreachable.causedBy(e) || response.isCommitted()) {
                throw e;
            }
            log.warn(
                    "{} {}: database unreachable, answered 503: {}",
                    request.getMethod(),
                    request.getRequestURI(),
                    e.toString());
            unavailable(request, response);
        }
    }

    private void unavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Locale locale = RequestLocale.of(request, locales);
        response.resetBuffer();
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setCharacterEncoding("UTF-8");
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/") || path.startsWith("/actuator/") || path.startsWith("/v3/")) {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), problem(request, locale));
        } else {
            response.setContentType(MediaType.TEXT_HTML_VALUE);
            Context page = new Context(locale, Map.of("retryAfterSeconds", RETRY_AFTER_SECONDS));
            templates.process("unavailable", page, response.getWriter());
        }
    }

    private Map<String, Object> problem(HttpServletRequest request, Locale locale) {
        String message = messages.getMessage("platform.unavailable.detail", new Object[] {RETRY_AFTER_SECONDS}, locale);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "urn:amamo:unavailable");
        problem.put("title", "Service Unavailable");
        problem.put("status", HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        problem.put("detail", message);
        problem.put("instance", request.getRequestURI());
        problem.put("errors", List.of(Map.of("field", "$", "message", message)));
        return problem;
    }
}
