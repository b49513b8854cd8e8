package org.amamo.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.amamo.AmamoApplication;
import org.amamo.platform.Outcome;
import org.amamo.platform.Refusal;
import org.amamo.platform.RefusalKind;
import org.amamo.registry.CreditType;
import org.amamo.registry.InitialHolder;
import org.amamo.registry.IssuanceRequest;
import org.amamo.registry.internal.RegistryFixture.Holder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Random sequences of issue / transfer / retire / cancel, valid and invalid, some transfers and retirements
 * selecting their credits (a batch, a serial range), run against the real registry and a
 * simple in-memory model that tracks the owner of every serial. After every step: the outcome (done or the kind of
 * refusal) matches the model, every account's balance matches it, the ledger's invariants hold and the journal
 * verifies. Runs on H2 and on PostgreSQL (whichever the suite runs on); shrinking finds the shortest failing story.
 */
class RegistryLedgerProperties {

    /** Accounts 0..3 are open holders; account 4 is closed (a transfer to it must be refused). */
    static final int HOLDERS = 4;

    static final int CLOSED = HOLDERS;
    static final int RETIRED = -1;
    static final int CANCELLED = -2;

    static final java.util.concurrent.atomic.AtomicInteger STORIES = new java.util.concurrent.atomic.AtomicInteger();

    static ConfigurableApplicationContext context;
    static RegistryFixture fixture;

    @BeforeContainer
    static void start() {
        context = new SpringApplicationBuilder(AmamoApplication.class)
                .run("--server.port=0", "--spring.main.banner-mode=off");
        fixture = context.getBean(RegistryFixture.class);
    }

    @AfterContainer
    static void stop() {
        context.close();
    }

    sealed interface Action permits Issue, Transfer, Retire, Cancel {}

    record Issue(long units, int holderA, int holderB, int sharePercentA) implements Action {}

    record Transfer(int from, int to, long units, Pick pick) implements Action {}

    record Retire(int actor, int from, long units, Pick pick) implements Action {}

    /**
     * Which credits a transfer or retirement selects: none (the largest blocks first), a batch (its lowest serials),
     * or a serial range of a batch starting at {@code first} and as long as the operation's units. The batch is the
     * story's batch number {@code batchPick} modulo one more than their count; that one more is a batch never issued.
     */
    record Pick(Kind kind, int batchPick, long first) {
        enum Kind {
            NONE,
            BATCH,
            RANGE
        }

        static final Pick NONE = new Pick(Kind.NONE, 0, 1);
    }

    record Cancel(int batchPick, long first, long length) implements Action {}

    @Property(tries = 12)
    void theLedgerBehavesLikeTheModelAndKeepsItsInvariants(@ForAll("stories") List<Action> actions) {
        Model model = new Model();
        List<Holder> accounts = new ArrayList<>();
        for (int i = 0; i <= HOLDERS; i++) {
            accounts.add(fixture.holder());
        }
        fixture.desk.close(Actor.SYSTEM, accounts.get(CLOSED).accountId());
        for (Action action : actions) {
            RefusalKind expected = model.expect(action);
            Outcome<Receipt> outcome = run(action, accounts, model);
            assertThat(outcome.kind()).as("%s: %s", action, outcome.refusals()).isEqualTo(expected);
            if (expected == null) {
                model.apply(action);
            }
            for (int i = 0; i <= HOLDERS; i++) {
                assertThat(fixture.balance(accounts.get(i)))
                        .as("balance of %d after %s", i, action)
                        .isEqualTo(model.balance(i));
            }
            fixture.assertLedgerSound();
        }
    }

