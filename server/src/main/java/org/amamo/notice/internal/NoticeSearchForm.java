package org.amamo.notice.internal;

import java.time.LocalDate;
import org.amamo.platform.FormErrors;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.BindingResult;

/**
 * The search box of the notice lists: {@code q} (words of the title), {@code from} and {@code to} (days of
 * publication, Japan Standard Time, both inclusive). The same parameter names as the API's.
 */
public class NoticeSearchForm {

    private String q;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate from;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate to;

    /**
     * The search to run, with the rules that span fields added to the binding; no filter at all when a field is
     * bad, so that the page shows the errors beside an unfiltered list.
     */
    NoticeSearch search(BindingResult binding) {
        NoticeSearch search = new NoticeSearch(q, from, to);
        FormErrors.reject(binding, search.refusals("q", "to"));
        return binding.hasErrors() ? NoticeSearch.NONE : search;
    }

    /** Whether any part of the search is filled in. */
    public boolean isActive() {
        return (q != null && !q.isBlank()) || from != null || to != null;
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }
}
