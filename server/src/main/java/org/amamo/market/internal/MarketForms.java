package org.amamo.market.internal;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.amamo.platform.FormErrors;
import org.amamo.platform.Outcome;
import org.amamo.platform.Refusal;
import org.amamo.platform.RefusalKind;
import org.amamo.platform.SchemeTime;
import org.amamo.registry.CreditBatch;
import org.amamo.registry.SelectedCredits;
import org.amamo.registry.SerialRange;
import org.springframework.validation.BindingResult;

/**
 * The market's web forms. Quantities are entered in tonnes with at most one decimal (0.1 t steps) and converted to
 * units of 0.1 t exactly; prices in whole yen per t-CO2; times in Japan time. Forms that move credits carry a
 * random request key, used in the registry's idempotency key, so a double submission applies once.
 */
final class MarketForms {

    private MarketForms() {}

    /** The units of {@code tonnes}, or empty: missing, more than one decimal, out of range. */
    static Optional<Long> units(BigDecimal tonnes) {
        if (tonnes == null || tonnes.stripTrailingZeros().scale() > 1) {
            return Optional.empty();
        }
        try {
            return Optional.of(tonnes.movePointRight(1).longValueExact());
        } catch (ArithmeticException e) {
            return Optional.empty();
        }
    }

    /** Shows a refusal on a form: {@code creditUnits} beside {@code tonnes}; fields the form lacks on top. */
    static void reject(BindingResult binding, Outcome<?> refused, List<String> fields) {
        List<Refusal> placed = new ArrayList<>();
        for (Refusal refusal : refused.refusals()) {
            String field = Map.of("creditUnits", "tonnes", "fromAccountId", "holding", "batchId", "holding")
                    .getOrDefault(refusal.field(), refusal.field());
            placed.add(new Refusal(fields.contains(field) ? field : "$", refusal.messageKey(), refusal.arguments()));
        }
        FormErrors.reject(binding, placed);
    }

    /** A new round (secretariat). */
    public static class RoundForm {
        private String title;
        private String rules;
        private BigDecimal minimumPriceJpy;
        private LocalDateTime opensAt;
        private LocalDateTime closesAt;
        private Integer paymentDays = 14;
        private String titleEn;
        private String rulesEn;

        Rounds.RoundTerms terms() {
            return new Rounds.RoundTerms(
                    title,
                    rules,
                    minimumPriceJpy,
                    opensAt == null ? null : opensAt.atZone(SchemeTime.ZONE).toInstant(),
                    closesAt == null ? null : closesAt.atZone(SchemeTime.ZONE).toInstant(),
                    paymentDays,
                    titleEn,
                    rulesEn);
        }

        /** The optional English title; blank for none. */
        public String getTitleEn() {
            return titleEn;
        }

        public void setTitleEn(String titleEn) {
            this.titleEn = titleEn;
        }

        /** The optional English rules; blank for none. */
        public String getRulesEn() {
            return rulesEn;
        }

        public void setRulesEn(String rulesEn) {
            this.rulesEn = rulesEn;
        }

        public String getTitle() {
            return title;
        }

        public void setTitle(String title) {
            this.title = title;
        }

        public String getRules() {
            return rules;
        }

        public void setRules(String rules) {
            this.rules = rules;
        }

        public BigDecimal getMinimumPriceJpy() {
            return minimumPriceJpy;
        }

        public void setMinimumPriceJpy(BigDecimal minimumPriceJpy) {
            this.minimumPriceJpy = minimumPriceJpy;
        }

        public LocalDateTime getOpensAt() {
            return opensAt;
        }

        public void setOpensAt(LocalDateTime opensAt) {
            this.opensAt = opensAt;
        }

        public LocalDateTime getClosesAt() {
            return closesAt;
        }

        public void setClosesAt(LocalDateTime closesAt) {
            this.closesAt = closesAt;
        }

        public Integer getPaymentDays() {
            return paymentDays;
        }

        public void setPaymentDays(Integer paymentDays) {
            this.paymentDays = paymentDays;
        }
    }