    private Outcome<Receipt> run(Action action, List<Holder> accounts, Model model) {
        if (action instanceof Issue issue) {
            Outcome<Receipt> outcome = fixture.issuer.issue(Actor.SYSTEM, request(issue, accounts, model.projectCode));
            if (!outcome.refused()) {
                model.batchCodes.add(org.amamo.registry.SerialRange.parse(
                                        outcome.value().lines().get(0).serialRange())
                                .orElseThrow()
                                .batchText()
                        + "-");
            }
            return outcome;
        }
        if (action instanceof Transfer transfer) {
            Holder from = accounts.get(transfer.from());
            return fixture.registry.transfer(
                    from.actor(),
                    new Registry.Transfer(
                            from.accountId(),
                            accounts.get(transfer.to()).accountId(),
                            transfer.units(),
                            model.selection(transfer.pick(), transfer.units())),
                    null);
        }
        if (action instanceof Retire retire) {
            return fixture.registry.retire(
                    accounts.get(retire.actor()).actor(),
                    new Registry.Retirement(
                            accounts.get(retire.from()).accountId(),
                            retire.units(),
                            new RetirementDisclosure("model", RetirementPurpose.CORPORATE, "scope 1", 2024, null),
                            model.selection(retire.pick(), retire.units())),
                    null);
        }
        Cancel cancel = (Cancel) action;
        if (model.batches.isEmpty()) {
            return Outcome.refused(RefusalKind.NOT_FOUND, Refusal.of("serialRange", "registry.serial.not-found"));
        }
        String batch = model.batchCodes.get(cancel.batchPick() % model.batches.size());
        return fixture.registry.cancel(
                Actor.SYSTEM,
                new Registry.Cancellation(
                        batch + String.format("%06d-%06d", cancel.first(), cancel.first() + cancel.length()), "model"),
                null);
    }

    private static IssuanceRequest request(Issue issue, List<Holder> accounts, String projectCode) {
        List<InitialHolder> holders = new ArrayList<>();
        if (issue.holderA() == issue.holderB() || issue.sharePercentA() == 100) {
            holders.add(
                    new InitialHolder(accounts.get(issue.holderA()).user().userId(), null, BigDecimal.valueOf(100)));
        } else {
            holders.add(new InitialHolder(
                    accounts.get(issue.holderA()).user().userId(), null, BigDecimal.valueOf(issue.sharePercentA())));
            holders.add(new InitialHolder(
                    accounts.get(issue.holderB()).user().userId(),
                    null,
                    BigDecimal.valueOf(100 - issue.sharePercentA())));
        }
        return new IssuanceRequest(
                1,
                projectCode,
                "property",
                "JBC",
                2024,
                "JBE-2.3",
                CreditType.REMOVAL,
                "c",
                issue.units(),
                holders,
                null);
    }

