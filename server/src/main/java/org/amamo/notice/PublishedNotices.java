package org.amamo.notice;

import java.util.List;

/** The notices the public sees now, newest first. */
public interface PublishedNotices {

    /** At most {@code limit} notices inside their publish window, newest publish start first. */
    List<NoticeView> latest(int limit);

    /**
     * At most {@code limit} notices of one programme's list inside their publish window, newest first: the
     * programme's own notices and those about every programme. A null code: every notice.
     */
    List<NoticeView> latest(String programmeCode, int limit);
}
