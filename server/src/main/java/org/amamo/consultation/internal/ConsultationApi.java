package org.amamo.consultation.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.amamo.consultation.ConsultationStatus;
import org.amamo.consultation.ConsultationSummary;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.platform.ApiController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * REST API for pre-consultations. Applicants open consultations and see their own; the secretariat sees
 * all of them; both sides post messages. A consultation of someone else is answered with 404.
 */
@ApiController("/api/v1/consultations")
@Tag(name = "Pre-consultations", description = "事前相談: an applicant and the secretariat discuss a planned project")
@SecurityRequirement(name = "apiToken")
class ConsultationApi {

    private final ConsultationService consultations;

    ConsultationApi(ConsultationService consultations) {
        this.consultations = consultations;
    }

    /** A message for the thread. */
    record MessageRequest(String body) {}

    /** The secretariat's closing note. */
    record CloseRequest(String note) {}

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    @Operation(
            summary = "Consultations, newest activity first: the caller's own, or every one for the secretariat",
            description = "The secretariat may filter by status and by text in the title or the applicant's name "
                    + "or e-mail, and ask for only its own with mine=true.")
    List<ConsultationSummary> list(
            @AuthenticationPrincipal AmamoPrincipal user,
            @RequestParam(required = false) ConsultationStatus status,
            @Parameter(description = "text in the title, applicant name or e-mail; at most 100 characters")
                    @RequestParam(required = false)
                    String q,
            @RequestParam(defaultValue = "false") boolean mine,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return consultations.list(user, mine, status, q, page, size).orThrow().rows();
    }

    @GetMapping("/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "One consultation with its thread (its applicant and the secretariat only)")
    @ApiResponse(responseCode = "200", description = "The consultation")
    @ApiResponse(responseCode = "404", description = "no such consultation, or not the caller's")
    ConsultationDetail show(@AuthenticationPrincipal AmamoPrincipal user, @PathVariable long id) {
        return consultations.visibleTo(id, user).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @PostMapping
    @PreAuthorize("hasRole('APPLICANT')")
    @Operation(
            summary = "Open a consultation (applicant)",
            description = "Prefecture as a JIS X 0401 code (\"14\"); ecosystems from seagrass, seaweed, tidal-flat, "
                    + "mangrove, seaweed-farm; the planned crediting period in whole years, at most 5, starting at "
                    + "most 5 years back. For a continued project, name it and describe changed implementers and "
                    + "activities.")
    @ApiResponse(responseCode = "201", description = "opened")
    @ApiResponse(responseCode = "400", description = "field errors; nothing is stored")
    ResponseEntity<ConsultationDetail> open(
            @AuthenticationPrincipal AmamoPrincipal user, @Valid @RequestBody ConsultationForm request) {
        long id = consultations.open(user, request.draft()).orThrow();
        return ResponseEntity.status(HttpStatus.CREATED).body(detail(user, id));
    }

    @PostMapping("/{id}/messages")
    @PreAuthorize("hasAnyRole('APPLICANT', 'SECRETARIAT', 'ADMINISTRATOR')")
    @Operation(summary = "Post a message: the secretariat's answers the consultation, the applicant's reopens it")
    @ApiResponse(responseCode = "200", description = "Posted: the consultation")
    @ApiResponse(responseCode = "409", description = "the consultation has ended or holds the most messages allowed")
    ConsultationDetail post(
            @AuthenticationPrincipal AmamoPrincipal user, @PathVariable long id, @RequestBody MessageRequest request) {
        consultations.post(id, user, request.body()).orThrow();
        return detail(user, id);
    }

    @PostMapping("/{id}/close")
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'ADMINISTRATOR')")
    @Operation(summary = "Close a consultation with a note (secretariat)")
    ConsultationDetail close(
            @AuthenticationPrincipal AmamoPrincipal user, @PathVariable long id, @RequestBody CloseRequest request) {
        consultations.close(id, user, request.note()).orThrow();
        return detail(user, id);
    }

    @PostMapping("/{id}/withdraw")
    @PreAuthorize("hasRole('APPLICANT')")
    @Operation(summary = "Withdraw one's own consultation (applicant)")
    ConsultationDetail withdraw(@AuthenticationPrincipal AmamoPrincipal user, @PathVariable long id) {
        consultations.withdraw(id, user).orThrow();
        return detail(user, id);
    }

    private ConsultationDetail detail(AmamoPrincipal user, long id) {
        return consultations.visibleTo(id, user).orElseThrow();
    }
}
