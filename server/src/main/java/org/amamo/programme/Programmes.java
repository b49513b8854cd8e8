package org.amamo.programme;

import java.util.List;
import java.util.Optional;

/** The programmes of this installation. */
public interface Programmes {

    /** The programme new applications belong to unless the applicant chooses another. */
    String DEFAULT_CODE = "JBC";

    List<Programme> all();

    Optional<Programme> find(String code);

    /**
     * The user ids of the programme's review committee (審査認証委員会): the reviewers the secretariat may assign
     * to the programme's applications. Empty for an unknown programme.
     */
    List<Long> committee(String code);

    /** Whether the user sits on the programme's review committee. */
    boolean onCommittee(String code, long userId);

    /**
     * The code of a known programme, for filtering a list by it; null (every programme) for none, a blank or an
     * unknown code, so that a filter link with a stale code shows the whole list rather than an error.
     */
    default String known(String code) {
        return code == null || code.isBlank()
                ? null
                : find(code.strip()).map(Programme::code).orElse(null);
    }
}
