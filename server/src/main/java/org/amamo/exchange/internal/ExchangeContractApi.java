package org.amamo.exchange.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.amamo.exchange.TradingCalendar;
import org.amamo.exchange.internal.ContractQueries.ContractView;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.platform.ApiController;
import org.amamo.platform.Outcome;
import org.amamo.platform.Refusal;
import org.amamo.platform.RefusedException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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

/**
 * The settlement of the exchange's contracts through the REST API. A contract's buyer and seller read it and its
 * contract note (PDF); the buyer asks, while it awaits payment, that the credits be retired on its behalf (or
 * withdraws the request); the seller confirms the buyer's payment, and the registry delivers or retires the credits.
 * The secretariat reads every contract and lapses one still unpaid after its settlement date (a scheduled job does so
 * too). Refusals answer 400/403/404/409 with {@code errors: [{field, message}]}.
 */
@ApiController("/api/v1/exchange")
@Tag(name = "Exchange", description = "Instruments, limit orders with escrow, order book depth, trading calendar")
class ExchangeContractApi {

    private final ContractSettlement settlement;
    private final ContractQueries queries;
    private final ExchangeContractNotes notes;
    private final TradingCalendar calendar;

    ExchangeContractApi(
            ContractSettlement settlement,
            ContractQueries queries,
            ExchangeContractNotes notes,
            TradingCalendar calendar) {
        this.settlement = settlement;
        this.queries = queries;
        this.notes = notes;
        this.calendar = calendar;
    }

    /** A request to retire a contract's credits on the buyer's behalf: the retirement's public disclosure. */
    record RetirementRequest(
            @Schema(description = "Who claims the offset, as the retirement record will show it (up to 200 characters)")
            String beneficiary,

            @Schema(description = "One of the registry's retirement purposes, e.g. CORPORATE")
            String purpose,

            @Schema(description = "The emissions the retirement offsets (up to 500 characters)")
            String emissionsOffset,

            @Schema(description = "An optional note on the retirement record (up to 1,000 characters)")
            String note) {}

    @GetMapping("/contracts")
    @PreAuthorize("isAuthenticated()")
    @SecurityRequirement(name = "apiToken")
    @Operation(
            summary = "My contracts as buyer or seller, latest first (at most 500); with all=true every contract "
                    + "(secretariat); status filters")
    @ApiResponse(responseCode = "200", description = "The contracts")
    @ApiResponse(responseCode = "403", description = "all=true by a caller who is not the secretariat")
    List<ContractView> contracts(
            @AuthenticationPrincipal AmamoPrincipal user,
            @RequestParam(required = false) Boolean all,
            @RequestParam(required = false) String status) {
        if (status != null && !ContractQueries.STATUSES.contains(status)) {
            throw new RefusedException(
                    HttpStatus.BAD_REQUEST, Refusal.of("status", "exchange.contract.status-invalid"));
        }
        if (Boolean.TRUE.equals(all)) {
            if (!user.isSecretariat()) {
                throw new RefusedException(HttpStatus.FORBIDDEN, Refusal.of("all", "exchange.secretariat-only"));
            }
            return queries.all(status);
        }
        return queries.mine(user).stream()
                .filter(c -> status == null || c.status().equals(status))
                .toList();
    }

    @GetMapping("/contracts/{id}")
    @PreAuthorize("isAuthenticated()")
    @SecurityRequirement(name = "apiToken")
    @Operation(summary = "One contract (its buyer, its seller or the secretariat)")
    @ApiResponse(responseCode = "200", description = "The contract")
    @ApiResponse(responseCode = "403", description = "Not a party to the contract")
    @ApiResponse(responseCode = "404", description = "No such contract")
    ContractView contract(@AuthenticationPrincipal AmamoPrincipal user, @PathVariable long id) {
        return visible(user, id);
    }

    @GetMapping(value = "/contracts/{id}/note.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @PreAuthorize("isAuthenticated()")
    @SecurityRequirement(name = "apiToken")
    @Operation(summary = "The contract note (約定通知書) as PDF, in the caller's language (its buyer or seller)")
    @ApiResponse(
            responseCode = "200",
            description = "The contract note",
            content = @Content(mediaType = MediaType.APPLICATION_PDF_VALUE))
    @ApiResponse(responseCode = "403", description = "Not the contract's buyer or seller")
    @ApiResponse(responseCode = "404", description = "No such contract")
    ResponseEntity<byte[]> note(@AuthenticationPrincipal AmamoPrincipal user, @PathVariable long id, Locale locale) {
        ContractView contract = visible(user, id);
        if (!contract.buyer() && !contract.seller()) {
            throw new RefusedException(HttpStatus.FORBIDDEN, Refusal.of("$", "exchange.contract.not-party"));
        }
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"contract-note-EX-" + id + ".pdf\"")
                .body(notes.pdf(contract, calendar.now(), locale));
    }

