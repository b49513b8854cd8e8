package org.amamo.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The language of an answer written by a servlet filter, before Spring MVC's {@code ?lang=} interceptor runs: the
 * query's {@code lang} when it names a language, else what the locale resolver (the language cookie) says. Only the
 * query string is read, so that a multipart body is not parsed for it.
 */
final class RequestLocale {

    private RequestLocale() {}

    static Locale of(HttpServletRequest request, LocaleResolver locales) {
        String query = request.getQueryString();
        if (query != null) {
            String lang = UriComponentsBuilder.newInstance()
                    .query(query)
                    .build()
                    .getQueryParams()
                    .getFirst(LocaleConfiguration.LANGUAGE_PARAMETER);
            if (lang != null && lang.matches("[a-z]{2}")) {
                return StringUtils.parseLocale(lang);
            }
        }
        return locales.resolveLocale(request);
    }
}
