package org.amamo.platform;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Japan's 47 prefectures by their JIS X 0401 codes ({@code 01} Hokkaido to {@code 47} Okinawa). Codes are stored;
 * names come from the message bundles ({@code prefecture.14} is 神奈川県 / Kanagawa).
 */
public final class Prefectures {

    /** Every code, in JIS order (north to south). */
    public static final List<String> CODES =
            IntStream.rangeClosed(1, 47).mapToObj(n -> String.format("%02d", n)).toList();

    private Prefectures() {}

    public static boolean known(String code) {
        return CODES.contains(code);
    }

    /** The bundle key of a prefecture's name. */
    public static String messageKey(String code) {
        return "prefecture." + code;
    }
}
