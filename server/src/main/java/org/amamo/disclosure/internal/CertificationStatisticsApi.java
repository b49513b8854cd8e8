package org.amamo.disclosure.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.amamo.platform.ApiController;
import org.amamo.programme.Programmes;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Seed 002's breakdown of the certification record and seed 001's users of offsets, as JSON. */
@ApiController("/api/v1")
@Tag(name = "Disclosure")
class CertificationStatisticsApi {

    private final CertificationBreakdown breakdown;
    private final OffsetUsage usage;
    private final Programmes programmes;

    CertificationStatisticsApi(CertificationBreakdown breakdown, OffsetUsage usage, Programmes programmes) {
        this.breakdown = breakdown;
        this.usage = usage;
        this.programmes = programmes;
    }

    @GetMapping("/statistics/certified")
    @Operation(
            summary = "The projects certified in this system: t-CO2 and hectares by ecosystem, prefecture (JIS"
                    + " code), implementer type, survey method and coefficient basis type (seed 002); 'unknown'"
                    + " where nothing was recorded")
    CertificationBreakdown.Tables certified() {
        return breakdown.tables();
    }

    @GetMapping("/statistics/offsets/users")
    @Operation(
            summary = "Users of offsets (distinct beneficiaries) per fiscal year, by purpose and in total, of all"
                    + " programmes or of one (programme=CODE)")
    List<OffsetUsage.UserYear> users(@RequestParam(required = false) String programme) {
        return usage.users(programmes.known(programme));
    }
}
