package org.amamo.application.internal;

import java.util.ArrayList;
import java.util.List;
import org.amamo.application.QualityRecord;

/**
 * The application form's quality section (issue 22 item 1): the applicant's statement on each criterion of the
 * ICVCM Core Carbon Principles (seed 003 table 2-1). {@link QualityChecklist} validates it; in the form's fields it
 * sits under {@code quality.} ({@code quality.additionality}, {@code quality.sdgs} ...).
 */
public class QualityForm {

    private String additionality;
    private String permanence;
    private String permanenceMonitoring;
    private String sustainableDevelopment;
    private List<Integer> sdgs = new ArrayList<>();
    private String noDoubleCounting;
    private String netZero;

    /** Why the reduction or removal happens because of the credit (追加性). */
    public String getAdditionality() {
        return additionality;
    }

    public void setAdditionality(String additionality) {
        this.additionality = additionality;
    }

    /** How lasting the removal is and the risk of its reversal (持続性). */
    public String getPermanence() {
        return permanence;
    }

    public void setPermanence(String permanence) {
        this.permanence = permanence;
    }

    /** The monitoring the project commits to, to see a reversal (surveys, their frequency, for how long). */
    public String getPermanenceMonitoring() {
        return permanenceMonitoring;
    }

    public void setPermanenceMonitoring(String permanenceMonitoring) {
        this.permanenceMonitoring = permanenceMonitoring;
    }

    /** The project's good effects on society and the environment (持続可能性). */
    public String getSustainableDevelopment() {
        return sustainableDevelopment;
    }

    public void setSustainableDevelopment(String sustainableDevelopment) {
        this.sustainableDevelopment = sustainableDevelopment;
    }

    /** The Sustainable Development Goals the project serves, numbers 1 to 17. */
    public List<Integer> getSdgs() {
        return sdgs;
    }

    public void setSdgs(List<Integer> sdgs) {
        this.sdgs = sdgs == null ? new ArrayList<>() : sdgs;
    }

    /** Why no tonne is applied for, issued or sold twice (二重計上のないこと). */
    public String getNoDoubleCounting() {
        return noDoubleCounting;
    }

    public void setNoDoubleCounting(String noDoubleCounting) {
        this.noDoubleCounting = noDoubleCounting;
    }

    /** Why the project is consistent with net zero (ネットゼロ適合性). */
    public String getNetZero() {
        return netZero;
    }

    public void setNetZero(String netZero) {
        this.netZero = netZero;
    }

    /** The statements as the public record shows them. */
    QualityRecord.Statements statements() {
        return new QualityRecord.Statements(
                additionality,
                permanence,
                permanenceMonitoring,
                sustainableDevelopment,
                sdgs.stream().filter(java.util.Objects::nonNull).sorted().toList(),
                noDoubleCounting,
                netZero);
    }
}
