package org.amamo.testing;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.mockmvc.MockMvcResponse;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.test.autoconfigure.web.servlet.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Checks every answer of the REST API in the suite against the API's own description ({@code /v3/api-docs}): each
 * MockMvc request under {@code /api/} of every test gets its answer validated by Atlassian's
 * swagger-request-validator. An undocumented status, a field that comes back null where the description does not
 * declare it {@code nullable}, a value outside its enum, a missing required field or a wrong type fails the test that
 * made the request. The description must be OpenAPI 3.0: the validator checks no types of a 3.1 one. Requests
 * themselves are not judged: tests send bad input on purpose. A test that sends what no client could (the fuzz test) marks its requests
 * with {@link #SKIP}.
 *
 * <p>Registered for every test application context as a test auto-configuration
 * (META-INF/spring/...AutoConfiguration.imports under src/test/resources).
 */
@AutoConfiguration
public class ApiDescriptionCheck {

    /** A request attribute: present, the answer is not checked against the description. */
    public static final String SKIP = ApiDescriptionCheck.class.getName() + ".skip";

    @Bean
    MockMvcBuilderCustomizer apiDescriptionCheck(WebApplicationContext context) {
        Validator validator = new Validator(context);
        return builder -> builder.alwaysExpect(validator);
    }

    /** The description's validator, made on first use from the application's own description. */
    public static final class Validator implements ResultMatcher {

        private final WebApplicationContext context;
        private OpenApiInteractionValidator validator;

        public Validator(WebApplicationContext context) {
            this.context = context;
        }

        @Override
        public void match(MvcResult result) throws Exception {
            MockHttpServletRequest request = result.getRequest();
            if (!request.getRequestURI().startsWith("/api/") || request.getAttribute(SKIP) != null) {
                return;
            }
            MockHttpServletResponse response = result.getResponse();
            OpenApiInteractionValidator validator = validator();
            Statuses.observed(request, response.getStatus());
            ValidationReport report = validator.validateResponse(
                    request.getRequestURI(), Request.Method.valueOf(request.getMethod()), MockMvcResponse.of(response));
            if (report.hasErrors()) {
                throw new AssertionError("The answer to " + request.getMethod() + " " + request.getRequestURI()
                        + " (" + response.getStatus() + ") does not match the API description:\n"
                        + report.getMessages().stream()
                                .map(message -> "- " + message.getKey() + ": " + message.getMessage())
                                .collect(Collectors.joining("\n"))
                        + "\nbody: " + abbreviated(response));
            }
        }

        private synchronized OpenApiInteractionValidator validator() throws Exception {
            if (validator == null) {
                String description = MockMvcBuilders.webAppContextSetup(context)
                        .build()
                        .perform(get("/v3/api-docs"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8);
                // Under OpenAPI 3.1 the validator reads no type keyword (swagger-parser keeps 3.1 types apart),
                // so any value, null included, would pass: only a 3.0 description is really checked.
                if (!description.startsWith("{\"openapi\":\"3.0.")) {
                    throw new AssertionError("The API description must be OpenAPI 3.0 for its answers to be checked: "
                            + description.substring(0, Math.min(40, description.length())));
                }
                Statuses.declared(description);
                validator = OpenApiInteractionValidator.createForInlineApiSpecification(description)
                        .withLevelResolver(LevelResolver.create()
                                // Requests are the tests' business (many are bad on purpose); answers are checked.
                                .withLevel("validation.request", ValidationReport.Level.IGNORE)
                                .withLevel("validation.response", ValidationReport.Level.ERROR)
                                .build())
                        .build();
            }
            return validator;
        }

        private static String abbreviated(MockHttpServletResponse response) throws Exception {
            String body = response.getContentAsString(StandardCharsets.UTF_8);
            return body.length() > 600 ? body.substring(0, 600) + "..." : body;
        }
    }

    /**
     * The statuses the suite's requests got, per operation, beside those the description lists: written when the
     * test JVM ends to {@code target/api-statuses-<database>.txt}, so that a declared refusal no test ever provokes
     * (or a test missing for one) shows. An answer with a status the description does not list already fails its
     * test.
     */
    static final class Statuses {

        private static final Map<String, Set<String>> OBSERVED = new ConcurrentSkipListMap<>();
        private static final Map<String, Set<String>> DECLARED = new ConcurrentSkipListMap<>();
        private static final AtomicBoolean HOOKED = new AtomicBoolean();

        private Statuses() {}

        static void observed(MockHttpServletRequest request, int status) {
            Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
            if (pattern == null) {
                return; // not dispatched to an operation (a test's own made-up answer)
            }
            String operation = request.getMethod() + " " + pattern;
            OBSERVED.computeIfAbsent(operation, key -> new ConcurrentSkipListSet<>())
                    .add(String.valueOf(status));
        }

        static void declared(String description) throws Exception {
            new ObjectMapper()
                    .readTree(description)
                    .path("paths")
                    .properties()
                    .forEach(path -> path.getValue().properties().forEach(operation -> {
                        Set<String> statuses = new TreeSet<>();
                        operation.getValue().path("responses").fieldNames().forEachRemaining(statuses::add);
                        DECLARED.put(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), statuses);
                    }));
            if (HOOKED.compareAndSet(false, true)) {
                Runtime.getRuntime().addShutdownHook(new Thread(Statuses::write));
            }
        }

        private static void write() {
            StringBuilder text = new StringBuilder(
                    "# operation: statuses the suite's requests got | listed in the description, never got\n");
            DECLARED.forEach((operation, declared) -> {
                Set<String> observed = OBSERVED.getOrDefault(operation, Set.of());
                Set<String> unseen = new TreeSet<>(declared);
                unseen.removeAll(observed);
                text.append(operation)
                        .append(": ")
                        .append(String.join(" ", observed))
                        .append(" | ")
                        .append(String.join(" ", unseen))
                        .append('\n');
            });
            try {
                Files.writeString(
                        Path.of("target", "api-statuses-" + System.getProperty("amamo.test.database", "h2") + ".txt"),
                        text,
                        StandardCharsets.UTF_8);
            } catch (IOException e) {
                // Only a report for people: the tests' verdicts stand without it.
            }
        }
    }
}
