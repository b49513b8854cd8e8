package org.amamo.consultation.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.amamo.platform.Dates;
import org.amamo.platform.Worklist;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Pre-consultations whose applicant wrote last (status OPEN): the secretariat owes an answer. */
@Component
class ConsultationWorklist implements Worklist {

    private final JdbcClient jdbc;
    private final Dates dates;

    ConsultationWorklist(JdbcClient jdbc, Dates dates) {
        this.jdbc = jdbc;
        this.dates = dates;
    }

    @Override
    public List<Item> waitingFor(Set<String> roles, long userId) {
        if (!roles.contains("SECRETARIAT")) {
            return List.of();
        }
        return Worklist.query(
                        jdbc,
                        "applications",
                        "todo.consultations",
                        "/secretariat/consultations",
                        "c.id, c.title, c.last_activity_at",
                        "FROM consultation c WHERE c.status = 'OPEN'",
                        "c.last_activity_at, c.id",
                        (row, number) -> new Row(
                                row.getString("title"),
                                dates.date(row.getObject("last_activity_at", OffsetDateTime.class)
                                        .toInstant()),
                                "/consultations/" + row.getLong("id")),
                        new Object[0])
                .stream()
                .toList();
    }
}
