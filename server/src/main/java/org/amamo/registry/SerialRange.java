package org.amamo.registry;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A range of consecutive serial numbers within one batch, e.g. {@code JBC-2024-0012-01-000001-000123}: programme
 * prefix, vintage, project code, batch number, first and last serial. One serial number names one unit of
 * 0.1 t-CO2; a single unit is written as a range whose first and last serial are equal, or with the last part left
 * out ({@code JBC-2024-0012-01-000005}).
 *
 * <p>Batch numbers are written with at least two digits and serials with at least six, so that the text sorts like
 * the numbers within a batch up to 999,999 units (99,999.9 t); larger serials simply take more digits.
 */
public record SerialRange(
        String programmePrefix, int vintage, String projectCode, int batchNumber, long firstSerial, long lastSerial) {

    /** Programme prefixes are 2 to 10 capital letters, e.g. {@code JBC}. */
    public static final Pattern PREFIX = Pattern.compile("[A-Z]{2,10}");
    /** Project codes are 1 to 16 capital letters or digits, e.g. {@code 0012}; a hyphen would break the format. */
    public static final Pattern PROJECT_CODE = Pattern.compile("[A-Z0-9]{1,16}");
    /** The longest text accepted for parsing; anything longer is not a serial number. */
    public static final int MAX_TEXT_LENGTH = 80;

    private static final Pattern FORMAT =
            Pattern.compile("([A-Z]{2,10})-(\\d{4})-([A-Z0-9]{1,16})-(\\d{1,4})-(\\d{1,12})(?:-(\\d{1,12}))?");

    public SerialRange {
        if (!PREFIX.matcher(programmePrefix).matches()
                || !PROJECT_CODE.matcher(projectCode).matches()) {
            throw new IllegalArgumentException("bad prefix or project code: " + programmePrefix + ", " + projectCode);
        }
        if (vintage < 1000 || vintage > 9999 || batchNumber < 1 || firstSerial < 1 || lastSerial < firstSerial) {
            throw new IllegalArgumentException(
                    "bad serial range: " + vintage + "/" + batchNumber + "/" + firstSerial + "-" + lastSerial);
        }
    }

    /** The number of units (0.1 t-CO2 each) in the range. */
    public long creditUnits() {
        return lastSerial - firstSerial + 1;
    }

    /** The batch part alone, e.g. {@code JBC-2024-0012-01}. */
    public String batchText() {
        StringBuilder text = new StringBuilder(32).append(programmePrefix).append('-');
        padded(text, vintage, 4).append('-').append(projectCode).append('-');
        return padded(text, batchNumber, 2).toString();
    }

    /** The human-readable form, e.g. {@code JBC-2024-0012-01-000001-000123}. */
    public String format() {
        StringBuilder text = new StringBuilder(48).append(batchText()).append('-');
        padded(text, firstSerial, 6).append('-');
        return padded(text, lastSerial, 6).toString();
    }

    /** Appends a non-negative number with leading zeros up to {@code width} digits (more digits if it has them). */
    private static StringBuilder padded(StringBuilder text, long number, int width) {
        String digits = Long.toString(number);
        for (int i = digits.length(); i < width; i++) {
            text.append('0');
        }
        return text.append(digits);
    }

    @Override
    public String toString() {
        return format();
    }

    /**
     * Reads a serial range or a single serial number; surrounding blanks and lower case are accepted. Empty when
     * the text is not one (wrong shape, zero serial, last before first).
     */
    public static Optional<SerialRange> parse(String text) {
        if (text == null || text.length() > MAX_TEXT_LENGTH) {
            return Optional.empty();
        }
        Matcher matcher = FORMAT.matcher(text.strip().toUpperCase(Locale.ROOT));
        if (!matcher.matches()) {
            return Optional.empty();
        }
        long first = Long.parseLong(matcher.group(5));
        long last = matcher.group(6) == null ? first : Long.parseLong(matcher.group(6));
        int vintage = Integer.parseInt(matcher.group(2));
        int batch = Integer.parseInt(matcher.group(4));
        if (first < 1 || last < first || batch < 1 || vintage < 1000) {
            return Optional.empty();
        }
        return Optional.of(new SerialRange(matcher.group(1), vintage, matcher.group(3), batch, first, last));
    }
}
