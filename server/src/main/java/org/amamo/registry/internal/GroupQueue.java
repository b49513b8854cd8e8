package org.amamo.registry.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The queue that group commit ({@link GroupCommit}) forms its groups from. A group never shares an account with a
 * group being applied, so writers side by side never wait for each other's row locks; and requests that share an
 * account are taken in the order they came: a request waiting for an account holds back every later one that
 * touches that account. So a request waits only for groups that were taken before it could be, and is never passed
 * over for ever.
 *
 * @param <E> a waiting request
 */
final class GroupQueue<E> {

    /** A group taken from the queue, and the accounts it holds until {@link #done}. */
    record Group<E>(List<E> requests, Set<Long> accounts) {}

    private final Function<E, Collection<Long>> accountsOf;
    private final int scanLimit;
    private final ArrayDeque<E> waiting = new ArrayDeque<>();
    private final Set<Long> busy = new HashSet<>();

    /**
     * @param accountsOf the accounts a request locks
     * @param scanLimit how many waiting requests forming a group looks at, at most
     */
    GroupQueue(Function<E, Collection<Long>> accountsOf, int scanLimit) {
        this.accountsOf = accountsOf;
        this.scanLimit = scanLimit;
    }

    synchronized void add(E request) {
        waiting.addLast(request);
        notifyAll();
    }

    /** Removes a request that has not been taken yet; false if it was. */
    synchronized boolean remove(E request) {
        return waiting.remove(request);
    }

    /**
     * Takes up to {@code max} waiting requests, in their order, that share no account with a group being applied
     * nor with an earlier request left waiting; waits up to {@code timeoutMillis} for one. Empty if none came.
     */
    synchronized Group<E> take(int max, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (true) {
            Group<E> group = form(max);
            long left = deadline - System.currentTimeMillis();
            if (!group.requests().isEmpty() || left <= 0) {
                busy.addAll(group.accounts());
                return group;
            }
            wait(left);
        }
    }

    /**
     * Ends a taken group: its accounts are free again, and {@code later} (requests of it that belong in a later
     * group) go back to the head of the queue in their order.
     */
    synchronized void done(Group<E> group, List<E> later) {
        for (int i = later.size() - 1; i >= 0; i--) {
            waiting.addFirst(later.get(i));
        }
        busy.removeAll(group.accounts());
        notifyAll();
    }

    /** Removes and returns every waiting request. */
    synchronized List<E> drain() {
        List<E> all = new ArrayList<>(waiting);
        waiting.clear();
        return all;
    }

    private Group<E> form(int max) {
        List<E> requests = new ArrayList<>();
        Set<Long> accounts = new HashSet<>();
        Set<Long> blocked = new HashSet<>(busy);
        int seen = 0;
        for (Iterator<E> it = waiting.iterator(); it.hasNext() && requests.size() < max && seen < scanLimit; seen++) {
            E request = it.next();
            Collection<Long> touched = accountsOf.apply(request);
            if (touched.stream().anyMatch(blocked::contains)) {
                blocked.addAll(touched);
                continue;
            }
            it.remove();
            requests.add(request);
            accounts.addAll(touched);
        }
        return new Group<>(requests, accounts);
    }
}
