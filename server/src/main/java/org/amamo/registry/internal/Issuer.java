package org.amamo.registry.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.amamo.application.CertifiedUptakes;
import org.amamo.identity.UserDirectory;
import org.amamo.identity.UserSummary;
import org.amamo.platform.Outcome;
import org.amamo.platform.Refusal;
import org.amamo.platform.RefusalKind;
import org.amamo.programme.BufferShares;
import org.amamo.programme.Programme;
import org.amamo.programme.Programmes;
import org.amamo.registry.CreditIssuance;
import org.amamo.registry.CreditsIssued;
import org.amamo.registry.InitialHolder;
import org.amamo.registry.IssuanceRequest;
import org.amamo.registry.IssuanceResult;
import org.amamo.registry.IssuedBatches;
import org.amamo.registry.SerialRange;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Issuance (発行): a new batch, its serials 1..units shared among the initial holders by
 * {@link LargestRemainder}, each holder receiving one consecutive range in the order listed. The units pass through
 * the scheme's issuance account, whose row lock serialises issuances (they are rare, and the batch number must be
 * drawn once); holders' accounts are opened if they have none yet, and locked after it in id order.
 *
 * <p>When the batch's programme has buffer shares and the batch comes from a certified application, the buffer's
 * part ({@link BufferShare}) is the batch's last serial range, placed in the programme's buffer account; the holders
 * share the rest. The entry's payload then names {@code bufferUnits} and {@code bufferPercent} (only then, so the
 * entries of batches without a buffer read as before).
 */
@Service
public class Issuer implements CreditIssuance {

    /** The most units one batch may hold (10 million t-CO2). */
    static final long MAX_BATCH_UNITS = 100_000_000L;

    static final int MAX_HOLDERS = 20;
    static final int MAX_NAME_LENGTH = 300;
    static final int MAX_METHODOLOGY_LENGTH = 100;
    static final int MAX_CERTIFIER_LENGTH = 200;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Registry registry;
    private final AccountStore accountStore;
    private final BatchStore batchStore;
    private final JournalStore journalStore;
    private final BlockMover mover;
    private final Journal journal;
    private final UserDirectory users;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Programmes programmes;
    private final BufferShares bufferShares;
    private final CertifiedUptakes uptakes;

    Issuer(
            Registry registry,
            AccountStore accountStore,
            BatchStore batchStore,
            JournalStore journalStore,
            BlockMover mover,
            Journal journal,
            UserDirectory users,
            ApplicationEventPublisher events,
            Clock clock,
            Programmes programmes,
            BufferShares bufferShares,
            CertifiedUptakes uptakes) {
        this.registry = registry;
        this.accountStore = accountStore;
        this.batchStore = batchStore;
        this.journalStore = journalStore;
        this.mover = mover;
        this.journal = journal;
        this.users = users;
        this.events = events;
        this.clock = clock;
        this.programmes = programmes;
        this.bufferShares = bufferShares;
        this.uptakes = uptakes;
    }

    static String retirementKey(int vintage) {
        return "R:" + vintage;
    }

    @Override
    public IssuanceResult issue(IssuanceRequest request) {
        return result(issue(Actor.SYSTEM, request));
    }

    /** The holders' allocations of an issuance (the buffer's range is not an allocation). */
    IssuanceResult result(Outcome<Receipt> outcome) {
        if (outcome.refused()) {
            return new IssuanceResult(null, List.of(), outcome.refusals());
        }
        Receipt receipt = outcome.value();
        return new IssuanceResult(
                receipt.batchId(),
                receipt.lines().stream()
                        .filter(line -> accountStore
                                .account(line.toAccountId())
                                .map(account -> account.kind() != AccountKind.BUFFER)
                                .orElse(true))
                        .map(line -> new IssuanceResult.Allocation(
                                line.toAccountId(), line.serialRange(), line.creditUnits()))
                        .toList(),
                List.of());
    }

