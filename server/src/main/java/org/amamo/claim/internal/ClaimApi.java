package org.amamo.claim.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.amamo.claim.ClaimConflict;
import org.amamo.claim.ClaimDetermination;
import org.amamo.claim.ClaimDraft;
import org.amamo.claim.ClaimRegister;
import org.amamo.claim.ClaimRegister.CertifiedConflict;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.platform.ApiController;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * REST API of the double-issuance guard: the secretariat checks a site against every claim, lists the conflicts
 * among certified claims and records determinations; anyone reads a project's determinations.
 */
@ApiController("/api/v1")
@Tag(name = "Claims (double-issuance guard)")
class ClaimApi {

    private final ClaimRegister claims;

    ClaimApi(ClaimRegister claims) {
        this.claims = claims;
    }

    /** A site and crediting years to compare with every claim; the application, if given, is left out. */
    record CheckRequest(
            Long applicationId,
            @NotNull(message = "{validation.required}") Long projectId,

            @Size(max = 2_000_000, message = "{claim.site.too-long}")
            String siteGeojson,

            @NotEmpty(message = "{validation.required}") @Size(max = 50, message = "{claim.years.too-many}")
            List<@NotNull(message = "{validation.required}") LocalDate> yearStarts,

            @Size(max = 500, message = "{claim.assets.too-many}")
            List<@Valid AssetRequest> assets) {}

    /** A reduction asset claimed by component {@code componentIndex} of year {@code yearIndex}. */
    record AssetRequest(
            int yearIndex,
            int componentIndex,

            @NotBlank(message = "{validation.required}") @Size(max = 100, message = "{claim.asset.too-long}")
            String assetId) {}

    record DeterminationRequest(
            @NotNull(message = "{validation.required}") Long applicationId,
            @NotNull(message = "{validation.required}") Long otherApplicationId,

            @NotBlank(message = "{validation.required}") @Size(max = 2000, message = "{claim.determination.reason}")
            String reason) {}

    @PostMapping("/claims/check")
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'ADMINISTRATOR')")
    @SecurityRequirement(name = "apiToken")
    @Operation(
            summary = "Compare a site and crediting years with every certified claim and every claim under review "
                    + "(secretariat); nothing is stored")
    @ApiResponse(responseCode = "200", description = "The conflicts found")
    @ApiResponse(responseCode = "400", description = "A field to fix")
    List<ClaimConflict> check(@Valid @RequestBody CheckRequest request) {
        List<ClaimDraft.ClaimedAsset> assets = new ArrayList<>();
        for (AssetRequest asset : request.assets() == null ? List.<AssetRequest>of() : request.assets()) {
            assets.add(new ClaimDraft.ClaimedAsset(asset.yearIndex(), asset.componentIndex(), asset.assetId()));
        }
        return claims.conflicts(new ClaimDraft(
                request.applicationId() == null ? -1 : request.applicationId(),
                request.projectId(),
                "",
                "",
                request.siteGeojson(),
                ClaimDraft.years(request.yearStarts()),
                assets));
    }

    @GetMapping("/claims/conflicts")
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'ADMINISTRATOR')")
    @SecurityRequirement(name = "apiToken")
    @Operation(summary = "Certified claims that conflict and have no determination (secretariat)")
    List<CertifiedConflict> certifiedConflicts() {
        return claims.certifiedConflicts();
    }

    @PostMapping("/claims/determinations")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'ADMINISTRATOR')")
    @SecurityRequirement(name = "apiToken")
    @Operation(summary = "Record the secretariat's determination of a conflict between two applications' claims")
    @ApiResponse(responseCode = "201", description = "Recorded")
    @ApiResponse(responseCode = "404", description = "One of the applications has no claim")
    @ApiResponse(responseCode = "409", description = "The claims do not conflict, or a determination exists")
    ClaimDetermination determine(
            @AuthenticationPrincipal AmamoPrincipal user, @Valid @RequestBody DeterminationRequest request) {
        return claims.determine(request.applicationId(), request.otherApplicationId(), request.reason(), user.userId())
                .orThrow();
    }

    @GetMapping("/projects/{projectId}/claim-determinations")
    @Operation(summary = "The secretariat's determinations of conflicts that concern a project (public)")
    List<ClaimDetermination> determinations(@PathVariable long projectId) {
        return claims.determinationsOfProject(projectId);
    }
}
