package org.amamo.identity;

/**
 * 法人番号, Japan's 13-digit corporate number. The first digit is a check digit over the other twelve:
 * {@code 9 - (sum of P(n) x Q(n) for n = 1..12) mod 9}, where P(n) is the n-th digit counted from the
 * right of the twelve and Q(n) is 1 for odd n and 2 for even n (National Tax Agency's published rule).
 */
public final class CorporateNumber {

    public static final int LENGTH = 13;

    private CorporateNumber() {}

    /** Whether {@code text} is exactly 13 ASCII digits whose first digit is the right check digit. */
    public static boolean isValid(String text) {
        if (text == null || text.length() != LENGTH || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        return text.charAt(0) - '0' == checkDigit(text.substring(1));
    }

    /** The check digit for twelve base digits. */
    public static int checkDigit(String twelveDigits) {
        if (twelveDigits.length() != LENGTH - 1) {
            throw new IllegalArgumentException("a corporate number's base has 12 digits: " + twelveDigits);
        }
        int sum = 0;
        for (int n = 1; n <= 12; n++) {
            int digit = twelveDigits.charAt(12 - n) - '0';
            sum += digit * (n % 2 == 1 ? 1 : 2);
        }
        return 9 - sum % 9;
    }
}