    /** Issues a batch for the secretariat (or the system), once per {@link IssuanceRequest#reference()}. */
    public Outcome<Receipt> issue(Actor actor, IssuanceRequest request) {
        if (!actor.secretariat()) {
            return Outcome.refused(RefusalKind.FORBIDDEN, Refusal.of("$", "registry.secretariat-only"));
        }
        List<Refusal> invalid = refusals(request);
        if (!invalid.isEmpty()) {
            return Outcome.refused(RefusalKind.INVALID, invalid);
        }
        String key = request.reference() == null || request.reference().isBlank() ? null : request.reference();
        String fingerprint = Registry.fingerprint(
                Operation.ISSUE,
                actor,
                request.projectId(),
                request.projectCode(),
                request.projectName(),
                request.programmePrefix(),
                request.vintage(),
                request.methodologyVersion(),
                request.creditType(),
                request.certifier(),
                request.creditUnits(),
                request.holders());
        return registry.run(
                key, fingerprint, () -> apply(actor, request, key, fingerprint), entry -> journal.receipt(entry, true));
    }

    private Outcome<Receipt> apply(Actor actor, IssuanceRequest request, String key, String fingerprint) {
        AccountRow issuance =
                accountStore.accountByOwnerKey(AccountStore.ISSUANCE_KEY).orElseThrow();
        accountStore.lockAccounts(List.of(issuance.id()));
        ensureRetirementAccount(request.vintage());
        List<Long> holderAccounts = new ArrayList<>();
        for (int i = 0; i < request.holders().size(); i++) {
            Outcome<Long> account = holderAccount(actor, request.holders().get(i), i);
            if (account.refused()) {
                return account.cast();
            }
            holderAccounts.add(account.value());
        }
        Buffer buffer = buffer(request);
        Set<Long> lockIds = new HashSet<>(holderAccounts);
        lockIds.add(issuance.id());
        if (buffer.units() > 0) {
            lockIds.add(buffer.accountId());
        }
        List<AccountRow> locked = accountStore.lockAccounts(lockIds);
        BufferShare.Split split = BufferShare.split(
                request.creditUnits(),
                request.holders().stream().map(InitialHolder::sharePercent).toList(),
                buffer.units());
        List<Long> units = split.holderUnits();
        long entryId = journalStore.nextEntryId();
        long batchId = batchStore.insertBatch(new BatchStore.BatchRow(
                0,
                request.programmePrefix(),
                request.projectId(),
                request.projectCode(),
                request.projectName().strip(),
                request.vintage(),
                batchStore.nextBatchNumber(request.programmePrefix(), request.projectCode(), request.vintage()),
                request.methodologyVersion().strip(),
                request.creditType(),
                request.certifier().strip(),
                request.creditUnits(),
                clock.instant(),
                entryId));
        List<JournalEntry.Movement> movements = new ArrayList<>();
        movements.add(new JournalEntry.Movement(batchId, 1, request.creditUnits(), null, issuance.id()));
        long next = 1;
        for (int i = 0; i < units.size(); i++) {
            if (units.get(i) > 0) {
                long last = next + units.get(i) - 1;
                mover.place(holderAccounts.get(i), BlockStatus.ACTIVE, batchId, next, last);
                movements.add(new JournalEntry.Movement(batchId, next, last, issuance.id(), holderAccounts.get(i)));
                next = last + 1;
            }
        }
        if (buffer.units() > 0) {
            long last = next + buffer.units() - 1;
            mover.place(buffer.accountId(), BlockStatus.ACTIVE, batchId, next, last);
            movements.add(new JournalEntry.Movement(batchId, next, last, issuance.id(), buffer.accountId()));
        }
        Payload payload = new Payload()
                .with("batch", batchId)
                .with("projectId", request.projectId())
                .with("projectCode", request.projectCode())
                .with("vintage", request.vintage())
                .with("methodology", request.methodologyVersion())
                .with("creditType", request.creditType())
                .with("certifier", request.certifier())
                .with("reference", request.reference());
        if (buffer.units() > 0) {
            payload.with("bufferUnits", buffer.units())
                    .with("bufferPercent", buffer.percent().toPlainString());
        }
        JournalEntry entry = journal.append(
                entryId, Operation.ISSUE, actor, key, fingerprint, request.creditUnits(), payload, locked, movements);
        events.publishEvent(new CreditsIssued(batchId, request.projectId(), request.vintage(), request.creditUnits()));
        return Outcome.done(journal.receipt(entry, false));
    }

