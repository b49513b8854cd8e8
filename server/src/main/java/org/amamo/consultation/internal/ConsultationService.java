package org.amamo.consultation.internal;

import static org.amamo.platform.RefusalKind.CONFLICT;
import static org.amamo.platform.RefusalKind.FORBIDDEN;
import static org.amamo.platform.RefusalKind.INVALID;
import static org.amamo.platform.RefusalKind.NOT_FOUND;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.amamo.consultation.ConsultationEnded;
import org.amamo.consultation.ConsultationMessagePosted;
import org.amamo.consultation.ConsultationOpened;
import org.amamo.consultation.ConsultationStatus;
import org.amamo.consultation.ConsultationSummary;
import org.amamo.consultation.Consultations;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
import org.amamo.platform.Outcome;
import org.amamo.platform.Pages;
import org.amamo.platform.Refusal;
import org.amamo.platform.SchemeTime;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens consultations, carries the thread between applicant and secretariat, and ends consultations.
 * Every change reads the consultation under a row lock first, so that two people writing at once cannot
 * both pass a rule that only one of them may pass (a post after a closing, one message past the limit).
 * Each change publishes its event ({@link ConsultationOpened}, {@link ConsultationMessagePosted},
 * {@link ConsultationEnded}) in the same transaction, for features that tell the people concerned.
 */
@Service
class ConsultationService implements Consultations {

    /** The most messages one consultation holds; past it, the applicant should apply or open a new one. */
    static final int MESSAGES_MAX = 200;

    static final int MESSAGE_MAX = 4000;
    static final int CLOSE_NOTE_MAX = 2000;
    /** The longest search text a list accepts. */
    static final int SEARCH_MAX = 100;

    static final Refusal MISSING = Refusal.of("$", "consultation.not-found");

    private static final Refusal ENDED = Refusal.of("$", "consultation.ended");

    private final ConsultationRepository consultations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ConsultationService(ConsultationRepository consultations, ApplicationEventPublisher events, Clock clock) {
        this.consultations = consultations;
        this.events = events;
        this.clock = clock;
    }

    /** One page of a list. */
    record Listing(List<ConsultationSummary> rows, int number, int size, boolean hasNext) {

        /** Nothing to show, for a page whose request was refused. */
        static Listing empty() {
            return new Listing(List.of(), 0, Pages.size(null), false);
        }
    }

