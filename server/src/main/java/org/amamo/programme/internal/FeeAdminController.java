package org.amamo.programme.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.platform.AuditTrail;
import org.amamo.platform.Outcome;
import org.amamo.platform.Refusal;
import org.amamo.programme.FeeRule;
import org.amamo.programme.Programme;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An administrator sets a programme's application fee rule: a flat amount and an amount per tonne, whole yen. */
@Controller
@PreAuthorize("hasRole('ADMINISTRATOR')")
class FeeAdminController {

    private final ProgrammeRepository programmes;
    private final AdminPage page;
    private final AuditTrail audit;

    FeeAdminController(ProgrammeRepository programmes, AdminPage page, AuditTrail audit) {
        this.programmes = programmes;
        this.page = page;
        this.audit = audit;
    }

    @PostMapping("/admin/programmes/{code}/fee")
    @Transactional
    String update(
            @AuthenticationPrincipal AmamoPrincipal actor,
            @PathVariable String code,
            @RequestParam(required = false) String feeFlatYen,
            @RequestParam(required = false) String feePerTonneYen,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Programme programme =
                programmes.find(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        String known = programme.code();
        List<Refusal> refusals = new ArrayList<>();
        Optional<BigDecimal> flat = yen(feeFlatYen, "feeFlatYen", refusals);
        Optional<BigDecimal> perTonne = yen(feePerTonneYen, "feePerTonneYen", refusals);
        if (!refusals.isEmpty()) {
            // The form again with what was typed, each refusal naming its own field.
            model.addAttribute(
                    "typedFee",
                    java.util.Map.of(
                            "feeFlatYen", feeFlatYen == null ? "" : feeFlatYen,
                            "feePerTonneYen", feePerTonneYen == null ? "" : feePerTonneYen));
            return page.refused(model, response, known, Outcome.invalidUnlessEmpty(refusals));
        }
        FeeRule fee = new FeeRule(flat.orElseThrow(), perTonne.orElseThrow());
        programmes.updateFee(known, fee);
        audit.record(actor.userId(), AuditTrail.Kind.FEE, known, value(programme.fee()), value(fee));
        return CommitteeAdminController.done(known, "programme.fee.saved", redirect);
    }

    /** The audit history's FEE value: flat and per-tonne yen. */
    private static String value(FeeRule fee) {
        return fee.flatYen().stripTrailingZeros().toPlainString() + ";"
                + fee.perTonneYen().stripTrailingZeros().toPlainString();
    }

    /** Whole yen, digits only (no separators), from 0 to {@link FeeRule#MAX_YEN}; else a refusal at the field. */
    static Optional<BigDecimal> yen(String text, String field, List<Refusal> refusals) {
        String digits = text == null ? "" : text.strip();
        if (digits.matches("[0-9]{1,9}")) {
            BigDecimal amount = new BigDecimal(digits);
            if (FeeRule.wholeYen(amount)) {
                return Optional.of(amount);
            }
        }
        refusals.add(Refusal.of(field, "programme.fee.invalid." + field, FeeRule.MAX_YEN.toPlainString()));
        return Optional.empty();
    }
}
