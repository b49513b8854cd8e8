package org.amamo.consultation.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A new consultation as the applicant enters it, on the web form or as the API's JSON body. Single-field
 * rules are checked here; rules between fields and against today in {@link ConsultationDraft}.
 */
public class ConsultationForm {

    static final int TITLE_MAX = 200;
    static final int SUMMARY_MAX = 4000;
    static final int PLACE_NAME_MAX = 200;
    static final int PREVIOUS_PROJECT_MAX = 200;
    static final int CHANGES_MAX = 2000;

    @NotBlank(message = "{validation.required}")
    @Size(max = TITLE_MAX, message = "{validation.size.max}")
    private String title;

    @NotBlank(message = "{validation.required}")
    @Size(max = SUMMARY_MAX, message = "{validation.size.max}")
    private String summary;

    @NotBlank(message = "{validation.required}")
    private String prefecture;

    @NotBlank(message = "{validation.required}")
    @Size(max = PLACE_NAME_MAX, message = "{validation.size.max}")
    private String placeName;

    // A blank or null member would be lost when stripped: refused here, naming its index.
    private List<@NotBlank(message = "{validation.required}") String> ecosystems = new ArrayList<>();

    private boolean continuation;

    @Size(max = PREVIOUS_PROJECT_MAX, message = "{validation.size.max}")
    private String previousProject;

    private boolean implementersChanged;

    @Size(max = CHANGES_MAX, message = "{validation.size.max}")
    private String implementerChanges;

    private boolean activitiesChanged;

    @Size(max = CHANGES_MAX, message = "{validation.size.max}")
    private String activityChanges;

    @NotNull(message = "{validation.required}")
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate periodStart;

    @NotNull(message = "{validation.required}")
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate periodEnd;

    /** The entered values, stripped, blanks as null. */
    ConsultationDraft draft() {
        return new ConsultationDraft(
                strip(title),
                strip(summary),
                strip(prefecture),
                strip(placeName),
                ecosystems == null
                        ? List.of()
                        : ecosystems.stream().map(ConsultationForm::strip).toList(),
                continuation,
                strip(previousProject),
                implementersChanged,
                strip(implementerChanges),
                activitiesChanged,
                strip(activityChanges),
                periodStart,
                periodEnd);
    }

    private static String strip(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }

    public String getPrefecture() {
        return prefecture;
    }

    public void setPrefecture(String prefecture) {
        this.prefecture = prefecture;
    }

    public String getPlaceName() {
        return placeName;
    }

    public void setPlaceName(String placeName) {
        this.placeName = placeName;
    }

    public List<String> getEcosystems() {
        return ecosystems;
    }

    public void setEcosystems(List<String> ecosystems) {
        this.ecosystems = ecosystems;
    }

    public boolean isContinuation() {
        return continuation;
    }

    public void setContinuation(boolean continuation) {
        this.continuation = continuation;
    }

    public String getPreviousProject() {
        return previousProject;
    }

    public void setPreviousProject(String previousProject) {
        this.previousProject = previousProject;
    }

    public boolean isImplementersChanged() {
        return implementersChanged;
    }

    public void setImplementersChanged(boolean implementersChanged) {
        this.implementersChanged = implementersChanged;
    }

    public String getImplementerChanges() {
        return implementerChanges;
    }

    public void setImplementerChanges(String implementerChanges) {
        this.implementerChanges = implementerChanges;
    }

    public boolean isActivitiesChanged() {
        return activitiesChanged;
    }

    public void setActivitiesChanged(boolean activitiesChanged) {
        this.activitiesChanged = activitiesChanged;
    }

    public String getActivityChanges() {
        return activityChanges;
    }

    public void setActivityChanges(String activityChanges) {
        this.activityChanges = activityChanges;
    }

    public LocalDate getPeriodStart() {
        return periodStart;
    }

    public void setPeriodStart(LocalDate periodStart) {
        this.periodStart = periodStart;
    }

    public LocalDate getPeriodEnd() {
        return periodEnd;
    }

    public void setPeriodEnd(LocalDate periodEnd) {
        this.periodEnd = periodEnd;
    }
}
