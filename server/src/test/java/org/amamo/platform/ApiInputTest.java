package org.amamo.platform;

import static org.amamo.testing.TestUsers.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.stream.Stream;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
import org.amamo.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Bad JSON never reaches a service and never gets a 500: a repeated key, an unknown field, a fraction or a string
 * where a whole number of units is expected, a null list, a form body sent to a JSON endpoint and a page out of
 * range are each answered with a 4xx problem document whose {@code errors} name the field.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestUsers.class)
class ApiInputTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    AmamoPrincipal user;

    @BeforeEach
    void aSignedInUserOfEveryRole() {
        user = users.create(Role.values());
    }

    /** The endpoints that take a quantity in units, with a body whose last member is {@code creditUnits}. */
    static Stream<Arguments> quantityEndpoints() {
        return Stream.of(
                Arguments.of(HttpMethod.POST, "/api/v1/registry/transfers", "{\"fromAccountId\":4,\"toAccountId\":5,"),
                Arguments.of(HttpMethod.POST, "/api/v1/registry/retirements", "{\"fromAccountId\":4,"),
                Arguments.of(
                        HttpMethod.POST,
                        "/api/v1/registry/issuances",
                        "{\"projectId\":1,\"vintage\":2024,\"holders\":[],"),
                Arguments.of(
                        HttpMethod.POST,
                        "/api/v1/market/trades",
                        "{\"fromAccountId\":4,\"toAccountId\":5,\"batchId\":1,\"priceJpy\":1000,"),
                Arguments.of(
                        HttpMethod.POST, "/api/v1/market/rounds/1/consignments", "{\"fromAccountId\":4,\"batchId\":1,"),
                Arguments.of(HttpMethod.POST, "/api/v1/market/rounds/1/bids", "{\"priceJpy\":1000,"),
                Arguments.of(HttpMethod.PUT, "/api/v1/market/bids/1", "{\"priceJpy\":1000,"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("quantityEndpoints")
    void aRepeatedKeyIsRefusedNamingIt(HttpMethod method, String path, String start) throws Exception {
        refused(json(method, path, start + "\"creditUnits\":1,\"creditUnits\":2}"), "creditUnits")
                .andExpect(jsonPath("$.errors[0].message").value("同じ項目が2回以上指定されています。1回だけ指定してください。"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("quantityEndpoints")
    void unitsAreWholeJsonNumbersNeverFractionsOrStrings(HttpMethod method, String path, String start)
            throws Exception {
        for (String units : new String[] {"1.9", "1.5", "1.0", "\"1\"", "\" 1\"", "\"\"", "true"}) {
            refused(json(method, path, start + "\"creditUnits\":" + units + "}"), "creditUnits");
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("quantityEndpoints")
    void anUnknownFieldIsRefusedNamingIt(HttpMethod method, String path, String start) throws Exception {
        refused(json(method, path, start + "\"creditUnits\":1,\"creditUnit\":2}"), "creditUnit")
                .andExpect(jsonPath("$.errors[0].message").value("この項目は受け付けていません。項目名を確認してください。"));
    }

    @Test
    void aTransferRefusesTheRetirementsDisclosureFieldsRatherThanIgnoringThem() throws Exception {
        refused(
                json(
                        HttpMethod.POST,
                        "/api/v1/registry/transfers",
                        "{\"fromAccountId\":1,\"toAccountId\":2,\"creditUnits\":1,\"offsetTonnesCo2\":1}"),
                "offsetTonnesCo2");
    }

    @Test
    void aRepeatedOrUnknownKeyInANewApplicationIsRefused() throws Exception {
        refused(json(HttpMethod.POST, "/api/v1/applications", "{\"name\":\"a\",\"name\":\"b\"}"), "name");
        refused(json(HttpMethod.POST, "/api/v1/applications", "{\"name\":\"a\",\"title\":\"b\"}"), "title");
    }

    @Test
    void anApplicationNameLongerThanItsColumnIsRefused() throws Exception {
        refused(json(HttpMethod.POST, "/api/v1/applications", "{\"name\":\"" + "海".repeat(300) + "\"}"), "name");
        mvc.perform(json(HttpMethod.POST, "/api/v1/applications", "{\"name\":\"" + "海".repeat(200) + "\"}"))
                .andExpect(status().isCreated());
    }

    @ParameterizedTest
    @ValueSource(strings = {"plants", "jointApplicants", "holders", "sheet"})
    void nullForAListOrTheSheetIsRefusedNamingIt(String field) throws Exception {
        long id = newApplication();
        refused(json(HttpMethod.PUT, "/api/v1/applications/" + id + "/form", "{\"" + field + "\":null}"), field)
                .andExpect(jsonPath("$.errors[0].message").value(containsString("null")));
    }

    @Test
    void aNullRowIsRefusedNamingIt() throws Exception {
        long id = newApplication();
        refused(json(HttpMethod.PUT, "/api/v1/applications/" + id + "/form", "{\"plants\":[null]}"), "plants[0]");
    }

    /** Each text field of the application form, one character past its column's size. */
    static Stream<Arguments> overLongApplicationFields() {
        return Stream.of(
                Arguments.of("name", "{\"name\":\"%s\"}", 201),
                Arguments.of("overview", "{\"overview\":\"%s\"}", 8001),
                Arguments.of("rolesDescription", "{\"rolesDescription\":\"%s\"}", 8001),
                Arguments.of("whyCredits", "{\"whyCredits\":\"%s\"}", 8001),
                Arguments.of("extensionPlan", "{\"extensionPlan\":\"%s\"}", 8001),
                Arguments.of("periodActivities", "{\"periodActivities\":\"%s\"}", 8001),
                Arguments.of("areaBasis", "{\"areaBasis\":\"%s\"}", 8001),
                Arguments.of("coefficientBasis", "{\"coefficientBasis\":\"%s\"}", 8001),
                Arguments.of("baselineRationale", "{\"baselineRationale\":\"%s\"}", 8001),
                Arguments.of(
                        "plants[0].species",
                        "{\"plants\":[{\"ecosystem\":\"seagrass\",\"formula\":\"area\",\"species\":\"%s\"}]}",
                        201),
                Arguments.of(
                        "plants[0].bedType",
                        "{\"plants\":[{\"ecosystem\":\"seagrass\",\"formula\":\"area\",\"species\":\"アマモ\","
                                + "\"bedType\":\"%s\"}]}",
                        41),
                Arguments.of("jointApplicants[0].name", "{\"jointApplicants\":[{\"name\":\"%s\"}]}", 101),
                Arguments.of(
                        "jointApplicants[0].organisation", "{\"jointApplicants\":[{\"organisation\":\"%s\"}]}", 201),
                Arguments.of("jointApplicants[0].title", "{\"jointApplicants\":[{\"title\":\"%s\"}]}", 101),
                Arguments.of("jointApplicants[0].address", "{\"jointApplicants\":[{\"address\":\"%s\"}]}", 301),
                Arguments.of("holders[0].contribution", "{\"holders\":[{\"contribution\":\"%s\"}]}", 2001));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overLongApplicationFields")
    void everyApplicationTextFieldIsCheckedAgainstItsColumn(String field, String body, int length) throws Exception {
        long id = newApplication();
        mvc.perform(json(HttpMethod.PUT, "/api/v1/applications/" + id + "/form", body.formatted("x".repeat(length))))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", hasItem(field)));
    }

    @Test
    void theProblemDocumentSpeaksTheRequestsLanguage() throws Exception {
        refused(
                        json(HttpMethod.POST, "/api/v1/registry/transfers", "{\"creditUnits\":1.5}")
                                .param("lang", "en"),
                        "creditUnits")
                .andExpect(jsonPath("$.errors[0].message")
                        .value("Give a whole number (no fraction, no quotes), e.g. 10."));
    }

    @Test
    void aNestedFieldIsNamedByItsPath() throws Exception {
        refused(
                json(
                        HttpMethod.POST,
                        "/api/v1/registry/issuances",
                        "{\"projectId\":1,\"vintage\":2024,\"creditUnits\":10,"
                                + "\"holders\":[{\"userId\":1,\"sharePercent\":100,\"share\":1}]}"),
                "holders[0].share");
        refused(
                json(
                        HttpMethod.POST,
                        "/api/v1/registry/issuances",
                        "{\"projectId\":1,\"vintage\":2024,\"creditUnits\":10,"
                                + "\"holders\":[{\"userId\":1.5,\"sharePercent\":100}]}"),
                "holders[0].userId");
        refused(
                json(
                        HttpMethod.POST,
                        "/api/v1/registry/issuances",
                        "{\"projectId\":1,\"vintage\":2024,\"creditUnits\":10,"
                                + "\"holders\":[{\"userId\":1,\"userId\":2,\"sharePercent\":100}]}"),
                "holders[0].userId");
    }

    @Test
    void textAfterTheDocumentIsRefused() throws Exception {
        refused(json(HttpMethod.POST, "/api/v1/registry/transfers", "{\"creditUnits\":1} {}"), "$");
    }

    @Test
    void aFormBodySentToAJsonEndpointIsUnsupportedMediaType() throws Exception {
        mvc.perform(post("/api/v1/registry/transfers")
                        .with(as(user))
                        .contentType(MediaType.MULTIPART_FORM_DATA)
                        .content("--x\r\nContent-Disposition: form-data; name=\"creditUnits\"\r\n\r\n1\r\n--x--\r\n"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("Content-Type"));
        mvc.perform(post("/api/v1/applications")
                        .with(as(user))
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content("name=x"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.errors[0].field").value("Content-Type"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/notices", "/api/v1/registry/batches", "/api/v1/registry/retirements"})
    void aPageOutOfRangeIsRefused(String path) throws Exception {
        refused(get(path).param("page", "-1"), "page");
        refused(get(path).param("size", "0"), "size");
        refused(get(path).param("size", String.valueOf(Pages.MAX_SIZE + 1)), "size");
        mvc.perform(get(path).param("page", "0").param("size", String.valueOf(Pages.MAX_SIZE)))
                .andExpect(status().isOk());
    }

    private long newApplication() throws Exception {
        String created = mvc.perform(json(HttpMethod.POST, "/api/v1/applications", "{\"name\":\"藻場\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return com.jayway.jsonpath.JsonPath.<Number>read(created, "$.id").longValue();
    }

    private MockHttpServletRequestBuilder json(HttpMethod method, String path, String body) {
        return MockMvcRequestBuilders.request(method, path)
                .with(as(user))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body);
    }

    private ResultActions refused(MockHttpServletRequestBuilder request, String field) throws Exception {
        return mvc.perform(request)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value(field));
    }
}
