package org.amamo.programme.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.amamo.platform.Outcome;
import org.amamo.platform.Refusal;
import org.amamo.platform.RefusalKind;

/**
 * The documented CSV format for a programme's records from before the system (README, "Programme history").
 * Header, exactly: {@code programme,fiscal_year,record,credit_type,organisation,description,t_co2}; UTF-8;
 * fields may be quoted with double quotes. {@code record} is {@code certification} or {@code offset};
 * {@code credit_type} is {@code removal} or {@code reduction} (required for a certification, empty for an
 * offset); {@code t_co2} has at most one decimal. The header may end with an eighth column, {@code users}: the
 * number of users (活用者数, seed 001 table 1) of an offset row, a whole number from 0, or empty when not known;
 * empty on a certification row. The file is read whole: any bad row is reported with its line number and nothing
 * is imported.
 */
final class HistoryCsv {

    static final String HEADER = "programme,fiscal_year,record,credit_type,organisation,description,t_co2";
    /** The header with the optional users column (added with issue 22 item 5). */
    static final String HEADER_WITH_USERS = HEADER + ",users";

    static final int MAX_ROWS = 10_000;

    private HistoryCsv() {}

    /** One valid row. */
    record Row(
            String programme,
            int fiscalYear,
            String recordKind,
            String creditType,
            String organisation,
            String description,
            BigDecimal tonnes,
            Integer users) {}

    /** The rows, or refused as invalid with every bad line's refusal (field {@code file}, with the line number). */
    static Outcome<List<Row>> parse(String text, Set<String> programmes) {
        List<Refusal> refusals = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        String[] lines = text.replace("\uFEFF", "").split("\r?\n");
        if (lines.length == 0 || !HEADER.equals(lines[0].strip()) && !HEADER_WITH_USERS.equals(lines[0].strip())) {
            return Outcome.refused(RefusalKind.INVALID, Refusal.of("file", "history.csv.header", HEADER));
        }
        int columns = HEADER.equals(lines[0].strip()) ? 7 : 8;
        if (lines.length - 1 > MAX_ROWS) {
            return Outcome.refused(RefusalKind.INVALID, Refusal.of("file", "history.csv.too-many", MAX_ROWS));
        }
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            int lineNumber = i + 1;
            List<String> cells = cells(lines[i]);
            if (cells.size() != columns) {
                refusals.add(Refusal.of(
                        "file",
                        columns == 7 ? "history.csv.columns" : "history.csv.columns-users",
                        lineNumber,
                        cells.size()));
                continue;
            }
            Row row = row(cells, lineNumber, programmes, refusals);
            if (row != null) {
                rows.add(row);
            }
        }
        if (rows.isEmpty() && refusals.isEmpty()) {
            refusals.add(Refusal.of("file", "history.csv.empty"));
        }
        return refusals.isEmpty() ? Outcome.done(rows) : Outcome.refused(RefusalKind.INVALID, refusals);
    }

    private static Row row(List<String> cells, int line, Set<String> programmes, List<Refusal> refusals) {
        int before = refusals.size();
        String programme = cells.get(0).strip();
        if (!programmes.contains(programme)) {
            refusals.add(Refusal.of("file", "history.csv.programme", line, programme));
        }
        Integer year = integer(cells.get(1).strip());
        if (year == null || year < 1990 || year > 2100) {
            refusals.add(Refusal.of("file", "history.csv.year", line, cells.get(1)));
        }
        String kind = cells.get(2).strip().toUpperCase(Locale.ROOT);
        if (!kind.equals("CERTIFICATION") && !kind.equals("OFFSET")) {
            refusals.add(Refusal.of("file", "history.csv.record", line, cells.get(2)));
        }
        String type = cells.get(3).strip().toUpperCase(Locale.ROOT);
        boolean typeValid =
                type.equals("REMOVAL") || type.equals("REDUCTION") || (type.isEmpty() && kind.equals("OFFSET"));
        if (!typeValid) {
            refusals.add(Refusal.of("file", "history.csv.type", line, cells.get(3)));
        }
        String organisation = cells.get(4).strip();
        if (organisation.isEmpty()
                || organisation.length() > 200
                || cells.get(5).length() > 500) {
            refusals.add(Refusal.of("file", "history.csv.text", line));
        }
        BigDecimal tonnes = decimal(cells.get(6).strip());
        if (tonnes == null || tonnes.signum() < 0 || tonnes.stripTrailingZeros().scale() > 1) {
            refusals.add(Refusal.of("file", "history.csv.tonnes", line, cells.get(6)));
        }
        Integer users = null;
        String usersCell = cells.size() > 7 ? cells.get(7).strip() : "";
        if (!usersCell.isEmpty()) {
            users = integer(usersCell);
            if (users == null || users < 0 || !kind.equals("OFFSET")) {
                refusals.add(Refusal.of("file", "history.csv.users", line, usersCell));
            }
        }
        if (refusals.size() > before) {
            return null;
        }
        return new Row(
                programme,
                year,
                kind,
                type.isEmpty() ? null : type,
                organisation,
                cells.get(5).isBlank() ? null : cells.get(5).strip(),
                tonnes,
                users);
    }

    /** Splits one CSV line (RFC 4180 quoting within the line). */
    static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    private static Integer integer(String text) {
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static BigDecimal decimal(String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
