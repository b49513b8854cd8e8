package org.amamo.consultation.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A message to the other side of a consultation. */
public class MessageForm {

    @NotBlank(message = "{validation.required}")
    @Size(max = ConsultationService.MESSAGE_MAX, message = "{validation.size.max}")
    private String body;

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }
}
