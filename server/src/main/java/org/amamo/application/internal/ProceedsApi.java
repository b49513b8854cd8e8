package org.amamo.application.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.amamo.platform.ApiController;
import org.springframework.web.bind.annotation.GetMapping;

/** Open data: every project's use-of-proceeds reports (資金の使途). */
@ApiController("/api/v1")
@Tag(name = "Applications")
class ProceedsApi {

    private final ProceedsService proceeds;

    ProceedsApi(ProceedsService proceeds) {
        this.proceeds = proceeds;
    }

    /** One fiscal year's report of one project; {@code amountYen} is null when the project gave none. */
    record ProceedsEntry(
            String projectCode,
            String projectName,
            int fiscalYear,
            BigDecimal amountYen,
            List<String> activities,
            String description,
            Instant recordedAt) {}

    @GetMapping("/projects/proceeds")
    @Operation(summary = "How certified projects used their proceeds (資金の使途), by project and fiscal year")
    List<ProceedsEntry> all() {
        return proceeds.all().stream()
                .map(report -> new ProceedsEntry(
                        report.projectCode(),
                        report.projectName(),
                        report.fiscalYear(),
                        report.amountYen(),
                        report.activities(),
                        report.description(),
                        report.recordedAt()))
                .toList();
    }
}
