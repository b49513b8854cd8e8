package org.amamo.disclosure.internal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** A year of the certification record from before the system, as the secretariat enters it. */
public class HistoryForm {

    @NotNull(message = "{validation.required}")
    @Min(value = 1990, message = "{history.year.range}")
    @Max(value = 2100, message = "{history.year.range}")
    private Integer fiscalYear;

    @NotNull(message = "{validation.required}")
    @Min(value = 0, message = "{history.not-negative}")
    private Integer certifiedSites;

    @NotNull(message = "{validation.required}")
    @DecimalMin(value = "0", message = "{history.not-negative}")
    @Digits(integer = 12, fraction = 1, message = "{history.one-decimal}")
    private BigDecimal certifiedTonnes;

    @NotNull(message = "{validation.required}")
    @DecimalMin(value = "0", message = "{history.not-negative}")
    @Digits(integer = 12, fraction = 1, message = "{history.one-decimal}")
    private BigDecimal certifiedHectares;

    @DecimalMin(value = "0", message = "{history.not-negative}")
    @Digits(integer = 12, fraction = 0, message = "{history.whole-yen}")
    private BigDecimal averagePriceJpy;

    @Size(max = 500, message = "{validation.size.max}")
    private String note;

    @Size(max = 500, message = "{validation.size.max}")
    private String noteEn;

    @NotBlank(message = "{validation.required}")
    @Size(max = 500, message = "{validation.size.max}")
    private String source;

    /** The optional English version of the note; blank for none. */
    public String getNoteEn() {
        return noteEn;
    }

    public void setNoteEn(String noteEn) {
        this.noteEn = noteEn;
    }

    public Integer getFiscalYear() {
        return fiscalYear;
    }

    public void setFiscalYear(Integer fiscalYear) {
        this.fiscalYear = fiscalYear;
    }

    public Integer getCertifiedSites() {
        return certifiedSites;
    }

    public void setCertifiedSites(Integer certifiedSites) {
        this.certifiedSites = certifiedSites;
    }

    public BigDecimal getCertifiedTonnes() {
        return certifiedTonnes;
    }

    public void setCertifiedTonnes(BigDecimal certifiedTonnes) {
        this.certifiedTonnes = certifiedTonnes;
    }

    public BigDecimal getCertifiedHectares() {
        return certifiedHectares;
    }

    public void setCertifiedHectares(BigDecimal certifiedHectares) {
        this.certifiedHectares = certifiedHectares;
    }

    public BigDecimal getAveragePriceJpy() {
        return averagePriceJpy;
    }

    public void setAveragePriceJpy(BigDecimal averagePriceJpy) {
        this.averagePriceJpy = averagePriceJpy;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }
}
