package org.amamo.registry.internal.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.amamo.platform.FormErrors;
import org.amamo.platform.Refusal;
import org.amamo.registry.CreditType;
import org.amamo.registry.internal.OffsetCoverage;
import org.amamo.registry.internal.RetirementDisclosure;
import org.amamo.registry.internal.RetirementPurpose;
import org.springframework.validation.BindingResult;

/**
 * The registry's web forms. Quantities are entered in tonnes of CO2 with at most one decimal (the scheme's
 * precision) and converted to units of 0.1 t exactly. Each form carries a random request key, used as the
 * operation's idempotency key, so that a double submission applies once.
 */
final class RegistryForms {

    private RegistryForms() {}

    /** The units of {@code tonnes}, or why not: missing, more than one decimal, too large. */
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

    /** Units as tonnes with their one decimal, as typed on the forms (123 units: "12.3"). */
    static String tonnes(long units) {
        return BigDecimal.valueOf(units, 1).toPlainString();
    }

    static Refusal tonnesRefusal() {
        return Refusal.of("tonnes", "registry.tonnes.invalid");
    }

    /**
     * Shows refusals on the form: a refusal of a field the form has goes beside it ({@code creditUnits} beside
     * {@code tonnes}); any other goes on top of the form.
     */
    static void reject(BindingResult binding, List<Refusal> refusals, Set<String> fields) {
        List<Refusal> placed = new ArrayList<>();
        for (Refusal refusal : refusals) {
            String field = Map.of("creditUnits", "tonnes").getOrDefault(refusal.field(), refusal.field());
            String shown = fields.contains(field) || field.matches("holders\\[[0-9]{1,3}\\]\\.(holder|sharePercent)")
                    ? field
                    : "$";
            placed.add(new Refusal(shown, refusal.messageKey(), refusal.arguments()));
        }
        FormErrors.reject(binding, placed);
    }

    static String newKey() {
        return UUID.randomUUID().toString();
    }

    /** Transfer from the account shown to another account. */
    public static class TransferForm {
        private Long toAccountId;
        private BigDecimal tonnes;
        private String batch;
        private String requestKey = newKey();

        /** Optional: the batch serial whose lowest serials to take, e.g. JBC-2025-0003-01. */
        public String getBatch() {
            return batch;
        }

        public void setBatch(String batch) {
            this.batch = batch;
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

        public String getRequestKey() {
            return requestKey;
        }

        public void setRequestKey(String requestKey) {
            this.requestKey = requestKey;
        }
    }

    /** Retirement from the account shown, with the public disclosure. */
    public static class RetireForm {
        private BigDecimal tonnes;
        private String beneficiary;
        private RetirementPurpose purpose;
        private String emissionsOffset;
        private Integer reportingYear;
        private String note;
        private BigDecimal offsetTonnesCo2;
        private OffsetCoverage offsetCoverage;
        private String beneficiarySector;
        private String selectionReason;
        private String batch;
        private String requestKey = newKey();

        public BigDecimal getOffsetTonnesCo2() {
            return offsetTonnesCo2;
        }

        public void setOffsetTonnesCo2(BigDecimal offsetTonnesCo2) {
            this.offsetTonnesCo2 = offsetTonnesCo2;
        }

        public OffsetCoverage getOffsetCoverage() {
            return offsetCoverage;
        }

        public void setOffsetCoverage(OffsetCoverage offsetCoverage) {
            this.offsetCoverage = offsetCoverage;
        }

        public String getBeneficiarySector() {
            return beneficiarySector;
        }

        public void setBeneficiarySector(String beneficiarySector) {
            this.beneficiarySector = beneficiarySector;
        }

        public String getSelectionReason() {
            return selectionReason;
        }

        public void setSelectionReason(String selectionReason) {
            this.selectionReason = selectionReason;
        }

        /** Optional: the batch serial whose lowest serials to take, e.g. JBC-2025-0003-01. */
        public String getBatch() {
            return batch;
        }

        public void setBatch(String batch) {
            this.batch = batch;
        }

        public BigDecimal getTonnes() {
            return tonnes;
        }

        public void setTonnes(BigDecimal tonnes) {
            this.tonnes = tonnes;
        }

        public String getBeneficiary() {
            return beneficiary;
        }

        public void setBeneficiary(String beneficiary) {
            this.beneficiary = beneficiary;
        }

        public RetirementPurpose getPurpose() {
            return purpose;
        }

        public void setPurpose(RetirementPurpose purpose) {
            this.purpose = purpose;
        }

        public String getEmissionsOffset() {
            return emissionsOffset;
        }

        public void setEmissionsOffset(String emissionsOffset) {
            this.emissionsOffset = emissionsOffset;
        }

        public Integer getReportingYear() {
            return reportingYear;
        }

        public void setReportingYear(Integer reportingYear) {
            this.reportingYear = reportingYear;
        }

        public String getNote() {
            return note;
        }

        public void setNote(String note) {
            this.note = note;
        }

        public String getRequestKey() {
            return requestKey;
        }

        public void setRequestKey(String requestKey) {
            this.requestKey = requestKey;
        }

        RetirementDisclosure disclosure() {
            return new RetirementDisclosure(
                    strip(beneficiary),
                    purpose,
                    strip(emissionsOffset),
                    reportingYear,
                    strip(note),
                    offsetTonnesCo2,
                    offsetCoverage,
                    strip(beneficiarySector),
                    strip(selectionReason));
        }

