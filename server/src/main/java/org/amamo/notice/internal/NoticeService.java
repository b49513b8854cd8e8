package org.amamo.notice.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.amamo.notice.NoticeView;
import org.amamo.notice.PublishedNotices;
import org.amamo.platform.Outcome;
import org.amamo.platform.Refusal;
import org.amamo.platform.RefusalKind;
import org.amamo.programme.Programmes;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Writes notices for the secretariat and reads them for everyone. */
@Service
class NoticeService implements PublishedNotices {

    private static final Refusal NOT_FOUND = Refusal.of("$", "notice.not-found");

    private final NoticeRepository notices;
    private final MarkdownRenderer markdown;
    private final Programmes programmes;
    private final NoticeAttachments attachments;
    private final Clock clock;

    NoticeService(
            NoticeRepository notices,
            MarkdownRenderer markdown,
            Programmes programmes,
            NoticeAttachments attachments,
            Clock clock) {
        this.notices = notices;
        this.markdown = markdown;
        this.programmes = programmes;
        this.attachments = attachments;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<NoticeView> latest(int limit) {
        return published(null, 0, limit);
    }

    @Override
    @Transactional(readOnly = true)
    public List<NoticeView> latest(String programmeCode, int limit) {
        return published(programmeCode, 0, limit);
    }

    /** Published notices, of one programme's list unless the code is null. */
    @Transactional(readOnly = true)
    List<NoticeView> published(String programmeCode, int offset, int limit) {
        return published(programmeCode, NoticeSearch.NONE, offset, limit);
    }

    /** Published notices matching the search, of one programme's list unless the code is null. */
    @Transactional(readOnly = true)
    List<NoticeView> published(String programmeCode, NoticeSearch search, int offset, int limit) {
        return notices.published(clock.instant(), programmeCode, search, offset, limit).stream()
                .map(this::view)
                .toList();
    }

    /** A notice the public may see now. */
    @Transactional(readOnly = true)
    Optional<NoticeView> findPublished(long id) {
        return find(id).filter(notice -> notice.publishedAt(clock.instant()));
    }

    @Transactional(readOnly = true)
    Optional<NoticeView> find(long id) {
        return notices.find(id).map(this::view);
    }

    @Transactional(readOnly = true)
    List<NoticeView> all(int offset, int limit) {
        return all(NoticeSearch.NONE, offset, limit);
    }

    /** Every notice matching the search, whatever its window. */
    @Transactional(readOnly = true)
    List<NoticeView> all(NoticeSearch search, int offset, int limit) {
        return notices.all(search, offset, limit).stream().map(this::view).toList();
    }

    /** An attachment of a notice the public may see now; none while the notice is scheduled or after it ended. */
    @Transactional(readOnly = true)
    Optional<NoticeAttachments.Content> publishedAttachment(long noticeId, long attachmentId) {
        return findPublished(noticeId).flatMap(notice -> attachments.content(noticeId, attachmentId));
    }

    /** An attachment of a notice, whatever its window (for the secretariat). */
    @Transactional(readOnly = true)
    Optional<NoticeAttachments.Content> attachmentContent(long noticeId, long attachmentId) {
        return attachments.content(noticeId, attachmentId);
    }

    /** The attachments of a notice, whatever its window (the caller decides who may see them). */
    @Transactional(readOnly = true)
    List<NoticeAttachments.Attachment> attachments(long noticeId) {
        return attachments.list(noticeId);
    }

    /** Attaches a file to a notice, or says why not: no such notice, or the file's refusals (field {@code file}). */
    @Transactional
    Outcome<Void> attach(long noticeId, long uploaderId, String filename, byte[] bytes) {
        if (notices.find(noticeId).isEmpty()) {
            return Outcome.refused(RefusalKind.NOT_FOUND, NOT_FOUND);
        }
        List<Refusal> refusals = attachments.store(noticeId, uploaderId, filename, bytes);
        return refusals.isEmpty() ? Outcome.done() : Outcome.refused(RefusalKind.INVALID, refusals);
    }

    @Transactional
    Outcome<Void> detach(long noticeId, long attachmentId) {
        return attachments.delete(noticeId, attachmentId)
                ? Outcome.done()
                : Outcome.refused(RefusalKind.NOT_FOUND, Refusal.of("$", "notice.attachment.not-found"));
    }

    /** Stores a new notice (its id), or says why not. */
    @Transactional
    Outcome<Long> create(NoticeDraft draft, long authorId) {
        List<Refusal> refusals = refusals(draft);
        if (!refusals.isEmpty()) {
            return Outcome.refused(RefusalKind.INVALID, refusals);
        }
        return Outcome.done(notices.insert(draft, authorId, clock.instant()));
    }

    /** Replaces a notice (its id), or says why not. */
    @Transactional
    Outcome<Long> update(long id, NoticeDraft draft) {
        List<Refusal> refusals = refusals(draft);
        if (!refusals.isEmpty()) {
            return Outcome.refused(RefusalKind.INVALID, refusals);
        }
        if (!notices.update(id, draft, clock.instant())) {
            return Outcome.refused(RefusalKind.NOT_FOUND, NOT_FOUND);
        }
        return Outcome.done(id);
    }

    @Transactional
    Outcome<Void> delete(long id) {
        return notices.delete(id) ? Outcome.done() : Outcome.refused(RefusalKind.NOT_FOUND, NOT_FOUND);
    }

    private List<Refusal> refusals(NoticeDraft draft) {
        List<Refusal> refusals = new java.util.ArrayList<>(draft.refusals());
        if (draft.programmeCode() != null
                && programmes.find(draft.programmeCode()).isEmpty()) {
            refusals.add(Refusal.of("programme", "notice.programme.unknown", draft.programmeCode()));
        }
        return refusals;
    }

    private NoticeView view(NoticeRepository.StoredNotice notice) {
        return new NoticeView(
                notice.id(),
                notice.title(),
                notice.bodyMarkdown(),
                markdown.toHtml(notice.bodyMarkdown()),
                notice.publishStart(),
                notice.publishEnd(),
                notice.programmeCode(),
                notice.titleEn(),
                notice.bodyMarkdownEn(),
                notice.bodyMarkdownEn() == null ? null : markdown.toHtml(notice.bodyMarkdownEn()));
    }
}
