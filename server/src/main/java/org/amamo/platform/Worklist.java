package org.amamo.platform;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What waits for a member of staff in one feature, for their to-do page. Each feature that has work for the
 * secretariat, reviewers or administrators contributes one (a bean in its {@code internal} package); the to-do page
 * gathers them. Features stay unaware of each other and of the page.
 */
public interface Worklist {

    /** How many rows one heading lists at most; the count says how many there are in all. */
    int SHOWN = 10;

    /**
     * The waiting items of the user with these role names ({@code SECRETARIAT}, {@code REVIEWER},
     * {@code ADMINISTRATOR}, ...); headings with nothing waiting are left out.
     */
    List<Item> waitingFor(Set<String> roles, long userId);

    /**
     * One heading of the to-do page.
     *
     * @param area the menu group it belongs to: applications, registry, market, notices or administration
     * @param titleKey message key of the heading (what waits and what to do)
     * @param count how many there are in all
     * @param link where to see them all, or null
     * @param rows the first {@link #SHOWN}, each linking to the place to act
     */
    record Item(String area, String titleKey, long count, String link, List<Row> rows) {
        public Item {
            rows = List.copyOf(rows);
        }
    }

    /**
     * A heading from two queries of a feature's own tables: {@code select} is the query without its columns,
     * {@code "FROM ... WHERE ..."}; counted, then read with {@code columns} in {@code order} up to {@link #SHOWN}
     * rows. Empty when nothing waits.
     */
    static Optional<Item> query(
            JdbcClient jdbc,
            String area,
            String titleKey,
            String link,
            String columns,
            String select,
            String order,
            RowMapper<Row> rows,
            Object... params) {
        long count = jdbc.sql("SELECT COUNT(*) " + select)
                .params(List.of(params))
                .query(Long.class)
                .single();
        if (count == 0) {
            return Optional.empty();
        }
        List<Row> shown = jdbc.sql("SELECT " + columns + " " + select + " ORDER BY " + order + " LIMIT " + SHOWN)
                .params(List.of(params))
                .query(rows)
                .list();
        return Optional.of(new Item(area, titleKey, count, link, shown));
    }

    /** One waiting thing: what it is (data, not a message), an optional detail, and where to act on it. */
    record Row(String label, String detail, String link) {}
}
