package org.amamo.registry.internal.web;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.amamo.platform.Dates;
import org.amamo.platform.Worklist;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Holding accounts requested and not yet decided: the secretariat opens or rejects them. */
@Component
class RegistryWorklist implements Worklist {

    private final JdbcClient jdbc;
    private final Dates dates;

    RegistryWorklist(JdbcClient jdbc, Dates dates) {
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
                        "registry",
                        "todo.accounts-requested",
                        "/secretariat/registry",
                        "a.id, a.holder_name, a.requested_at",
                        "FROM registry_account a WHERE a.status = 'REQUESTED'",
                        "a.requested_at, a.id",
                        (row, number) -> new Row(
                                row.getString("holder_name"),
                                dates.date(row.getObject("requested_at", OffsetDateTime.class)
                                        .toInstant()),
                                "/secretariat/registry#requested-accounts"),
                        new Object[0])
                .stream()
                .toList();
    }
}
