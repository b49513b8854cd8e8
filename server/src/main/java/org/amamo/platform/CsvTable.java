package org.amamo.platform;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A CSV export (RFC 4180, UTF-8 with a byte-order mark so that spreadsheet programs read Japanese text, CRLF line
 * ends) with a fixed header. Column names are part of the open-data contract documented in the README: new columns
 * go at the end, none is renamed or removed. A cell holding a comma, quote or line break is quoted, and one that
 * starts with a formula character ({@code = + - @}) is prefixed with an apostrophe so that a spreadsheet shows it as
 * text instead of running it.
 */
public final class CsvTable {

    private final int columns;
    private final StringBuilder text = new StringBuilder("\uFEFF");

    public CsvTable(String... header) {
        this.columns = header.length;
        line(List.of((Object[]) header));
    }

    /** Adds a row; null cells are empty, numbers are written in plain notation. */
    public CsvTable row(Object... cells) {
        if (cells.length != columns) {
            throw new IllegalArgumentException("a row needs " + columns + " cells, got " + cells.length);
        }
        line(java.util.Arrays.asList(cells));
        return this;
    }

    /** Units of 0.1 t-CO2 as tonnes with one decimal: 123 becomes 12.3. */
    public static BigDecimal tonnes(long units) {
        return BigDecimal.valueOf(units, 1);
    }

    /** A cell as written: quoted where needed, formula characters defused. */
    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String cell = defused(value);
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
            return quote(cell);
        }
        return cell;
    }

    /** A text cell always in quotes (for exports that quote every text column), formula characters defused. */
    public static String quoted(String value) {
        return value == null ? "" : quote(defused(value));
    }

    private static String defused(Object value) {
        String cell = value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
        if (!cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0 && !(value instanceof Number)) {
            return "'" + cell;
        }
        return cell;
    }

    private static String quote(String cell) {
        return "\"" + cell.replace("\"", "\"\"") + "\"";
    }

    public String text() {
        return text.toString();
    }

    /** The table as a download named {@code filename}. */
    public ResponseEntity<byte[]> download(String filename) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
                .body(text().getBytes(StandardCharsets.UTF_8));
    }

    private void line(List<Object> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(cell(cells.get(i)));
        }
        text.append("\r\n");
    }
}
