package org.amamo.registry.internal.web;

import java.util.Locale;
import org.amamo.programme.Programme;
import org.amamo.programme.Programmes;
import org.springframework.stereotype.Component;

/**
 * A public list's {@code ?programme=CODE} filter, as the registry applies it: the serial prefix of the named
 * programme, or null (every programme) for none, a blank or an unknown code, as every other list does, so that a
 * stale link shows the whole list rather than an empty one; and the project-code filter beside it.
 */
@Component
class ProgrammeFilter {

    private final Programmes programmes;

    ProgrammeFilter(Programmes programmes) {
        this.programmes = programmes;
    }

    String prefix(String programme) {
        if (programme == null || programme.isBlank()) {
            return null;
        }
        return programmes
                .find(programme.strip().toUpperCase(Locale.ROOT))
                .map(Programme::serialPrefix)
                .orElse(null);
    }

    /** A list's {@code ?projectCode=CODE} filter as the lists compare it: trimmed, upper case; null for a blank. */
    static String projectCode(String projectCode) {
        return projectCode == null || projectCode.isBlank()
                ? null
                : projectCode.strip().toUpperCase(Locale.ROOT);
    }

    /** The programme's code for links and the filter form (upper case), or null as {@link #prefix(String)}. */
    String code(String programme) {
        return prefix(programme) == null
                ? null
                : programmes.known(programme.strip().toUpperCase(Locale.ROOT));
    }
}