        /**
         * The web form asks for the emissions offset as a number and its coverage (the API accepts a retirement
         * without them, as before they existed): each missing or unreadable one, refused at its field.
         */
        List<Refusal> missingOffset(BindingResult binding) {
            List<Refusal> refusals = new ArrayList<>();
            // An unreadable number already carries its binding error (typeMismatch) at the field.
            if (binding.hasFieldErrors("offsetTonnesCo2")) {
                refusals.add(Refusal.of("$", "quality.offset-tonnes.number"));
            } else if (offsetTonnesCo2 == null) {
                refusals.add(Refusal.of("offsetTonnesCo2", "quality.offset-tonnes.required"));
            }
            if (offsetCoverage == null) {
                refusals.add(
                        binding.hasFieldErrors("offsetCoverage")
                                ? Refusal.of("$", "quality.offset-coverage.required")
                                : Refusal.of("offsetCoverage", "quality.offset-coverage.required"));
            }
            return refusals;
        }
    }

    /** Cancellation of a serial range (secretariat). */
    public static class CancelForm {
        private String serialRange;
        private String reason;
        private String requestKey = newKey();

        public String getSerialRange() {
            return serialRange;
        }

        public void setSerialRange(String serialRange) {
            this.serialRange = serialRange;
        }

        public String getReason() {
            return reason;
        }

        public void setReason(String reason) {
            this.reason = reason;
        }

        public String getRequestKey() {
            return requestKey;
        }

        public void setRequestKey(String requestKey) {
            this.requestKey = requestKey;
        }
    }

    /** Issuance of a batch (secretariat), with up to {@link #HOLDER_ROWS} initial holders. */
    public static class IssueForm {
        static final int HOLDER_ROWS = 5;

        private Long projectId;
        private String projectCode;
        private String projectName;
        private String programmePrefix = "JBC";
        private Integer vintage;
        private String methodologyVersion;
        private CreditType creditType = CreditType.REMOVAL;
        private String certifier;
        private BigDecimal tonnes;
        private List<HolderRow> holders = new ArrayList<>();
        private String requestKey = newKey();

        public IssueForm() {
            for (int i = 0; i < HOLDER_ROWS; i++) {
                holders.add(new HolderRow());
            }
        }

        public Long getProjectId() {
            return projectId;
        }

        public void setProjectId(Long projectId) {
            this.projectId = projectId;
        }

        public String getProjectCode() {
            return projectCode;
        }

        public void setProjectCode(String projectCode) {
            this.projectCode = projectCode;
        }

        public String getProjectName() {
            return projectName;
        }

        public void setProjectName(String projectName) {
            this.projectName = projectName;
        }

        public String getProgrammePrefix() {
            return programmePrefix;
        }

        public void setProgrammePrefix(String programmePrefix) {
            this.programmePrefix = programmePrefix;
        }

        public Integer getVintage() {
            return vintage;
        }

        public void setVintage(Integer vintage) {
            this.vintage = vintage;
        }

        public String getMethodologyVersion() {
            return methodologyVersion;
        }

        public void setMethodologyVersion(String methodologyVersion) {
            this.methodologyVersion = methodologyVersion;
        }

        public CreditType getCreditType() {
            return creditType;
        }

        public void setCreditType(CreditType creditType) {
            this.creditType = creditType;
        }

        public String getCertifier() {
            return certifier;
        }

        public void setCertifier(String certifier) {
            this.certifier = certifier;
        }

        public BigDecimal getTonnes() {
            return tonnes;
        }

        public void setTonnes(BigDecimal tonnes) {
            this.tonnes = tonnes;
        }

        public List<HolderRow> getHolders() {
            return holders;
        }

        public void setHolders(List<HolderRow> holders) {
            this.holders = holders;
        }

        public String getRequestKey() {
            return requestKey;
        }

        public void setRequestKey(String requestKey) {
            this.requestKey = requestKey;
        }
    }

    /** One initial holder row: a user or organisation id and a share; a row without an id is ignored. */
    public static class HolderRow {
        private boolean organisation;
        private Long holderId;
        private BigDecimal sharePercent;

        /** The holder as the form's select names it: {@code U-<user id>} or {@code O-<organisation id>}; "" none. */
        public String getHolder() {
            return holderId == null ? "" : (organisation ? "O-" : "U-") + holderId;
        }

        /** Reads the select's value; anything else leaves the row without a holder. */
        public void setHolder(String holder) {
            String value = holder == null ? "" : holder.strip();
            if (value.matches("[UO]-[0-9]{1,18}")) {
                organisation = value.startsWith("O-");
                holderId = Long.valueOf(value.substring(2));
            } else {
                organisation = false;
                holderId = null;
            }
        }

        public boolean isOrganisation() {
            return organisation;
        }

        public void setOrganisation(boolean organisation) {
            this.organisation = organisation;
        }

        public Long getHolderId() {
            return holderId;
        }

        public void setHolderId(Long holderId) {
            this.holderId = holderId;
        }

        public BigDecimal getSharePercent() {
            return sharePercent;
        }

        public void setSharePercent(BigDecimal sharePercent) {
            this.sharePercent = sharePercent;
        }
    }

    static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
