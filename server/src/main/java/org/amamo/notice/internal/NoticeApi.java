package org.amamo.notice.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.notice.NoticeView;
import org.amamo.platform.ApiController;
import org.amamo.platform.Outcome;
import org.amamo.platform.Pages;
import org.amamo.platform.Written;
import org.amamo.programme.Programmes;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** REST API for notices: published ones for everyone, writing for the secretariat. */
@ApiController("/api/v1/notices")
@Tag(name = "Notices")
class NoticeApi {

    private final NoticeService notices;
    private final Programmes programmes;

    NoticeApi(NoticeService notices, Programmes programmes) {
        this.notices = notices;
        this.programmes = programmes;
    }

    /**
     * A notice to create or replace. Times carry their offset, e.g. 2024-04-01T09:00:00+09:00. {@code programme} is
     * the code of the programme the notice belongs to (JBC, YBC ...); absent or blank: every programme. {@code titleEn}
     * and {@code bodyEn} are the optional English version; absent or blank: none, and English pages show the Japanese
     * text marked as Japanese only.
     */
    record NoticeRequest(
            @NotBlank(message = "{validation.required}")
            @Size(max = NoticeForm.TITLE_MAX, message = "{validation.size.max}")
            String title,

            @NotBlank(message = "{validation.required}")
            @Size(max = NoticeForm.BODY_MAX, message = "{validation.size.max}")
            String body,

            @NotNull(message = "{validation.required}") OffsetDateTime publishStart,
            OffsetDateTime publishEnd,

            @Size(max = 10, message = "{validation.size.max}")
            String programme,

            @Size(max = NoticeForm.TITLE_MAX, message = "{validation.size.max}")
            String titleEn,

            @Size(max = NoticeForm.BODY_MAX, message = "{validation.size.max}")
            String bodyEn) {

        NoticeDraft draft() {
            return new NoticeDraft(
                    title.strip(),
                    body,
                    publishStart.toInstant(),
                    publishEnd == null ? null : publishEnd.toInstant(),
                    NoticeDraft.programme(programme),
                    Written.optional(titleEn),
                    Written.optional(bodyEn));
        }
    }

    @GetMapping
    @Operation(
            summary = "Notices inside their publish window, newest first; with programme=CODE, that programme's "
                    + "list (its own notices and those about every programme; an unknown code: every notice); "
                    + "q: words of the title; from, to: days (yyyy-MM-dd, JST, inclusive) on which publication starts")
    List<NoticeView> published(
            @RequestParam(required = false) String programme,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        int rows = Pages.size(size);
        return notices.published(programmes.known(programme), search(q, from, to), Pages.number(page) * rows, rows);
    }

    /** The search, or 400 naming the parameter (q too long, to before from). */
    private static NoticeSearch search(String q, LocalDate from, LocalDate to) {
        NoticeSearch search = new NoticeSearch(q, from, to);
        Outcome.invalidUnlessEmpty(search.refusals("q", "to")).orThrow();
        return search;
    }

    @GetMapping("/{id}/attachments")
    @Operation(summary = "The attachments of a published notice (download: /notices/{id}/attachments/{attachmentId})")
    List<NoticeAttachments.Attachment> attachments(@PathVariable long id) {
        notices.findPublished(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return notices.attachments(id);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One published notice")
    NoticeView show(@PathVariable long id) {
        return notices.findPublished(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @GetMapping("/all")
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'ADMINISTRATOR')")
    @SecurityRequirement(name = "apiToken")
    @Operation(summary = "Every notice, whatever its window (secretariat); q, from, to as for the published list")
    List<NoticeView> all(
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        int rows = Pages.size(size);
        return notices.all(search(q, from, to), Pages.number(page) * rows, rows);
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'ADMINISTRATOR')")
    @SecurityRequirement(name = "apiToken")
    @Operation(summary = "Create a notice (secretariat)")
    @ApiResponse(responseCode = "400", description = "A field to fix; nothing is stored")
    @ApiResponse(responseCode = "201", description = "Created")
    ResponseEntity<NoticeView> create(
            @AuthenticationPrincipal AmamoPrincipal user, @Valid @RequestBody NoticeRequest request) {
        long id = notices.create(request.draft(), user.userId()).orThrow();
        return ResponseEntity.status(HttpStatus.CREATED).body(view(id));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'ADMINISTRATOR')")
    @SecurityRequirement(name = "apiToken")
    @Operation(summary = "Replace a notice (secretariat)")
    @ApiResponse(responseCode = "200", description = "Replaced")
    @ApiResponse(responseCode = "400", description = "A field to fix; nothing is changed")
    NoticeView update(@PathVariable long id, @Valid @RequestBody NoticeRequest request) {
        return view(notices.update(id, request.draft()).orThrow());
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'ADMINISTRATOR')")
    @SecurityRequirement(name = "apiToken")
    @Operation(summary = "Delete a notice (secretariat)")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "404", description = "No such notice")
    ResponseEntity<Void> delete(@PathVariable long id) {
        notices.delete(id).orThrow();
        return ResponseEntity.noContent().build();
    }

    private NoticeView view(long id) {
        return notices.find(id).orElseThrow();
    }
}
