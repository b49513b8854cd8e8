package org.amamo.registry.internal.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The names of the scheme's own accounts in the page's language. The registry stores them once, in English, as the
 * journal recorded them ("Issuance account", "Retirement account 2024", "Escrow of solicitation round 1"); a page
 * shows them through the bundles ({@code registry.account.name.*}). A holder's own name is shown as it is. Used by the
 * templates as {@code @accountNames.shown(name)}.
 */
@Component("accountNames")
public class AccountNames {

    private static final Pattern RETIREMENT = Pattern.compile("Retirement account ([0-9]{4})");
    private static final Pattern ESCROW = Pattern.compile("Escrow of solicitation round ([0-9]{1,18})");

    private final MessageSource messages;

    AccountNames(MessageSource messages) {
        this.messages = messages;
    }

    public String shown(String stored) {
        if (stored == null) {
            return "";
        }
        if (stored.equals("Issuance account")) {
            return message("registry.account.name.issuance");
        }
        if (stored.equals("Cancellation account")) {
            return message("registry.account.name.cancellation");
        }
        Matcher retirement = RETIREMENT.matcher(stored);
        if (retirement.matches()) {
            return message("registry.account.name.retirement", retirement.group(1));
        }
        Matcher escrow = ESCROW.matcher(stored);
        if (escrow.matches()) {
            return message("registry.account.name.escrow", escrow.group(1));
        }
        return stored;
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }
}
