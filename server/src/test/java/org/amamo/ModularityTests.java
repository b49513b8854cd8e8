package org.amamo;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The architecture of design.md, checked: each feature is a module whose internals are hidden, and
 * dependencies between modules have no cycles and use only published APIs. Writes the module
 * documentation (PlantUML and a canvas per module) to target/spring-modulith-docs.
 */
class ModularityTests {

    /**
     * The methodology library shares the base package but is a plain library, not a feature module: every
     * feature may use it, so it is left out of the module model.
     */
    private final ApplicationModules modules = ApplicationModules.of(
            AmamoApplication.class, JavaClass.Predicates.resideInAPackage("org.amamo.methodology.."));

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    /**
     * The review is a module of its own on top of the application module: it reads and moves applications through
     * the application module's public port, and the application module does not know it (the review answers the
     * application's interfaces, see {@code org.amamo.application.AssignedReviewers}).
     */
    @Test
    void theReviewDependsOnTheApplicationModuleAndNotTheOtherWayRound() {
        ApplicationModule review = modules.getModuleByName("review").orElseThrow();
        ApplicationModule application = modules.getModuleByName("application").orElseThrow();
        assertThat(review.getDirectDependencies(modules).contains(application)).isTrue();
        assertThat(application.getDirectDependencies(modules).contains(review)).isFalse();
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeDocumentation();
    }
}
