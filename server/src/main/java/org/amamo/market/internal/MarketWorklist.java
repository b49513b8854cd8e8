package org.amamo.market.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.amamo.platform.Dates;
import org.amamo.platform.SqlTime;
import org.amamo.platform.Worklist;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The secretariat's market work: open rounds past their closing time (to close), closed rounds (to allocate), and
 * allocations still unpaid after the round's payment deadline (to lapse, or to chase).
 */
@Component
class MarketWorklist implements Worklist {

    private static final String AREA = "market";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Dates dates;

    MarketWorklist(JdbcClient jdbc, Clock clock, Dates dates) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.dates = dates;
    }

    @Override
    public List<Item> waitingFor(Set<String> roles, long userId) {
        if (!roles.contains("SECRETARIAT")) {
            return List.of();
        }
        Object now = SqlTime.utc(clock.instant());
        List<Optional<Item>> items = new ArrayList<>();
        items.add(rounds("todo.rounds-to-close", "r.status = 'OPEN' AND r.closes_at <= ?", "r.closes_at", now));
        items.add(rounds("todo.rounds-to-allocate", "r.status = 'CLOSED'", "r.closed_at"));
        items.add(Worklist.query(
                jdbc,
                AREA,
                "todo.payments-overdue",
                "/secretariat/market",
                "l.id, l.round_id, r.title, r.payment_due_at",
                "FROM market_allocation l JOIN market_round r ON r.id = l.round_id"
                        + " WHERE l.status = 'AWAITING_PAYMENT' AND r.payment_due_at <= ?",
                "r.payment_due_at, l.id",
                (row, number) -> new Row(
                        row.getString("title") + " #" + row.getLong("id"),
                        dates.date(row.getObject("payment_due_at", OffsetDateTime.class)
                                .toInstant()),
                        "/secretariat/market/rounds/" + row.getLong("round_id")),
                now));
        return items.stream().flatMap(Optional::stream).toList();
    }

    private Optional<Item> rounds(String titleKey, String where, String since, Object... params) {
        return Worklist.query(
                jdbc,
                AREA,
                titleKey,
                "/secretariat/market",
                "r.id, r.title, " + since + " AS since",
                "FROM market_round r WHERE " + where,
                since + ", r.id",
                (row, number) -> new Row(
                        row.getString("title"),
                        dates.date(row.getObject("since", OffsetDateTime.class).toInstant()),
                        "/secretariat/market/rounds/" + row.getLong("id")),
                params);
    }
}
