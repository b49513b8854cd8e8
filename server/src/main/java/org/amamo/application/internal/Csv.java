package org.amamo.application.internal;

import java.math.BigDecimal;

/** CSV cells (RFC 4180) and credit quantities as tonnes. */
final class Csv {

    private Csv() {
    }

    /** A cell quoted when it holds a comma, quote or line break; a leading formula character is defused. */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String text = value;
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    /** Units of 0.1 t-CO2 as tonnes with one decimal: 123 -> 12.3. */
    static String tonnes(long units) {
        return BigDecimal.valueOf(units, 1).toPlainString();
    }
}
