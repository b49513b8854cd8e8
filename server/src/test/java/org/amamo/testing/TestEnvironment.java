package org.amamo.testing;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.SkipExecutionHook;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips what this machine cannot run, so that {@code ./mvnw verify} runs anywhere a JDK is: the whole PostgreSQL pass
 * when there is no PostgreSQL ({@link TestPostgresql}), and the browser journeys (tag "browser") when chromium or
 * chromedriver is missing ({@link Browser}). Skipped test classes are reported as skipped, and each kind of skip is
 * explained once per test JVM in one line saying what to install.
 *
 * <p>CI must not skip: with {@code AMAMO_TEST_REQUIRE_PG=1} a missing PostgreSQL, and with {@code
 * AMAMO_TEST_REQUIRE_BROWSER=1} a missing browser, fails every test class concerned instead.
 *
 * <p>Registered for JUnit Jupiter by extension auto-detection (junit-platform.properties) and for jqwik as a
 * global lifecycle hook, both through META-INF/services.
 */
public final class TestEnvironment implements ExecutionCondition, SkipExecutionHook {

    private static final Set<String> EXPLAINED = ConcurrentHashMap.newKeySet();

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (context.getTestMethod().isPresent() || context.getTestClass().isEmpty()) {
            return ConditionEvaluationResult.enabled("decided for the whole class");
        }
        return missing(context.getTags().contains("browser"))
                .map(ConditionEvaluationResult::disabled)
                .orElse(ConditionEvaluationResult.enabled("PostgreSQL and browser as needed"));
    }

    /** A global jqwik hook is registered on the engine; it reaches the test classes only when it propagates. */
    @Override
    public PropagationMode propagateTo() {
        return PropagationMode.ALL_DESCENDANTS;
    }

    @Override
    public SkipResult shouldBeSkipped(LifecycleContext context) {
        // jqwik's property classes carry no browser tag; skip them as whole classes, like Jupiter's.
        if (!(context.optionalElement().orElse(null) instanceof Class<?>)) {
            return SkipResult.doNotSkip();
        }
        return missing(false).map(SkipResult::skip).orElse(SkipResult.doNotSkip());
    }

    /** Why a test class cannot run here, or empty when it can; throws if what it lacks is required. */
    private static Optional<String> missing(boolean browser) {
        if (TestDatabase.postgresql() && TestPostgresql.server().isEmpty()) {
            return Optional.of(skip(
                    "PostgreSQL pass",
                    "AMAMO_TEST_REQUIRE_PG",
                    TestPostgresql.absence() + ". To run it: " + TestPostgresql.HOW_TO_PROVIDE + "."));
        }
        String missingBrowser = browser ? Browser.missing() : null;
        if (missingBrowser != null) {
            return Optional.of(skip(
                    "Browser journeys",
                    "AMAMO_TEST_REQUIRE_BROWSER",
                    "no " + missingBrowser + ". To run them: " + Browser.HOW_TO_INSTALL + "."));
        }
        return Optional.empty();
    }

    /** The reason to skip {@code what}, said once; or, if the variable {@code requirement} is 1, a failure. */
    private static String skip(String what, String requirement, String cause) {
        if ("1".equals(System.getenv(requirement))) {
            throw new IllegalStateException(what + " required (" + requirement + "=1) but cannot run: " + cause);
        }
        String reason = what + " skipped: " + cause;
        if (EXPLAINED.add(what)) {
            System.out.println(reason);
        }
        return reason;
    }
}
