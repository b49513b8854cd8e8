package org.amamo.consultation.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The secretariat's note on closing a consultation: the outcome, or what the applicant should do next. */
public class ClosingForm {

    @NotBlank(message = "{validation.required}")
    @Size(max = ConsultationService.CLOSE_NOTE_MAX, message = "{validation.size.max}")
    private String note;

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
