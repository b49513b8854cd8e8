package org.amamo.notice;

import java.util.List;

/** The notices the public sees now, newest first. */
public interface PublishedNotices {

    /** At most {@code limit} notices inside their publish window, newest publish start first. */
    List<NoticeView> latest(int limit);
}
