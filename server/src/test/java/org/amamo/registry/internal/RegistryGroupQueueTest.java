package org.amamo.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How group commit forms its groups ({@link GroupQueue}): disjoint from groups being applied, in order per account. */
class RegistryGroupQueueTest {

    /** A request that locks some accounts. */
    record Request(String name, List<Long> accounts) {}

    private static Request request(String name, long... accounts) {
        return new Request(name, java.util.Arrays.stream(accounts).boxed().toList());
    }

    private final GroupQueue<Request> queue = new GroupQueue<>(Request::accounts, 100);

    private List<String> take(int max) throws InterruptedException {
        return names(queue.take(max, 0));
    }

    private static List<String> names(GroupQueue.Group<Request> group) {
        return group.requests().stream().map(Request::name).toList();
    }

    @Test
    void aGroupTakesEverythingWaitingUpToItsSize() throws InterruptedException {
        queue.add(request("a", 1, 2));
        queue.add(request("b", 2, 3));
        queue.add(request("c", 4));

        assertThat(take(2)).containsExactly("a", "b");
        assertThat(take(2)).containsExactly("c");
        assertThat(take(2)).isEmpty();
    }

    @Test
    void aSecondGroupLeavesTheAccountsOfTheFirstAndKeepsTheOrderOfEachAccount() throws InterruptedException {
        queue.add(request("a", 1, 2));
        GroupQueue.Group<Request> first = queue.take(1, 0);
        queue.add(request("b", 2, 3));
        queue.add(request("c", 3, 4));
        queue.add(request("d", 5, 6));
        queue.add(request("e", 4));

        // b waits for account 2; c and e would pass it on accounts 3 and 4, so they wait behind it; d is free.
        assertThat(take(10)).containsExactly("d");

        queue.done(first, List.of());
        assertThat(take(10)).containsExactly("b", "c", "e");
    }

    @Test
    void requestsLeftToALaterGroupHeadTheQueueInTheirOrder() throws InterruptedException {
        queue.add(request("a", 1));
        queue.add(request("b", 2));
        queue.add(request("c", 3));
        GroupQueue.Group<Request> first = queue.take(2, 0);
        queue.add(request("d", 2));

        queue.done(first, List.of(first.requests().get(1)));

        assertThat(take(10)).containsExactly("b", "c", "d");
    }

    @Test
    void aWriterWaitingForAGroupWakesWhenARequestComes() throws InterruptedException {
        Thread producer = new Thread(() -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            queue.add(request("late", 7));
        });
        producer.start();

        assertThat(names(queue.take(10, 10_000))).containsExactly("late");
        producer.join();
    }
}
