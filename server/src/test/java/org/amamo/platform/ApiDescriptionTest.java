package org.amamo.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.amamo.testing.ApiDescriptionCheck;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.context.WebApplicationContext;

/**
 * The API's description states for every operation its security, its success and its error answers, the latter as
 * problem documents, under a unique operationId; and the suite's check of answers against it
 * ({@link ApiDescriptionCheck}) refuses an answer the description does not allow.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ApiDescriptionTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    WebApplicationContext context;

    JsonNode description;

    /** Reads the description and leaves a copy in target/api-docs.json for Redocly's lint (docs/api.md). */
    @BeforeEach
    void readTheDescription() throws Exception {
        String text =
                mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        description = json.readTree(text);
        Files.writeString(Path.of("target", "api-docs.json"), text, StandardCharsets.UTF_8);
    }

    @Test
    void everyOperationDeclaresSecurityASuccessAndProblemDocumentsUnderAUniqueId() {
        List<String> problems = new ArrayList<>();
        Set<String> operationIds = new HashSet<>();
        description
                .path("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(entry -> {
                    String name = entry.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey();
                    JsonNode operation = entry.getValue();
                    if (!operation.has("security")) {
                        problems.add(name + ": no security declared");
                    }
                    if (!operationIds.add(operation.path("operationId").asText())) {
                        problems.add(name + ": operationId used twice");
                    }
                    List<String> statuses = new ArrayList<>();
                    operation.path("responses").fieldNames().forEachRemaining(statuses::add);
                    if (statuses.stream().noneMatch(status -> status.startsWith("2"))) {
                        problems.add(name + ": no success answer");
                    }
                    if (!statuses.contains("401")) {
                        problems.add(name + ": no 401");
                    }
                    statuses.stream()
                            .filter(status -> status.startsWith("4") || status.startsWith("5"))
                            .filter(status -> !operation
                                    .at("/responses/" + status + "/content/application~1problem+json/schema/$ref")
                                    .asText()
                                    .endsWith("/Problem"))
                            .forEach(status -> problems.add(name + ": " + status + " is not a problem document"));
                }));
        assertThat(problems).isEmpty();
    }

    @Test
    void publicOperationsDeclareAnEmptySecurityAndOthersTheApiToken() {
        JsonNode publicRead = description.at("/paths/~1api~1v1~1registry~1batches/get/security");
        JsonNode transfer = description.at("/paths/~1api~1v1~1registry~1transfers/post/security");
        JsonNode me = description.at("/paths/~1api~1v1~1me/get/security");

        assertThat(publicRead.isArray() && publicRead.isEmpty()).isTrue();
        assertThat(transfer.toString()).isEqualTo("[{\"apiToken\":[]}]");
        assertThat(me.toString()).isEqualTo("[{\"apiToken\":[]}]");
    }

    @Test
    void fieldsThatMayBeNullAreDeclaredNullable() {
        JsonNode schemas = description.path("components").path("schemas");
        JsonNode retirement = schemas.at("/RetirementView/properties");
        JsonNode account = schemas.at("/AccountView/properties");

        // OpenAPI 3.0, whose nullable the suite's validator reads (under 3.1 it checked no type at all).
        assertThat(description.path("openapi").asText()).startsWith("3.0.");
        // A reference type without @NotNull may be null; a primitive never is.
        assertThat(retirement.at("/note/nullable").asBoolean()).isTrue();
        assertThat(account.at("/vintage/nullable").asBoolean()).isTrue();
        assertThat(account.at("/ownerUserId/nullable").asBoolean()).isTrue();
        assertThat(retirement.at("/id/nullable").asBoolean()).isFalse();
        assertThat(retirement.at("/creditUnits/nullable").asBoolean()).isFalse();
        assertThat(schemas.at("/Problem/properties/status/nullable").asBoolean())
                .isFalse();
        // A nullable enum stays an enum.
        assertThat(retirement.at("/offsetCoverage/nullable").asBoolean()).isTrue();
        assertThat(retirement.at("/offsetCoverage/enum").toString()).isEqualTo("[\"ALL\",\"PART\"]");
        // A nullable reference: the referenced schema or null alone.
        assertThat(schemas.at("/SerialLookup/properties/batch/anyOf/0/$ref").asText())
                .isEqualTo("#/components/schemas/BatchView");
        assertThat(schemas.at("/SerialLookup/properties/batch/anyOf/1/enum").toString())
                .isEqualTo("[null]");
    }

    @Test
    void theCheckRefusesAnUndeclaredNullAndAcceptsADeclaredOne() throws Exception {
        ApiDescriptionCheck.Validator check = new ApiDescriptionCheck.Validator(context);
        MvcResult declared = answered(
                new MockHttpServletRequest("GET", "/api/v1/registry/retirements"),
                json("[{\"id\":1,\"creditUnits\":10,\"note\":null,\"offsetCoverage\":null}]"));
        MvcResult undeclared = answered(
                new MockHttpServletRequest("GET", "/api/v1/registry/retirements"),
                json("[{\"id\":null,\"creditUnits\":10}]"));
        MvcResult wrongType = answered(
                new MockHttpServletRequest("GET", "/api/v1/registry/retirements"),
                json("[{\"id\":1,\"creditUnits\":\"10\"}]"));
        MvcResult notInEnum = answered(
                new MockHttpServletRequest("GET", "/api/v1/registry/retirements"),
                json("[{\"id\":1,\"creditUnits\":10,\"offsetCoverage\":\"MOST\"}]"));

        check.match(declared);
        assertThatThrownBy(() -> check.match(undeclared))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("/0/id");
        assertThatThrownBy(() -> check.match(wrongType))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("/0/creditUnits");
        assertThatThrownBy(() -> check.match(notInEnum))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("/0/offsetCoverage");
    }

    private static MockHttpServletResponse json(String body) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        response.setStatus(200);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(body);
        return response;
    }

    @Test
    void theCheckRefusesAnUndocumentedStatus() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/registry/batches");
        MockHttpServletResponse teapot = new MockHttpServletResponse();
        teapot.setStatus(418);
        MvcResult result = answered(request, teapot);

        assertThatThrownBy(() -> new ApiDescriptionCheck.Validator(context).match(result))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("418");
    }

    /** A result with only a request and its answer, which is all the check reads. */
    private static MvcResult answered(MockHttpServletRequest request, MockHttpServletResponse response) {
        return new MvcResult() {
            @Override
            public MockHttpServletRequest getRequest() {
                return request;
            }

            @Override
            public MockHttpServletResponse getResponse() {
                return response;
            }

            @Override
            public Object getHandler() {
                return null;
            }

            @Override
            public org.springframework.web.servlet.HandlerInterceptor[] getInterceptors() {
                return null;
            }

            @Override
            public org.springframework.web.servlet.ModelAndView getModelAndView() {
                return null;
            }

            @Override
            public Exception getResolvedException() {
                return null;
            }

            @Override
            public org.springframework.web.servlet.FlashMap getFlashMap() {
                return null;
            }

            @Override
            public Object getAsyncResult() {
                return null;
            }

            @Override
            public Object getAsyncResult(long timeToWait) {
                return null;
            }
        };
    }
}
