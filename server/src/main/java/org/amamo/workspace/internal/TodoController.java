package org.amamo.workspace.internal;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.platform.Worklist;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The to-do page (やること): what waits for the signed-in member of staff, grouped like the staff menu
 * (applications, registry, market, notices, administration), each heading with its count and each row linking to
 * the page where it is acted on.
 */
@Controller
@PreAuthorize("hasAnyRole('SECRETARIAT', 'REVIEWER', 'ADMINISTRATOR')")
class TodoController {

    /** The menu's groups, in the menu's order. */
    static final List<String> AREAS = List.of("applications", "registry", "market", "notices", "administration");

    private final List<Worklist> worklists;

    TodoController(List<Worklist> worklists) {
        this.worklists = List.copyOf(worklists);
    }

    @GetMapping("/todo")
    String todo(@AuthenticationPrincipal AmamoPrincipal user, Model model) {
        Set<String> roles = user.roles().stream().map(Enum::name).collect(Collectors.toSet());
        Map<String, List<Worklist.Item>> byArea = new LinkedHashMap<>();
        worklists.stream()
                .flatMap(worklist -> worklist.waitingFor(roles, user.userId()).stream())
                .sorted(Comparator.comparingInt(item -> AREAS.indexOf(item.area())))
                .forEach(item -> byArea.computeIfAbsent(item.area(), area -> new java.util.ArrayList<>())
                        .add(item));
        model.addAttribute("areas", byArea);
        model.addAttribute(
                "waiting",
                byArea.values().stream()
                        .flatMap(List::stream)
                        .mapToLong(Worklist.Item::count)
                        .sum());
        return "workspace/todo";
    }
}
