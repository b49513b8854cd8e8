package org.amamo.identity.internal;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The site's address as the current request reached it, for links in e-mail. */
final class SiteUrl {

    private SiteUrl() {}

    static String current() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }
}
