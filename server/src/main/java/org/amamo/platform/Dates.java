package org.amamo.platform;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/** Formats instants for pages in the scheme's time zone; used from templates as {@code @dates}. */
@Component("dates")
public class Dates {

    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(SchemeTime.ZONE);
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(SchemeTime.ZONE);

    /** e.g. 2024-04-01 09:00 (JST); empty for no instant. */
    public String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant);
    }

    /** e.g. 2024-04-01 (JST); empty for no instant. */
    public String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant);
    }
}