    @Override
    @Transactional(readOnly = true)
    public List<ConsultationSummary> openedBy(long applicantId, int limit) {
        return consultations.list(new ConsultationRepository.Filter(applicantId, null, null), 0, Pages.size(limit));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ConsultationSummary> find(long id) {
        return consultations.summary(id);
    }

    /**
     * One page of consultations, newest activity first: the secretariat sees everyone's (filtered by status
     * and by text in the title or the applicant's name or e-mail), anyone else only their own. Refused as
     * invalid for a search text past {@link #SEARCH_MAX}.
     */
    @Transactional(readOnly = true)
    Outcome<Listing> list(
            AmamoPrincipal viewer,
            boolean onlyOwn,
            ConsultationStatus status,
            String text,
            Integer page,
            Integer size) {
        int rows = Pages.size(size);
        int number = Pages.number(page);
        if (text != null && text.strip().length() > SEARCH_MAX) {
            return Outcome.refused(INVALID, Refusal.of("q", "consultation.search.too-long", SEARCH_MAX));
        }
        Long applicant = onlyOwn || !viewer.isSecretariat() ? viewer.userId() : null;
        List<ConsultationSummary> found = consultations.list(
                new ConsultationRepository.Filter(applicant, status, text), (long) number * rows, rows + 1);
        return Outcome.done(new Listing(found.stream().limit(rows).toList(), number, rows, found.size() > rows));
    }

    /** The consultation, if it exists and {@code viewer} is its applicant or the secretariat. */
    @Transactional(readOnly = true)
    Optional<ConsultationDetail> visibleTo(long id, AmamoPrincipal viewer) {
        return consultations
                .find(id)
                .filter(found -> Party.of(viewer, found.applicantId()).isPresent());
    }

    /** Opens a consultation for {@code applicant} (its id), or says what to fix. */
    @Transactional
    Outcome<Long> open(AmamoPrincipal applicant, ConsultationDraft draft) {
        if (!applicant.has(Role.APPLICANT)) {
            return Outcome.refused(FORBIDDEN, Refusal.of("$", "consultation.applicant-only"));
        }
        List<Refusal> refusals = draft.refusals(today());
        if (!refusals.isEmpty()) {
            return Outcome.refused(INVALID, refusals);
        }
        long id = consultations.insert(applicant.userId(), draft, clock.instant());
        events.publishEvent(new ConsultationOpened(id, applicant.userId()));
        return Outcome.done(id);
    }

    /** Adds a message to the thread; the secretariat's answers it, the applicant's reopens it. */
    @Transactional
    Outcome<Long> post(long id, AmamoPrincipal author, String body) {
        Optional<ConsultationRepository.Locked> locked = consultations.lock(id);
        Optional<Party> party = locked.flatMap(found -> Party.of(author, found.applicantId()));
        if (party.isEmpty()) {
            return Outcome.refused(NOT_FOUND, MISSING);
        }
        ConsultationRepository.Locked consultation = locked.get();
        if (!consultation.status().active()) {
            return Outcome.refused(CONFLICT, ENDED);
        }
        if (consultation.messageCount() >= MESSAGES_MAX) {
            return Outcome.refused(CONFLICT, Refusal.of("$", "consultation.messages.limit", MESSAGES_MAX));
        }
        Optional<Refusal> text = text("body", body, MESSAGE_MAX);
        if (text.isPresent()) {
            return Outcome.refused(INVALID, text.get());
        }
        boolean fromSecretariat = party.get() == Party.SECRETARIAT;
        consultations.insertMessage(id, author.userId(), fromSecretariat, body.strip(), clock.instant());
        consultations.changeStatus(id, party.get().statusAfterMessage(), clock.instant());
        events.publishEvent(new ConsultationMessagePosted(id, consultation.applicantId(), fromSecretariat));
        return Outcome.done(id);
    }

    /** The secretariat ends the consultation, with a note to the applicant saying why or what next. */
    @Transactional
    Outcome<Long> close(long id, AmamoPrincipal secretariat, String note) {
        Optional<ConsultationRepository.Locked> locked = consultations.lock(id);
        if (locked.isEmpty()
                || Party.of(secretariat, locked.get().applicantId()).orElse(null) != Party.SECRETARIAT) {
            return Outcome.refused(NOT_FOUND, MISSING);
        }
        if (!locked.get().status().active()) {
            return Outcome.refused(CONFLICT, ENDED);
        }
        Optional<Refusal> text = text("note", note, CLOSE_NOTE_MAX);
        if (text.isPresent()) {
            return Outcome.refused(INVALID, text.get());
        }
        consultations.end(id, ConsultationStatus.CLOSED, secretariat.userId(), note.strip(), clock.instant());
        events.publishEvent(new ConsultationEnded(id, locked.get().applicantId(), ConsultationStatus.CLOSED));
        return Outcome.done(id);
    }

    /** The applicant takes the consultation back; the thread stays readable, nothing more may be posted. */
    @Transactional
    Outcome<Long> withdraw(long id, AmamoPrincipal applicant) {
        Optional<ConsultationRepository.Locked> locked = consultations.lock(id);
        if (locked.isEmpty() || Party.of(applicant, locked.get().applicantId()).orElse(null) != Party.APPLICANT) {
            return Outcome.refused(NOT_FOUND, MISSING);
        }
        if (!locked.get().status().active()) {
            return Outcome.refused(CONFLICT, ENDED);
        }
        consultations.end(id, ConsultationStatus.WITHDRAWN, applicant.userId(), null, clock.instant());
        events.publishEvent(new ConsultationEnded(id, applicant.userId(), ConsultationStatus.WITHDRAWN));
        return Outcome.done(id);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), SchemeTime.ZONE);
    }

    private static Optional<Refusal> text(String field, String text, int max) {
        if (text == null || text.isBlank()) {
            return Optional.of(Refusal.of(field, "consultation.text.required"));
        }
        if (text.strip().length() > max) {
            return Optional.of(Refusal.of(field, "consultation.text.too-long", max));
        }
        return Optional.empty();
    }
}
