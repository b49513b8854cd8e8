package org.amamo.consultation.internal;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Japan's 47 prefectures by their JIS X 0401 codes ({@code 01} Hokkaido to {@code 47} Okinawa). Codes are
 * stored; names come from the message bundles ({@code consultation.prefecture.14} is Kanagawa).
 */
final class Prefectures {

    static final List<String> CODES =
            IntStream.rangeClosed(1, 47).mapToObj(n -> String.format("%02d", n)).toList();

    private Prefectures() {}

    static boolean known(String code) {
        return CODES.contains(code);
    }
}
