package org.amamo.application;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The certified projects, for public disclosure (map, statistics, exports). */
public interface CertifiedProjects {

    /** Every certified project, newest certification first. */
    List<CertifiedProject> all();

    /**
     * The disclosed facts of the given applications that are certified, by application id (one query for all, so
     * that a page of retirement records costs one read); an application not certified is absent.
     */
    Map<Long, ProjectFacts> facts(Collection<Long> applicationIds);

    /**
     * How each certified application was surveyed and who implements it, by application id (one read for all): the
     * statistics by implementer type and survey method (seed 002).
     */
    Map<Long, ProjectSurvey> surveys();
}
