package org.amamo.disclosure.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.amamo.notice.PublishedNotices;
import org.amamo.programme.Programme;
import org.amamo.programme.ProgrammeRecords;
import org.amamo.programme.Programmes;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * A programme's public page: its latest notices (its own and those about every programme), its imported record (certifications and offsets per fiscal year, the record by
 * organisation) and its offset usage (retirements by purpose, ecosystem and prefecture, with the imported offsets).
 */
@Controller
class ProgrammeStatisticsController {

    /** How many of the programme's latest notices its page lists. */
    static final int NOTICES_ON_PAGE = 5;

    private final Programmes programmes;
    private final ProgrammeRecords records;
    private final OffsetUsage usage;
    private final PublishedNotices notices;

    ProgrammeStatisticsController(
            Programmes programmes, ProgrammeRecords records, OffsetUsage usage, PublishedNotices notices) {
        this.programmes = programmes;
        this.records = records;
        this.usage = usage;
        this.notices = notices;
    }

    /** A year of a programme's imported record: removals and reductions certified, credits used for offsets. */
    record HistoryYear(
            int fiscalYear, BigDecimal removalsCertified, BigDecimal reductionsCertified, BigDecimal offset) {}

    @GetMapping("/programmes/{code}/statistics")
    String statistics(@PathVariable String code, Model model) {
        Programme programme =
                programmes.find(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        List<ProgrammeRecords.ImportedRecord> imported = records.imported(code);
        model.addAttribute("programme", programme);
        model.addAttribute("years", historyYears(imported));
        model.addAttribute("records", imported);
        model.addAttribute("usage", usage.summary(code));
        model.addAttribute("usageProgramme", code);
        model.addAttribute("notices", notices.latest(programme.code(), NOTICES_ON_PAGE));
        return "disclosure/programme-statistics";
    }

    static List<HistoryYear> historyYears(List<ProgrammeRecords.ImportedRecord> imported) {
        Map<Integer, BigDecimal[]> byYear = new TreeMap<>();
        for (ProgrammeRecords.ImportedRecord record : imported) {
            BigDecimal[] sums = byYear.computeIfAbsent(
                    record.fiscalYear(), year -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
            int slot = record.offset() ? 2 : "REMOVAL".equals(record.creditType()) ? 0 : 1;
            sums[slot] = sums[slot].add(record.tonnes());
        }
        return byYear.entrySet().stream()
                .map(entry ->
                        new HistoryYear(entry.getKey(), entry.getValue()[0], entry.getValue()[1], entry.getValue()[2]))
                .toList();
    }
}
