package org.amamo.platform;

import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Texts the secretariat writes (notices, round rules, statistics notes) in the page's language; used from templates as
 * {@code @written} (and through the fragments {@code written} and {@code written-html}). Such a text has a Japanese
 * version and an optional English one: an English page shows the English version, or the Japanese text marked as
 * Japanese only when there is none.
 */
@Component("written")
public class Written {

    /** The version for the current page: the English one on an English page when there is one, else the Japanese. */
    public String text(String japanese, String english) {
        return english(LocaleContextHolder.getLocale()) && present(english) ? english : japanese;
    }

    /** Whether the current page is English and the text has no English version, so that it shows in Japanese. */
    public boolean japaneseOnly(String english) {
        return english(LocaleContextHolder.getLocale()) && !present(english);
    }

    /** A version as stored: null for none, so that a blank field leaves the English version out. */
    public static String optional(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static boolean english(Locale locale) {
        return Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }
}
