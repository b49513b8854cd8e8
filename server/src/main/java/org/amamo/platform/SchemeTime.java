package org.amamo.platform;

import java.time.ZoneId;

/** The scheme's time zone: every date and time a user enters or reads is Japan Standard Time. */
public final class SchemeTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");

    private SchemeTime() {}
}
