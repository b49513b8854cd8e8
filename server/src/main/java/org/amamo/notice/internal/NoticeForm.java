package org.amamo.notice.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import org.springframework.format.annotation.DateTimeFormat;

/** A notice as the secretariat enters it; times are Japan Standard Time (公開開始日時 / 公開終了日時). */
public class NoticeForm {

    static final int TITLE_MAX = 200;
    static final int BODY_MAX = 20_000;

    @NotBlank(message = "{validation.required}")
    @Size(max = TITLE_MAX, message = "{validation.size.max}")
    private String title;

    @NotBlank(message = "{validation.required}")
    @Size(max = BODY_MAX, message = "{validation.size.max}")
    private String body;

    @NotNull(message = "{validation.required}")
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
    private LocalDateTime publishStart;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
    private LocalDateTime publishEnd;

    @Size(max = TITLE_MAX, message = "{validation.size.max}")
    private String titleEn;

    @Size(max = BODY_MAX, message = "{validation.size.max}")
    private String bodyEn;

    /** The programme the notice belongs to; blank for every programme. */
    private String programme;

    public String getProgramme() {
        return programme;
    }

    public void setProgramme(String programme) {
        this.programme = programme;
    }

    /** The optional English title; blank for none. */
    public String getTitleEn() {
        return titleEn;
    }

    public void setTitleEn(String titleEn) {
        this.titleEn = titleEn;
    }

    /** The optional English body (Markdown); blank for none. */
    public String getBodyEn() {
        return bodyEn;
    }

    public void setBodyEn(String bodyEn) {
        this.bodyEn = bodyEn;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    public LocalDateTime getPublishStart() {
        return publishStart;
    }

    public void setPublishStart(LocalDateTime publishStart) {
        this.publishStart = publishStart;
    }

    public LocalDateTime getPublishEnd() {
        return publishEnd;
    }

    public void setPublishEnd(LocalDateTime publishEnd) {
        this.publishEnd = publishEnd;
    }
}
