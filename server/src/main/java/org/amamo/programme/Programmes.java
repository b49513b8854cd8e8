package org.amamo.programme;

import java.util.List;
import java.util.Optional;

/** The programmes of this installation. */
public interface Programmes {

    /** The programme new applications belong to unless the applicant chooses another. */
    String DEFAULT_CODE = "JBC";

    List<Programme> all();

    Optional<Programme> find(String code);
}