    @PutMapping("/contracts/{id}/retirement")
    @PreAuthorize("isAuthenticated()")
    @SecurityRequirement(name = "apiToken")
    @Operation(
            summary = "Ask that the contract's credits be retired on my behalf when the seller confirms payment "
                    + "(the buyer, while the contract awaits payment)")
    @ApiResponse(responseCode = "200", description = "Asked: the contract as it now stands")
    @ApiResponse(responseCode = "403", description = "Not the contract's buyer")
    @ApiResponse(responseCode = "404", description = "No such contract")
    @ApiResponse(responseCode = "409", description = "The contract no longer awaits payment, or its date has passed")
    ContractView requestRetirement(
            @AuthenticationPrincipal AmamoPrincipal user,
            @PathVariable long id,
            @RequestBody RetirementRequest request) {
        RetirementTerms terms = new RetirementTerms(
                request.beneficiary(), request.purpose(), request.emissionsOffset(), request.note());
        return answer(user, settlement.requestRetirement(user, id, terms));
    }

    @DeleteMapping("/contracts/{id}/retirement")
    @PreAuthorize("isAuthenticated()")
    @SecurityRequirement(name = "apiToken")
    @Operation(summary = "Withdraw my request to retire: the credits will be delivered to my account (the buyer)")
    @ApiResponse(responseCode = "200", description = "Withdrawn: the contract as it now stands")
    @ApiResponse(responseCode = "403", description = "Not the contract's buyer")
    @ApiResponse(responseCode = "404", description = "No such contract")
    @ApiResponse(responseCode = "409", description = "The contract no longer awaits payment, or its date has passed")
    ContractView withdrawRetirement(@AuthenticationPrincipal AmamoPrincipal user, @PathVariable long id) {
        return answer(user, settlement.withdrawRetirement(user, id));
    }

    @PostMapping("/contracts/{id}/payment-confirmation")
    @PreAuthorize("isAuthenticated()")
    @SecurityRequirement(name = "apiToken")
    @Operation(
            summary = "Confirm that the buyer paid (the seller; irreversible): the registry delivers the credits to "
                    + "the buyer or retires them on its behalf. Repeated for a PAID contract, the delivery is tried "
                    + "again under the same key")
    @ApiResponse(responseCode = "200", description = "Settled: the contract as it now stands")
    @ApiResponse(responseCode = "403", description = "Not the contract's seller")
    @ApiResponse(responseCode = "404", description = "No such contract")
    @ApiResponse(
            responseCode = "409",
            description = "The contract settled or lapsed already, its settlement date has passed, or the registry "
                    + "refused the delivery (the contract stays PAID)")
    ContractView confirmPayment(@AuthenticationPrincipal AmamoPrincipal user, @PathVariable long id) {
        return answer(user, settlement.confirmPayment(user, id));
    }

    @PostMapping("/contracts/{id}/lapse")
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'ADMINISTRATOR')")
    @SecurityRequirement(name = "apiToken")
    @Operation(
            summary = "Lapse a contract still awaiting payment after its settlement date (secretariat): its credits "
                    + "return to the seller's account and the lapse counts against the buyer")
    @ApiResponse(responseCode = "200", description = "Lapsed: the contract as it now stands")
    @ApiResponse(responseCode = "403", description = "The caller is not the secretariat")
    @ApiResponse(responseCode = "404", description = "No such contract")
    @ApiResponse(responseCode = "409", description = "The contract does not await payment, or its date has not passed")
    ContractView lapse(@AuthenticationPrincipal AmamoPrincipal user, @PathVariable long id) {
        return answer(user, settlement.lapse(user, id));
    }

    private ContractView answer(AmamoPrincipal user, Outcome<Long> outcome) {
        return queries.contract(outcome.orThrow(), user).orElseThrow();
    }

    private ContractView visible(AmamoPrincipal user, long id) {
        if (!queries.exists(id)) {
            throw new RefusedException(HttpStatus.NOT_FOUND, Refusal.of("$", "exchange.contract.not-found"));
        }
        return queries.contract(id, user)
                .orElseThrow(() ->
                        new RefusedException(HttpStatus.FORBIDDEN, Refusal.of("$", "exchange.contract.not-party")));
    }
}
