/**
 * お知らせ (seed 002 "お知らせ一覧"): the secretariat writes notices with a publish window; the public sees
 * those inside their window, newest first. Other features read them through
 * {@link org.amamo.notice.PublishedNotices}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notices")
package org.amamo.notice;