    /** The buffer's part of a batch and the account it goes to (none: 0 units, no account). */
    private record Buffer(long units, BigDecimal percent, long accountId) {}

    /**
     * The buffer's part of the batch: the programme (by serial prefix) and its shares, the certified application (by
     * the issuance's reference) and its uptake by ecosystem. The buffer account is opened if it is needed and missing.
     */
    private Buffer buffer(IssuanceRequest request) {
        Optional<Programme> programme = programmes.all().stream()
                .filter(candidate -> candidate.serialPrefix().equals(request.programmePrefix()))
                .findFirst();
        Optional<Long> application = IssuedBatches.certifiedApplication(request.reference());
        if (programme.isEmpty() || application.isEmpty()) {
            return new Buffer(0, BigDecimal.ZERO, 0);
        }
        java.util.Map<String, BigDecimal> shares =
                bufferShares.shares(programme.get().code());
        if (shares.values().stream().allMatch(share -> share.signum() == 0)) {
            return new Buffer(0, BigDecimal.ZERO, 0);
        }
        java.util.Map<String, BigDecimal> uptake = uptakes.byEcosystem(application.get());
        long units = BufferShare.units(request.creditUnits(), uptake, shares);
        if (units == 0) {
            return new Buffer(0, BigDecimal.ZERO, 0);
        }
        return new Buffer(units, BufferShare.percent(uptake, shares), bufferAccount(programme.get()));
    }

    static String bufferKey(String programmeCode) {
        return "B:" + programmeCode;
    }

    /** The programme's buffer account, opened the first time it is needed. */
    long bufferAccount(Programme programme) {
        return accountStore
                .accountByOwnerKey(bufferKey(programme.code()))
                .map(AccountRow::id)
                .orElseGet(() -> accountStore.insertAccount(
                        AccountKind.BUFFER,
                        AccountStatus.OPEN,
                        bufferKey(programme.code()),
                        null,
                        null,
                        null,
                        "Buffer account " + programme.code(),
                        null,
                        clock.instant()));
    }

    /** The retirement account of a vintage, opened the first time a batch of that vintage is issued. */
    private void ensureRetirementAccount(int vintage) {
        if (accountStore.accountByOwnerKey(retirementKey(vintage)).isEmpty()) {
            accountStore.insertAccount(
                    AccountKind.RETIREMENT,
                    AccountStatus.OPEN,
                    retirementKey(vintage),
                    null,
                    null,
                    vintage,
                    "Retirement account " + vintage,
                    null,
                    clock.instant());
        }
    }

    /** The holder's holding account, opened now if they have none (or approved if they asked for one). */
    private Outcome<Long> holderAccount(Actor actor, InitialHolder holder, int index) {
        String field = "holders[" + index + "]";
        boolean organisation = holder.organisationId() != null;
        String ownerKey = organisation ? "O:" + holder.organisationId() : "U:" + holder.userId();
        Optional<AccountRow> existing = accountStore.accountByOwnerKey(ownerKey);
        if (existing.isPresent()) {
            AccountRow account = existing.get();
            if (account.status() == AccountStatus.CLOSED) {
                return Outcome.refused(RefusalKind.CONFLICT, Refusal.of(field, "registry.issue.holder-closed"));
            }
            if (account.status() == AccountStatus.REQUESTED) {
                accountStore.decide(account.id(), AccountStatus.OPEN, actor.userId(), clock.instant());
            }
            return Outcome.done(account.id());
        }
        Optional<String> name = organisation
                ? accountStore.organisationName(holder.organisationId())
                : users.find(holder.userId()).map(UserSummary::fullName);
        if (name.isEmpty()) {
            return Outcome.refused(RefusalKind.NOT_FOUND, Refusal.of(field, "registry.issue.holder-unknown"));
        }
        return Outcome.done(accountStore.insertAccount(
                AccountKind.HOLDING,
                AccountStatus.OPEN,
                ownerKey,
                organisation ? null : holder.userId(),
                holder.organisationId(),
                null,
                name.get(),
                actor.userId(),
                clock.instant()));
    }

