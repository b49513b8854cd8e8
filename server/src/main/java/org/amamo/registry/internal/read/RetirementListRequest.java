package org.amamo.registry.internal.read;

import java.util.ArrayList;
import java.util.List;
import org.amamo.platform.Refusal;

/**
 * Which page of the public retirement list (newest first) a request asks for: the records older than a record id
 * ({@code before}), those newer than one ({@code after}), a page number ({@code page}), or, with none of them, the
 * newest. The list pages by record id rather than by position, so that a page 5,000 deep costs what the first costs
 * and a retirement recorded meanwhile neither repeats a record nor skips one on the next page. The page number is the
 * older way, still honoured for the newest {@value #MAX_PAGED_RECORDS} records, where skipping is cheap, so that
 * existing links and API clients keep working.
 */
public record RetirementListRequest(Long before, Long after, Integer page) {

    /** How far a page number reaches: deeper pages are asked for with {@code before}. */
    public static final int MAX_PAGED_RECORDS = 10_000;

    public static final RetirementListRequest NEWEST = new RetirementListRequest(null, null, null);

    /** What is wrong with the request for pages of {@code size} records; empty when it can be answered. */
    public List<Refusal> problems(int size) {
        List<Refusal> problems = new ArrayList<>();
        if (before != null && before < 1) {
            problems.add(Refusal.of("before", "registry.retirements.id-invalid"));
        }
        if (after != null && after < 1) {
            problems.add(Refusal.of("after", "registry.retirements.id-invalid"));
        }
        int given = (before == null ? 0 : 1) + (after == null ? 0 : 1) + (page == null ? 0 : 1);
        if (given > 1) {
            problems.add(Refusal.of("$", "registry.retirements.one-position"));
        }
        if (page != null && (long) Math.max(page, 0) * size >= MAX_PAGED_RECORDS) {
            problems.add(Refusal.of("page", "registry.retirements.page-too-deep", MAX_PAGED_RECORDS));
        }
        return problems;
    }

    /**
     * The record offset of {@link #page()}: a negative page is the first, as everywhere else, and a page beyond any
     * list (even one past the int range) is simply empty.
     */
    int offset(int size) {
        return page == null || page < 0 ? 0 : (int) Math.min((long) page * size, Integer.MAX_VALUE);
    }
}
