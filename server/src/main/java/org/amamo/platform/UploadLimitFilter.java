package org.amamo.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
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
 * The container's own limit on an upload ({@code spring.servlet.multipart.max-request-size}), answered before the
 * security filters read the form: past it the container cannot read the form at all, so the CSRF token is lost and
 * the request would otherwise meet a 403 or the raw error page. Such a request gets 413 with the limit: a problem
 * document on the API, a page with a way back on the web. Files under this limit but over a form's own limit (an
 * attachment's 10 MB) reach their controller and are refused at the form's file field, with what the user entered
 * kept; the container's limit is set well above every form's so that this is the usual case.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class UploadLimitFilter extends OncePerRequestFilter {

    private final long maxRequestBytes;
    private final MessageSource messages;
    private final LocaleResolver locales;
    private final ObjectMapper json;
    private final ITemplateEngine templates;

    UploadLimitFilter(
            MultipartProperties multipart,
            MessageSource messages,
            LocaleResolver locales,
            ObjectMapper json,
            ITemplateEngine templates) {
        this.maxRequestBytes = multipart.getMaxRequestSize().toBytes();
        this.messages = messages;
        this.locales = locales;
        this.json = json;
        this.templates = templates;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isMultipart(request) && tooLarge(request)) {
            answer(request, response);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
    }

    /** Over the limit by its declared length, or (a body sent in chunks) once the container has read it. */
    private boolean tooLarge(HttpServletRequest request) throws IOException {
        if (maxRequestBytes > 0 && request.getContentLengthLong() > maxRequestBytes) {
            return true;
        }
        try {
            request.getParts();
            return false;
        } catch (IllegalStateException | ServletException e) {
            return isSizeLimit(e);
        }
    }

    private static boolean isSizeLimit(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String name = cause.getClass().getSimpleName();
            if (name.contains("SizeLimitExceeded") || name.contains("SizeException")) {
                return true;
            }
        }
        return false;
    }

    private void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Locale locale = RequestLocale.of(request, locales);
        long megabytes = maxRequestBytes / (1024 * 1024);
        response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        response.setCharacterEncoding("UTF-8");
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/")) {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), problem(request, locale, megabytes));
            return;
        }
        response.setContentType(MediaType.TEXT_HTML_VALUE);
        Context page = new Context(locale, Map.of("maxMegabytes", megabytes, "back", back(request)));
        templates.process("upload-too-large", page, response.getWriter());
    }

    private Map<String, Object> problem(HttpServletRequest request, Locale locale, long megabytes) {
        String message = messages.getMessage("upload.request-too-large.detail", new Object[] {megabytes}, locale);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "urn:amamo:payload-too-large");
        problem.put("title", "Payload Too Large");
        problem.put("status", HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        problem.put("detail", message);
        problem.put("instance", request.getRequestURI());
        problem.put("maxBytes", maxRequestBytes);
        problem.put("errors", List.of(Map.of("field", "file", "message", message)));
        return problem;
    }

    /** The page the form was on, when it is one of this site's; otherwise the home page. */
    private static String back(HttpServletRequest request) {
        String referer = request.getHeader(HttpHeaders.REFERER);
        if (referer == null) {
            return "/";
        }
        try {
            URI uri = URI.create(referer);
            boolean ours = uri.getHost() == null || uri.getHost().equalsIgnoreCase(request.getServerName());
            String path = uri.getRawPath();
            return ours && path != null && path.startsWith("/") && !path.startsWith("//")
                    ? path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                    : "/";
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }
}