    /** Everything wrong with a request, each naming its field, without issuing (for a form to show all at once). */
    public static List<Refusal> check(IssuanceRequest request) {
        return refusals(request);
    }

    /** Everything wrong with a request, each refusal naming its field. */
    static List<Refusal> refusals(IssuanceRequest request) {
        List<Refusal> refusals = new ArrayList<>();
        if (request.programmePrefix() == null
                || !SerialRange.PREFIX.matcher(request.programmePrefix()).matches()) {
            refusals.add(Refusal.of("programmePrefix", "registry.issue.prefix"));
        }
        if (request.projectCode() == null
                || !SerialRange.PROJECT_CODE.matcher(request.projectCode()).matches()) {
            refusals.add(Refusal.of("projectCode", "registry.issue.project-code"));
        }
        Registry.text(request.projectName(), "projectName", MAX_NAME_LENGTH, true)
                .ifPresent(refusals::add);
        if (request.vintage() < Registry.MIN_YEAR || request.vintage() > Registry.MAX_YEAR) {
            refusals.add(Refusal.of("vintage", "registry.year.range", Registry.MIN_YEAR, Registry.MAX_YEAR));
        }
        Registry.text(request.methodologyVersion(), "methodologyVersion", MAX_METHODOLOGY_LENGTH, true)
                .ifPresent(refusals::add);
        Registry.text(request.certifier(), "certifier", MAX_CERTIFIER_LENGTH, true)
                .ifPresent(refusals::add);
        if (request.creditType() == null) {
            refusals.add(Refusal.of("creditType", "registry.required"));
        }
        if (request.creditUnits() < 1) {
            refusals.add(Refusal.of("creditUnits", "registry.units.positive"));
        } else if (request.creditUnits() > MAX_BATCH_UNITS) {
            refusals.add(Refusal.of("creditUnits", "registry.units.too-many", MAX_BATCH_UNITS));
        }
        refusals.addAll(holderRefusals(request.holders()));
        return refusals;
    }

    static List<Refusal> holderRefusals(List<InitialHolder> holders) {
        if (holders.isEmpty()) {
            return List.of(Refusal.of("holders", "registry.issue.holders-required"));
        }
        if (holders.size() > MAX_HOLDERS) {
            return List.of(Refusal.of("holders", "registry.issue.holders-too-many", MAX_HOLDERS));
        }
        List<Refusal> refusals = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < holders.size(); i++) {
            InitialHolder holder = holders.get(i);
            String field = "holders[" + i + "]";
            if ((holder.userId() == null) == (holder.organisationId() == null)) {
                refusals.add(Refusal.of(field, "registry.issue.holder-one-of"));
            } else if (!seen.add(holder.userId() + "/" + holder.organisationId())) {
                refusals.add(Refusal.of(field, "registry.issue.holder-duplicate"));
            }
            BigDecimal share = holder.sharePercent();
            if (share == null || share.signum() <= 0 || share.compareTo(HUNDRED) > 0 || share.scale() > 4) {
                refusals.add(Refusal.of(field + ".sharePercent", "registry.issue.share"));
            } else {
                total = total.add(share);
            }
        }
        if (refusals.isEmpty() && total.compareTo(HUNDRED) != 0) {
            refusals.add(Refusal.of(
                    "holders",
                    "registry.issue.shares-total",
                    total.stripTrailingZeros().toPlainString()));
        }
        return refusals;
    }
}