    @Provide
    Arbitrary<List<Action>> stories() {
        Arbitrary<Action> issue = Combinators.combine(
                        Arbitraries.longs().between(1, 400),
                        Arbitraries.integers().between(0, HOLDERS - 1),
                        Arbitraries.integers().between(0, HOLDERS - 1),
                        Arbitraries.integers().between(1, 100))
                .as(Issue::new);
        Arbitrary<Pick> pick = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.just(Pick.NONE)),
                net.jqwik.api.Tuple.of(
                        1, Arbitraries.integers().between(0, 10).map(batch -> new Pick(Pick.Kind.BATCH, batch, 1))),
                net.jqwik.api.Tuple.of(
                        1,
                        Combinators.combine(
                                        Arbitraries.integers().between(0, 10),
                                        Arbitraries.longs().between(1, 100))
                                .as((batch, first) -> new Pick(Pick.Kind.RANGE, batch, first))));
        // Mostly quantities small enough for one holder's share of a batch, so that selections often succeed.
        Arbitrary<Long> transferUnits = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, Arbitraries.longs().between(1, 30)),
                net.jqwik.api.Tuple.of(3, Arbitraries.longs().between(-3, 500)));
        Arbitrary<Long> retireUnits = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, Arbitraries.longs().between(1, 30)),
                net.jqwik.api.Tuple.of(3, Arbitraries.longs().between(-3, 300)));
        Arbitrary<Action> transfer = Combinators.combine(
                        Arbitraries.integers().between(0, HOLDERS - 1),
                        Arbitraries.integers().between(0, HOLDERS),
                        transferUnits,
                        pick)
                .as(Transfer::new);
        Arbitrary<Action> retire = Combinators.combine(
                        Arbitraries.integers().between(0, HOLDERS - 1),
                        Arbitraries.integers().between(0, HOLDERS - 1),
                        retireUnits,
                        pick)
                .as(Retire::new);
        Arbitrary<Action> cancel = Combinators.combine(
                        Arbitraries.integers().between(0, 10),
                        Arbitraries.longs().between(1, 400),
                        Arbitraries.longs().between(0, 40))
                .as(Cancel::new);
        Arbitrary<List<Action>> rest = Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(2, issue),
                        net.jqwik.api.Tuple.of(5, transfer),
                        net.jqwik.api.Tuple.of(2, retire),
                        net.jqwik.api.Tuple.of(1, cancel))
                .list()
                .ofMinSize(6)
                .ofMaxSize(16);
        // Every story starts with credits issued, so that the moves after them (selected or not) often succeed.
        Arbitrary<List<Action>> start = issue.list().ofMinSize(1).ofMaxSize(2);
        return Combinators.combine(start, rest).as((first, then) -> {
            List<Action> story = new ArrayList<>(first);
            story.addAll(then);
            return story;
        });
    }

    /** Who holds each serial of each batch: an account index, or {@link #RETIRED} / {@link #CANCELLED}. */
    static final class Model {
        final List<int[]> batches = new ArrayList<>();
        final List<String> batchCodes = new ArrayList<>();
        /** Each story issues under a project of its own, so that batch numbers start at 01. */
        final String projectCode = "P" + STORIES.incrementAndGet();

        long balance(int account) {
            return batches.stream()
                    .flatMapToInt(Arrays::stream)
                    .filter(owner -> owner == account)
                    .count();
        }

        /** The batch a pick names: an index into {@link #batches}, or their count for a batch never issued. */
        int batchOf(Pick pick) {
            return pick.batchPick() % (batches.size() + 1);
        }

        /** The selection a pick stands for, as a request gives it. */
        Registry.Selection selection(Pick pick, long units) {
            if (pick.kind() == Pick.Kind.NONE) {
                return Registry.Selection.NONE;
            }
            int batch = batchOf(pick);
            String code = batch < batches.size()
                    ? batchCodes.get(batch)
                    : "JBC-2024-" + projectCode + "-" + (batch + 50) + "-";
            String text = code.substring(0, code.length() - 1);
            return pick.kind() == Pick.Kind.BATCH
                    ? Registry.Selection.ofBatch(text)
                    : Registry.Selection.ofSerialRange(
                            code + String.format("%06d-%06d", pick.first(), pick.first() + units - 1));
        }

        /**
         * The refusal a selected operation's credits give, in the registry's order: an unknown batch or serials
         * beyond it (not found) or a range running past its last serial (conflict) before the accounts' rules ({@code accountRefusal}), then credits the source does
         * not hold (conflict).
         */
        RefusalKind expectSelected(Pick pick, int from, long units, RefusalKind accountRefusal) {
            int batch = batchOf(pick);
            if (batch == batches.size() || pick.kind() == Pick.Kind.RANGE && pick.first() > batches.get(batch).length) {
                return RefusalKind.NOT_FOUND;
            }
            if (pick.kind() == Pick.Kind.RANGE && pick.first() + units - 1 > batches.get(batch).length) {
                // Starts in the batch and runs past its last serial.
                return RefusalKind.CONFLICT;
            }
            if (accountRefusal != null) {
                return accountRefusal;
            }
            int[] owners = batches.get(batch);
            if (pick.kind() == Pick.Kind.BATCH) {
                return Arrays.stream(owners).filter(owner -> owner == from).count() < units
                        ? RefusalKind.CONFLICT
                        : null;
            }
            for (long serial = pick.first(); serial < pick.first() + units; serial++) {
                if (owners[(int) serial - 1] != from) {
                    return RefusalKind.CONFLICT;
                }
            }
            return null;
        }

        /** The refusal the registry must answer with, or null if the action must succeed. */
        RefusalKind expect(Action action) {
            if (action instanceof Transfer t) {
                if (t.units() < 1 || t.from() == t.to()) {
                    return RefusalKind.INVALID;
                }
                if (t.pick().kind() != Pick.Kind.NONE) {
                    return expectSelected(
                            t.pick(), t.from(), t.units(), t.to() == CLOSED ? RefusalKind.CONFLICT : null);
                }
                return t.to() == CLOSED || balance(t.from()) < t.units() ? RefusalKind.CONFLICT : null;
            }
            if (action instanceof Retire r) {
                if (r.units() < 1) {
                    return RefusalKind.INVALID;
                }
                if (r.pick().kind() != Pick.Kind.NONE) {
                    return expectSelected(
                            r.pick(), r.from(), r.units(), r.actor() != r.from() ? RefusalKind.FORBIDDEN : null);
                }
                if (r.actor() != r.from()) {
                    return RefusalKind.FORBIDDEN;
                }
                return balance(r.from()) < r.units() ? RefusalKind.CONFLICT : null;
            }
            if (action instanceof Cancel c) {
                if (batches.isEmpty()) {
                    return RefusalKind.NOT_FOUND;
                }
                int[] owners = batches.get(c.batchPick() % batches.size());
                if (c.first() + c.length() > owners.length) {
                    return RefusalKind.NOT_FOUND;
                }
                for (long serial = c.first(); serial <= c.first() + c.length(); serial++) {
                    if (owners[(int) serial - 1] < 0) {
                        return RefusalKind.CONFLICT;
                    }
                }
            }
            return null;
        }

        void apply(Action action) {
            if (action instanceof Issue issue) {
                int[] owners = new int[(int) issue.units()];
                boolean single = issue.holderA() == issue.holderB() || issue.sharePercentA() == 100;
                List<Long> split = single
                        ? List.of(issue.units())
                        : LargestRemainder.allocate(
                                issue.units(),
                                List.of(
                                        BigDecimal.valueOf(issue.sharePercentA()),
                                        BigDecimal.valueOf(100 - issue.sharePercentA())));
                Arrays.fill(owners, 0, split.get(0).intValue(), issue.holderA());
                Arrays.fill(owners, split.get(0).intValue(), owners.length, issue.holderB());
                batches.add(owners);
            } else if (action instanceof Transfer t) {
                move(t.from(), t.to(), t.units(), t.pick());
            } else if (action instanceof Retire r) {
                move(r.from(), RETIRED, r.units(), r.pick());
            } else if (action instanceof Cancel c) {
                int[] owners = batches.get(c.batchPick() % batches.size());
                Arrays.fill(owners, (int) c.first() - 1, (int) (c.first() + c.length()), CANCELLED);
            }
        }

        /**
         * The registry's rule ({@link DrawRank}): the account's maximal runs of serials, largest first, then lowest
         * batch, then lowest serial; the lowest serials of each.
         */
        private void move(int from, int to, long units, Pick pick) {
            if (pick.kind() != Pick.Kind.NONE) {
                // A selection takes the batch's lowest serials the source holds, or exactly the range (all held).
                int[] owners = batches.get(batchOf(pick));
                long left = units;
                for (int i = pick.kind() == Pick.Kind.RANGE ? (int) pick.first() - 1 : 0; left > 0; i++) {
                    if (owners[i] == from) {
                        owners[i] = to;
                        left--;
                    }
                }
                return;
            }
            List<long[]> runs = new ArrayList<>();
            for (int b = 0; b < batches.size(); b++) {
                int[] owners = batches.get(b);
                for (int i = 0; i < owners.length; i++) {
                    if (owners[i] == from && (i == 0 || owners[i - 1] != from)) {
                        int end = i;
                        while (end + 1 < owners.length && owners[end + 1] == from) {
                            end++;
                        }
                        runs.add(new long[] {b, i, end});
                    }
                }
            }
            runs.sort(Comparator.comparing((long[] run) -> DrawRank.of(run[0], run[1] + 1, run[2] + 1)));
            long left = units;
            for (long[] run : runs) {
                int[] owners = batches.get((int) run[0]);
                for (int i = (int) run[1]; i <= run[2] && left > 0; i++) {
                    owners[i] = to;
                    left--;
                }
            }
        }
    }
}
