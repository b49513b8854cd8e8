package org.amamo.registry.internal.web;

import java.time.format.DateTimeFormatter;
import java.util.List;
import org.amamo.platform.CsvTable;
import org.amamo.platform.SchemeTime;
import org.amamo.registry.internal.read.RegistryViews;

/** An account statement as CSV (RFC 4180, UTF-8 with a byte-order mark so that spreadsheet programs read it). */
final class StatementCsv {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(SchemeTime.ZONE);

    private StatementCsv() {}

    static String write(List<RegistryViews.StatementLine> lines) {
        StringBuilder csv = new StringBuilder("\uFEFFentry,recorded_at_jst,operation,counterparty_account,counterparty,"
                + "serial_range,credit_units,tonnes_co2\r\n");
        for (RegistryViews.StatementLine line : lines) {
            csv.append(line.entryId())
                    .append(',')
                    .append(TIME.format(line.recordedAt()))
                    .append(',')
                    .append(line.operation())
                    .append(',')
                    .append(line.counterpartyAccountId() == null ? "" : line.counterpartyAccountId())
                    .append(',')
                    .append(CsvTable.quoted(line.counterpartyName()))
                    .append(',')
                    .append(line.serialRange())
                    .append(',')
                    .append(line.creditUnits())
                    .append(',')
                    .append(tonnes(line.creditUnits()))
                    .append("\r\n");
        }
        return csv.toString();
    }

    /** Units of 0.1 t as tonnes with one decimal, exactly. */
    static String tonnes(long units) {
        return java.math.BigDecimal.valueOf(units, 1).toPlainString();
    }
}
