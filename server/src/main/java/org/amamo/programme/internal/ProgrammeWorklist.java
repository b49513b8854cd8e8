package org.amamo.programme.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.amamo.identity.Role;
import org.amamo.identity.UserDirectory;
import org.amamo.identity.UserSummary;
import org.amamo.platform.Worklist;
import org.amamo.programme.Programme;
import org.springframework.stereotype.Component;

/**
 * What an administrator has left to configure: programmes without a review committee or without an application
 * fee rule, and reviewers who sit on no committee (the secretariat cannot assign them to any application).
 */
@Component
class ProgrammeWorklist implements Worklist {

    private static final String AREA = "administration";
    private static final String PAGE = "/admin/programmes";

    private final ProgrammeRepository programmes;
    private final UserDirectory users;

    ProgrammeWorklist(ProgrammeRepository programmes, UserDirectory users) {
        this.programmes = programmes;
        this.users = users;
    }

    @Override
    public List<Item> waitingFor(Set<String> roles, long userId) {
        if (!roles.contains(Role.ADMINISTRATOR.name())) {
            return List.of();
        }
        List<Programme> all = programmes.all();
        List<Row> noCommittee = new ArrayList<>();
        List<Row> noFee = new ArrayList<>();
        for (Programme programme : all) {
            Row row = new Row(programme.name("ja") + " (" + programme.code() + ")", "", anchor(programme.code()));
            if (programmes.committee(programme.code()).isEmpty()) {
                noCommittee.add(row);
            }
            if (programme.fee().flatYen().signum() == 0
                    && programme.fee().perTonneYen().signum() == 0) {
                noFee.add(row);
            }
        }
        // Newest first: a reviewer appointed last is the likeliest to be waiting for a committee.
        List<UserSummary> reviewers = new ArrayList<>(users.withRole(Role.REVIEWER));
        reviewers.sort(java.util.Comparator.comparingLong(UserSummary::userId).reversed());
        List<Row> idle = new ArrayList<>();
        for (UserSummary reviewer : reviewers) {
            if (all.stream().noneMatch(p -> programmes.onCommittee(p.code(), reviewer.userId()))) {
                idle.add(new Row(reviewer.fullName(), reviewer.email(), PAGE));
            }
        }
        List<Item> items = new ArrayList<>();
        add(items, "todo.reviewers-without-committee", idle);
        add(items, "todo.programmes-without-committee", noCommittee);
        add(items, "todo.programmes-without-fee", noFee);
        return items;
    }

    private static String anchor(String code) {
        return PAGE + "#programme-" + code;
    }

    private static void add(List<Item> items, String titleKey, List<Row> rows) {
        if (!rows.isEmpty()) {
            items.add(new Item(
                    AREA,
                    titleKey,
                    rows.size(),
                    PAGE,
                    rows.stream().limit(SHOWN).toList()));
        }
    }
}
