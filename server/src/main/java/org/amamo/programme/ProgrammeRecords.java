package org.amamo.programme;

import java.math.BigDecimal;
import java.util.List;

/**
 * A programme's records from before the system, as the secretariat imported them (history CSV): certifications
 * by organisation and credit type, and credits used for offsets, per fiscal year. Always shown as imported.
 */
public interface ProgrammeRecords {

    /** Every imported record of the programme, newest year first. */
    List<ImportedRecord> imported(String programmeCode);

    /**
     * One imported row.
     *
     * @param recordKind  {@code CERTIFICATION} or {@code OFFSET}
     * @param creditType  {@code REMOVAL} or {@code REDUCTION}; null for an offset
     * @param tonnes      t-CO2, one decimal
     * @param users       an offset row's number of users (活用者数), or null when not known (and for a certification)
     */
    record ImportedRecord(
            String programmeCode,
            int fiscalYear,
            String recordKind,
            String creditType,
            String organisation,
            String description,
            BigDecimal tonnes,
            Integer users) {

        public boolean offset() {
            return "OFFSET".equals(recordKind);
        }
    }
}
