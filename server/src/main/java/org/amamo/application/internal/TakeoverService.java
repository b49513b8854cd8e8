package org.amamo.application.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
import org.amamo.platform.Outcome;
import org.amamo.platform.Refusal;
import org.amamo.platform.RefusalKind;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Take-over of a project (引継ぎ, seed 003): a registered applicant asks to become the owner of another's project,
 * also after its last application was rejected or withdrawn; the secretariat approves or refuses with a reason. The
 * previous owner is told of the request and of the decision; after approval the new owner continues the project
 * ({@link DraftService#continueProject}). A project with an application in progress cannot change hands, so that an
 * application never changes owner mid-way.
 */
@Service
class TakeoverService {

    /** Longest statement of a request and longest reason of a decision (characters). */
    static final int TEXT_MAX = 2000;
    /** Longest list shown at once (newest first). */
    static final int LIST_MAX = 200;

    private final TakeoverStore store;
    private final Notifications notifications;
    private final Clock clock;

    TakeoverService(TakeoverStore store, Notifications notifications, Clock clock) {
        this.store = store;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** Asks to take over the project with the public code {@code projectCode} (e.g. {@code 0012}). */
    @Transactional
    Outcome<Long> request(AmamoPrincipal actor, String projectCode, String statement) {
        if (!actor.has(Role.APPLICANT)) {
            return Outcome.refused(RefusalKind.FORBIDDEN, Refusal.of("$", "takeover.applicants-only"));
        }
        List<Refusal> refusals = new ArrayList<>();
        Optional<Long> projectId = parseCode(projectCode);
        TakeoverStore.Project project = projectId.flatMap(store::lockProject).orElse(null);
        if (project == null) {
            refusals.add(Refusal.of("projectCode", "takeover.project.not-found", nonNull(projectCode)));
        } else if (project.ownerId() == actor.userId()) {
            refusals.add(Refusal.of("projectCode", "takeover.project.own"));
        } else if (store.pendingFor(project.id())) {
            refusals.add(Refusal.of("projectCode", "takeover.project.pending"));
        } else if (store.hasOpenApplication(project.id())) {
            refusals.add(Refusal.of("projectCode", "takeover.project.in-progress"));
        }
        String text = statement == null ? "" : statement.strip();
        if (text.isEmpty()) {
            refusals.add(Refusal.of("statement", "takeover.statement.required"));
        } else if (text.length() > TEXT_MAX) {
            refusals.add(Refusal.of("statement", "takeover.statement.too-long", TEXT_MAX));
        }
        if (!refusals.isEmpty()) {
            return Outcome.refused(RefusalKind.INVALID, refusals);
        }
        long id = store.insert(project.id(), actor.userId(), project.ownerId(), text, clock.instant());
        notifications.send(
                List.of(project.ownerId()), "takeover.notification.requested", code(project.id()), "/applications");
        return Outcome.done(id);
    }

    /** Approves a pending request: the requester becomes the project's owner. */
    @Transactional
    Outcome<Void> approve(AmamoPrincipal actor, long id) {
        Outcome<Takeover> pending = pending(actor, id);
        if (pending.refused()) {
            return pending.cast();
        }
        Takeover takeover = pending.value();
        store.lockProject(takeover.projectId()).orElseThrow();
        if (store.hasOpenApplication(takeover.projectId())) {
            return Outcome.refused(RefusalKind.CONFLICT, Refusal.of("$", "takeover.project.in-progress"));
        }
        if (!store.decide(id, Takeover.Status.APPROVED, actor.userId(), null, clock.instant())) {
            return Outcome.refused(RefusalKind.CONFLICT, Refusal.of("$", "takeover.already-decided"));
        }
        store.changeOwner(takeover.projectId(), takeover.requestedBy());
        notifications.send(
                List.of(takeover.previousOwnerId(), takeover.requestedBy()),
                "takeover.notification.approved",
                takeover.projectCode(),
                "/projects/takeovers");
        return Outcome.done();
    }

    /** Refuses a pending request, with the reason the requester and the previous owner read. */
    @Transactional
    Outcome<Void> refuse(AmamoPrincipal actor, long id, String reason) {
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty() || text.length() > TEXT_MAX) {
            String key = text.isEmpty() ? "takeover.reason.required" : "takeover.reason.too-long";
            return Outcome.refused(RefusalKind.INVALID, Refusal.of("reason", key, TEXT_MAX));
        }
        Outcome<Takeover> pending = pending(actor, id);
        if (pending.refused()) {
            return pending.cast();
        }
        Takeover takeover = pending.value();
        if (!store.decide(id, Takeover.Status.REFUSED, actor.userId(), text, clock.instant())) {
            return Outcome.refused(RefusalKind.CONFLICT, Refusal.of("$", "takeover.already-decided"));
        }
        notifications.send(
                List.of(takeover.previousOwnerId(), takeover.requestedBy()),
                "takeover.notification.refused",
                takeover.projectCode(),
                "/projects/takeovers");
        return Outcome.done();
    }

    @Transactional(readOnly = true)
    List<Takeover> pending() {
        return store.withStatus(Takeover.Status.PENDING, LIST_MAX);
    }

    /** The ids of the projects the user owns now. */
    @Transactional(readOnly = true)
    java.util.Set<Long> ownedProjectIds(long userId) {
        return java.util.Set.copyOf(store.projectsOwnedBy(userId));
    }

    @Transactional(readOnly = true)
    List<Takeover> requestedBy(long userId) {
        return store.requestedBy(userId, LIST_MAX);
    }

    /** The project's approved and refused requests, oldest first, for its procedure history. */
    @Transactional(readOnly = true)
    List<Takeover> decidedOf(long projectId) {
        return store.ofProject(projectId).stream()
                .filter(takeover -> takeover.status() != Takeover.Status.PENDING)
                .toList();
    }

    /**
     * The project's owners, first to current, each with the time they became owner: the first owner since the
     * project was created, each approved request's requester since its approval.
     */
    @Transactional(readOnly = true)
    List<ProjectOwner> ownersOf(long projectId) {
        TakeoverStore.Project project = store.project(projectId).orElseThrow();
        List<Takeover> approved = store.ofProject(projectId).stream()
                .filter(takeover -> takeover.status() == Takeover.Status.APPROVED)
                .toList();
        List<ProjectOwner> owners = new ArrayList<>();
        if (approved.isEmpty()) {
            owners.add(
                    new ProjectOwner(project.ownerId(), store.shownName(project.ownerId()), project.createdAt(), null));
            return owners;
        }
        Takeover first = approved.get(0);
        owners.add(new ProjectOwner(
                first.previousOwnerId(), first.previousOwnerName(), project.createdAt(), first.decidedAt()));
        for (int index = 0; index < approved.size(); index++) {
            Takeover takeover = approved.get(index);
            Instant until =
                    index + 1 < approved.size() ? approved.get(index + 1).decidedAt() : null;
            owners.add(new ProjectOwner(takeover.requestedBy(), takeover.requesterName(), takeover.decidedAt(), until));
        }
        return owners;
    }

    private Outcome<Takeover> pending(AmamoPrincipal actor, long id) {
        if (!actor.isSecretariat()) {
            return Outcome.refused(RefusalKind.FORBIDDEN, Refusal.of("$", "takeover.secretariat-only"));
        }
        Takeover takeover = store.find(id).orElse(null);
        if (takeover == null) {
            return Outcome.refused(RefusalKind.NOT_FOUND, Refusal.of("$", "takeover.not-found"));
        }
        if (takeover.status() != Takeover.Status.PENDING) {
            return Outcome.refused(RefusalKind.CONFLICT, Refusal.of("$", "takeover.already-decided"));
        }
        return Outcome.done(takeover);
    }

    /** A project code is its id, digits only (leading zeros allowed); anything else names no project. */
    static Optional<Long> parseCode(String code) {
        String text = code == null ? "" : code.strip();
        if (text.isEmpty() || text.length() > 18 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(text));
    }

    private static String code(long projectId) {
        return String.format("%04d", projectId);
    }

    private static String nonNull(String text) {
        return text == null ? "" : text.strip();
    }
}
