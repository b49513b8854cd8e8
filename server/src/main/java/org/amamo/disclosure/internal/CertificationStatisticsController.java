package org.amamo.disclosure.internal;

import org.amamo.platform.CsvTable;
import org.amamo.programme.Programmes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Seed 002's breakdown of the certification record and seed 001's users of offsets, as CSV (one file per table of
 * the statistics page); {@link CertificationStatisticsApi} gives the same as JSON.
 */
@Controller
class CertificationStatisticsController {

    private final CertificationBreakdown breakdown;
    private final OffsetUsage usage;
    private final Programmes programmes;

    CertificationStatisticsController(CertificationBreakdown breakdown, OffsetUsage usage, Programmes programmes) {
        this.breakdown = breakdown;
        this.usage = usage;
        this.programmes = programmes;
    }

    /**
     * One table of the breakdown ({@link CertificationBreakdown#TABLES}: ecosystem, prefecture, implementer-type,
     * survey-method, coefficient-basis); columns {@code group, projects, t_co2, hectares}. Another name is a 404.
     */
    @GetMapping("/statistics/certified/{table}.csv")
    ResponseEntity<byte[]> table(@PathVariable String table) {
        if (!CertificationBreakdown.TABLES.contains(table)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        CsvTable csv = new CsvTable(table.replace('-', '_'), "projects", "t_co2", "hectares");
        for (CertificationBreakdown.Group group : breakdown.tables().table(table)) {
            csv.row(group.group(), group.projects(), group.tonnes(), group.hectares());
        }
        return csv.download("certified-by-" + table + ".csv");
    }

    /**
     * Users of offsets per fiscal year and purpose (seed 001 table 1), of all programmes or of one
     * ({@code ?programme=YBC}); columns {@code fiscal_year, source (system or imported), purpose, users}, with a
     * {@code total} row per year (an imported year has only that).
     */
    @GetMapping("/statistics/offsets/users.csv")
    ResponseEntity<byte[]> users(@RequestParam(required = false) String programme) {
        CsvTable csv = new CsvTable("fiscal_year", "source", "purpose", "users");
        for (OffsetUsage.UserYear year : usage.users(programmes.known(programme))) {
            String source = year.imported() ? "imported" : "system";
            year.byPurpose()
                    .forEach((purpose, users) ->
                            csv.row(year.fiscalYear(), source, purpose.toLowerCase(java.util.Locale.ROOT), users));
            csv.row(year.fiscalYear(), source, "total", year.total());
        }
        return csv.download("offset-users.csv");
    }
}
