package org.amamo.programme.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.amamo.platform.ApiController;
import org.amamo.programme.Programme;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** Open data: a programme's partner municipalities (連携自治体) and the last day each may apply. */
@ApiController("/api/v1")
@Tag(name = "Programmes")
class PartnerApi {

    private final PartnerService partners;
    private final ProgrammeRepository programmes;

    PartnerApi(PartnerService partners, ProgrammeRepository programmes) {
        this.partners = partners;
        this.programmes = programmes;
    }

    /**
     * One partner municipality.
     *
     * @param applyBy the last day (in Japan) a submission of the municipality is accepted: the end of the fiscal
     *     year after the fiscal year of its latest information exchange
     */
    record PartnerEntry(String municipalityCode, String name, LocalDate latestExchangeOn, LocalDate applyBy) {}

    @GetMapping("/programmes/{code}/partners")
    @Operation(summary = "A programme's partner municipalities (連携自治体) and their application deadlines")
    List<PartnerEntry> partners(@PathVariable String code) {
        Programme programme =
                programmes.find(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return partners.partners(programme.code()).stream()
                .map(partner -> new PartnerEntry(
                        partner.municipalityCode(), partner.name(), partner.latestExchangeOn(), partner.deadline()))
                .toList();
    }
}
