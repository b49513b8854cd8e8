package org.amamo.application;

import java.util.List;

/** The certified projects, for public disclosure (map, statistics, exports). */
public interface CertifiedProjects {

    /** Every certified project, newest certification first. */
    List<CertifiedProject> all();
}