    /** A choice of held credits, written {@code <account id>:<batch id>}. */
    static Optional<long[]> holding(String value) {
        if (value == null || !value.matches("\\d{1,18}:\\d{1,18}")) {
            return Optional.empty();
        }
        String[] parts = value.split(":");
        return Optional.of(new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1])});
    }

    /**
     * The credits a form names: the chosen holding's batch, or, when a serial range is given, exactly those serials,
     * which must be of that batch (the registry checks the rest). Refused at {@code serialRange} otherwise.
     */
    static Outcome<SelectedCredits> selection(String serialRange, Optional<CreditBatch> chosen) {
        String range = blankToNull(serialRange);
        if (range == null) {
            return Outcome.done(SelectedCredits.NONE);
        }
        Optional<String> rangeBatch = SerialRange.parse(range).map(SerialRange::batchText);
        if (rangeBatch.isPresent()
                && chosen.isPresent()
                && !rangeBatch.get().equals(chosen.get().batchSerial())) {
            return Outcome.refused(
                    RefusalKind.INVALID,
                    Refusal.of(
                            "serialRange",
                            "market.selection.other-batch",
                            chosen.get().batchSerial()));
        }
        return Outcome.done(SelectedCredits.ofSerialRange(range));
    }

    /** Consign held credits of one batch to a draft round. */
    public static class ConsignForm {
        private String holding;
        private BigDecimal tonnes;
        private String serialRange;
        private String requestKey = UUID.randomUUID().toString();

        public String getHolding() {
            return holding;
        }

        public void setHolding(String holding) {
            this.holding = holding;
        }

        public BigDecimal getTonnes() {
            return tonnes;
        }

        public void setTonnes(BigDecimal tonnes) {
            this.tonnes = tonnes;
        }

        /** Optional: exactly these serials of the chosen batch, e.g. JBC-2025-0003-01-000001-000020. */
        public String getSerialRange() {
            return serialRange;
        }

        public void setSerialRange(String serialRange) {
            this.serialRange = serialRange;
        }

        public String getRequestKey() {
            return requestKey;
        }

        public void setRequestKey(String requestKey) {
            this.requestKey = requestKey;
        }
    }

    /** A sealed bid (new or changed). */
    public static class BidForm {
        private String projectCode = "";
        private BigDecimal tonnes;
        private BigDecimal priceJpy;
        private String purpose = "CORPORATE";
        private boolean retireAtOnce;
        private String beneficiary;
        private String emissionsOffset;
        private boolean discloseName;

        static BidForm of(MarketViews.BidView bid) {
            BidForm form = new BidForm();
            form.projectCode = bid.projectCode() == null ? "" : bid.projectCode();
            form.tonnes = BigDecimal.valueOf(bid.creditUnits(), 1);
            form.priceJpy = bid.priceJpy();
            form.purpose = bid.purpose();
            form.retireAtOnce = bid.retireAtOnce();
            form.beneficiary = bid.beneficiary();
            form.emissionsOffset = bid.emissionsOffset();
            form.discloseName = bid.discloseName();
            return form;
        }

        /** The terms, or empty if the quantity is no multiple of 0.1 t. */
        Optional<BidTerms> terms() {
            return units(tonnes)
                    .map(units -> new BidTerms(
                            blankToNull(projectCode),
                            units,
                            priceJpy,
                            purpose,
                            retireAtOnce,
                            retireAtOnce ? blankToNull(beneficiary) : null,
                            retireAtOnce ? blankToNull(emissionsOffset) : null,
                            discloseName));
        }

        public String getProjectCode() {
            return projectCode;
        }

        public void setProjectCode(String projectCode) {
            this.projectCode = projectCode;
        }

        public BigDecimal getTonnes() {
            return tonnes;
        }

        public void setTonnes(BigDecimal tonnes) {
            this.tonnes = tonnes;
        }

        public BigDecimal getPriceJpy() {
            return priceJpy;
        }

        public void setPriceJpy(BigDecimal priceJpy) {
            this.priceJpy = priceJpy;
        }

        public String getPurpose() {
            return purpose;
        }

        public void setPurpose(String purpose) {
            this.purpose = purpose;
        }

        public boolean isRetireAtOnce() {
            return retireAtOnce;
        }

        public void setRetireAtOnce(boolean retireAtOnce) {
            this.retireAtOnce = retireAtOnce;
        }

        public String getBeneficiary() {
            return beneficiary;
        }

        public void setBeneficiary(String beneficiary) {
            this.beneficiary = beneficiary;
        }

        public String getEmissionsOffset() {
            return emissionsOffset;
        }

        public void setEmissionsOffset(String emissionsOffset) {
            this.emissionsOffset = emissionsOffset;
        }

        public boolean isDiscloseName() {
            return discloseName;
        }

        public void setDiscloseName(boolean discloseName) {
            this.discloseName = discloseName;
        }
    }

    /** A bilateral trade reported with its price: the registry transfers, the market records the price. */
    public static class TradeForm {
        private String holding;
        private Long toAccountId;
        private BigDecimal tonnes;
        private BigDecimal priceJpy;
        private String serialRange;
        private String requestKey = UUID.randomUUID().toString();

        public String getHolding() {
            return holding;
        }

        public void setHolding(String holding) {
            this.holding = holding;
        }

        public Long getToAccountId() {
            return toAccountId;
        }

        public void setToAccountId(Long toAccountId) {
            this.toAccountId = toAccountId;
        }

        public BigDecimal getTonnes() {
            return tonnes;
        }

        public void setTonnes(BigDecimal tonnes) {
            this.tonnes = tonnes;
        }

        public BigDecimal getPriceJpy() {
            return priceJpy;
        }

        public void setPriceJpy(BigDecimal priceJpy) {
            this.priceJpy = priceJpy;
        }

        /** Optional: exactly these serials of the chosen batch, e.g. JBC-2025-0003-01-000001-000020. */
        public String getSerialRange() {
            return serialRange;
        }

        public void setSerialRange(String serialRange) {
            this.serialRange = serialRange;
        }

        public String getRequestKey() {
            return requestKey;
        }

        public void setRequestKey(String requestKey) {
            this.requestKey = requestKey;
        }
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
