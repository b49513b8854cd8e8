package org.amamo.platform;

/** Limits on lists shown or returned at once. Every list in the UI and the API is paged. */
public final class Pages {

    /** Rows per page when the request does not say. */
    public static final int DEFAULT_SIZE = 20;
    /** The most rows one page may hold; a larger request is answered with this many. */
    public static final int MAX_SIZE = 100;

    private Pages() {}

    /** The page size to use for a requested size: at least 1, at most {@link #MAX_SIZE}. */
    public static int size(Integer requested) {
        if (requested == null || requested < 1) {
            return DEFAULT_SIZE;
        }
        return Math.min(requested, MAX_SIZE);
    }

    /** The zero-based page number to use: never negative. */
    public static int number(Integer requested) {
        return requested == null || requested < 0 ? 0 : requested;
    }
}
