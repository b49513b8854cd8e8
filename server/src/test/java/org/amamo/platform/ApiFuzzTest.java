package org.amamo.platform;

import static org.amamo.testing.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
import org.amamo.testing.ApiDescriptionCheck;
import org.amamo.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.util.UriUtils;

/**
 * Fuzzes every state-changing operation of the API's own description ({@code /v3/api-docs}): {@value #BAD_REQUESTS}
 * generated bad requests each as a user of every role (wrong types, fractions, huge and negative numbers, repeated
 * keys, unknown fields, nulls, deep nesting, long strings, invalid UTF-8, bad headers, path and query values), and once
 * anonymously. No answer may be a 5xx; an operation that declares a security requirement refuses the anonymous call
 * (401 or 403), one that declares {@code security: []} is fuzzed as public; and afterwards the ledger's invariants
 * hold and its journal verifies. Seeded: a failure is repeated by running the test again.
 */
@SpringBootTest(properties = "amamo.test.context=api-fuzz")
@AutoConfigureMockMvc
@Import(TestUsers.class)
class ApiFuzzTest {

    static final long SEED = 20_261_206L;
    static final int BAD_REQUESTS = 200;

    private static final Logger log = LoggerFactory.getLogger(ApiFuzzTest.class);
    private static final List<String> STATE_CHANGING = List.of("post", "put", "patch", "delete");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    ObjectMapper json;

    @Test
    void noBadRequestGetsAServerErrorAnonymousCallsAreRefusedAndTheLedgerStaysSound() throws Exception {
        JsonNode description = json.readTree(
                mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        List<FuzzOperation> operations = FuzzOperation.stateChanging(description, STATE_CHANGING);
        AmamoPrincipal user = users.create(Role.values());
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        int requests = 0;
        long started = System.nanoTime();
        for (FuzzOperation operation : operations) {
            Random random = new Random(SEED ^ operation.key().hashCode());
            FuzzRequest plausible = operation.plausible(random);
            int anonymous = send(plausible, null).getStatus();
            requests++;
            boolean refused = anonymous == 401 || anonymous == 403;
            if (operation.requiresSignIn() ? !refused : anonymous >= 500) {
                failures.add("anonymous " + plausible + " answered " + anonymous);
            }
            for (int i = 0; i < BAD_REQUESTS; i++) {
                FuzzRequest bad = operation.bad(random, i);
                requests++;
                MockHttpServletResponse response;
                try {
                    response = send(bad, operation.requiresSignIn() ? user : null);
                } catch (Exception unhandled) {
                    // MockMvc rethrows what no handler answered; a servlet container would answer it with 500.
                    statuses.merge(500, 1, Integer::sum);
                    failures.add(bad + " answered 500: " + cause(unhandled));
                    continue;
                }
                statuses.merge(response.getStatus(), 1, Integer::sum);
                if (response.getStatus() >= 500) {
                    failures.add(bad + " answered " + response.getStatus() + ": "
                            + abbreviated(response.getContentAsString(StandardCharsets.UTF_8)));
                }
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        log.info(
                "API fuzz: {} operations, {} requests in {} ms; statuses {}",
                operations.size(),
                requests,
                millis,
                statuses);

        failures.forEach(failure -> log.warn("API fuzz failure: {}", failure.replaceAll("(.)\\1{20,}", "$1...")));
        assertThat(operations).hasSizeGreaterThan(30);
        assertThat(failures)
                .as("requests answered with a server error or wrongly allowed")
                .isEmpty();
        JsonNode invariants = read("/api/v1/registry/invariants", user);
        assertThat(invariants.path("violations")).as("ledger invariants").isEmpty();
        JsonNode journal = read("/api/v1/registry/journal/verify", user);
        assertThat(journal.path("intact").asBoolean())
                .as("journal verification: " + journal)
                .isTrue();
    }

    private MockHttpServletResponse send(FuzzRequest request, AmamoPrincipal user) throws Exception {
        MockHttpServletRequestBuilder builder = MockMvcRequestBuilders.request(
                        HttpMethod.valueOf(request.method()), URI.create(request.uri()))
                .requestAttr(ApiDescriptionCheck.SKIP, true);
        request.headers().forEach(builder::header);
        if (request.body() != null) {
            builder.content(request.body());
        }
        if (user != null) {
            builder.with(as(user));
        }
        return mvc.perform(builder).andReturn().getResponse();
    }

    private JsonNode read(String path, AmamoPrincipal user) throws Exception {
        MockHttpServletResponse response =
                mvc.perform(get(path).with(as(user))).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
    }

    /** The root cause and where in the application it was thrown. */
    private static String cause(Throwable thrown) {
        Throwable root = thrown;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String where = java.util.Arrays.stream(root.getStackTrace())
                .filter(frame -> frame.getClassName().startsWith("org.amamo"))
                .findFirst()
                .map(StackTraceElement::toString)
                .orElse("?");
        return root + " at " + where;
    }

    private static String abbreviated(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    /** One generated request; its text names it in a failure. */
    record FuzzRequest(String method, String uri, Map<String, String> headers, byte[] body) {

        @Override
        public String toString() {
            String shown = body == null ? "" : new String(body, StandardCharsets.UTF_8);
            return method + " " + abbreviated(uri) + " " + abbreviated(headers.toString()) + " " + abbreviated(shown);
        }
    }

    /** An operation of the description and the generator of its requests. */
    record FuzzOperation(
            String method,
            String path,
            boolean requiresSignIn,
            List<JsonNode> parameters,
            JsonNode bodySchema,
            JsonNode components) {

        String key() {
            return method + " " + path;
        }

        static List<FuzzOperation> stateChanging(JsonNode description, List<String> methods) {
            List<FuzzOperation> operations = new ArrayList<>();
            JsonNode components = description.path("components").path("schemas");
            description
                    .path("paths")
                    .properties()
                    .forEach(path -> path.getValue().properties().forEach(entry -> {
                        if (!methods.contains(entry.getKey())) {
                            return;
                        }
                        JsonNode operation = entry.getValue();
                        List<JsonNode> parameters = new ArrayList<>();
                        operation.path("parameters").forEach(parameters::add);
                        JsonNode body = operation
                                .path("requestBody")
                                .path("content")
                                .path("application/json")
                                .path("schema");
                        operations.add(new FuzzOperation(
                                entry.getKey().toUpperCase(java.util.Locale.ROOT),
                                path.getKey(),
                                !operation.path("security").isEmpty(),
                                parameters,
                                body.isMissingNode() ? null : body,
                                components));
                    }));
            return operations;
        }

        /** A request as a client would send it: plausible values of the right types. */
        FuzzRequest plausible(Random random) {
            return request(pathValues(null, random), queryValues(null, random), jsonHeaders(), plausibleBody(random));
        }

        /** The {@code i}-th bad request: one kind of damage, picked in turn, with random details. */
        FuzzRequest bad(Random random, int i) {
            return switch (i % 10) {
                case 0, 1 -> withBody(random, oneBadField(random));
                case 2 -> withBody(random, repeatedKey(random));
                case 3 -> withBody(random, unknownField(random));
                case 4 -> withRawBody(random, FuzzValues.malformedBody(random));
                case 5 -> request(pathValues(random, random), queryValues(null, random), jsonHeaders(), body(random));
                case 6 -> request(pathValues(null, random), queryValues(random, random), jsonHeaders(), body(random));
                case 7 ->
                    request(
                            pathValues(null, random),
                            queryValues(null, random),
                            FuzzValues.badHeaders(random, parameters),
                            body(random));
                case 8 -> withBody(random, everyFieldBad(random));
                default -> withBody(random, nestedBad(random));
            };
        }

        private FuzzRequest withBody(Random random, String body) {
            return request(
                    pathValues(null, random),
                    queryValues(null, random),
                    jsonHeaders(),
                    body == null ? null : body.getBytes(StandardCharsets.UTF_8));
        }

        private FuzzRequest withRawBody(Random random, byte[] body) {
            return request(pathValues(null, random), queryValues(null, random), jsonHeaders(), body);
        }

        private byte[] body(Random random) {
            String body = plausibleBodyText(random);
            return body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        }

        private byte[] plausibleBody(Random random) {
            return body(random);
        }

        private String plausibleBodyText(Random random) {
            return bodySchema == null ? null : FuzzValues.plausible(resolve(bodySchema), components, random, 0);
        }

        private Map<String, JsonNode> bodyFields() {
            Map<String, JsonNode> fields = new LinkedHashMap<>();
            if (bodySchema != null) {
                resolve(bodySchema).path("properties").properties().forEach(e -> fields.put(e.getKey(), e.getValue()));
            }
            return fields;
        }

        private Map<String, String> plausibleFields(Random random) {
            Map<String, String> fields = new LinkedHashMap<>();
            bodyFields()
                    .forEach((name, schema) ->
                            fields.put(name, FuzzValues.plausible(resolve(schema), components, random, 1)));
            return fields;
        }

        private String oneBadField(Random random) {
            Map<String, String> fields = plausibleFields(random);
            if (fields.isEmpty()) {
                return FuzzValues.badValue(random);
            }
            List<String> names = new ArrayList<>(fields.keySet());
            fields.put(names.get(random.nextInt(names.size())), FuzzValues.badValue(random));
            return FuzzValues.object(fields);
        }

        private String everyFieldBad(Random random) {
            Map<String, String> fields = plausibleFields(random);
            fields.replaceAll((name, value) -> FuzzValues.badValue(random));
            return fields.isEmpty() ? FuzzValues.badValue(random) : FuzzValues.object(fields);
        }

        private String repeatedKey(Random random) {
            Map<String, String> fields = plausibleFields(random);
            String object = FuzzValues.object(fields);
            if (fields.isEmpty()) {
                return "{\"a\":1,\"a\":2}";
            }
            String name = new ArrayList<>(fields.keySet()).get(random.nextInt(fields.size()));
            return object.substring(0, object.length() - 1) + ",\"" + name + "\":" + FuzzValues.badValue(random) + "}";
        }

        private String unknownField(Random random) {
            Map<String, String> fields = plausibleFields(random);
            fields.put(FuzzValues.pick(random, List.of("batch", "id", "__proto__", "", "creditUnits ", "ＩＤ")), "1");
            return FuzzValues.object(fields);
        }

        /** A list or object field filled with bad members, or the body nested deep. */
        private String nestedBad(Random random) {
            Map<String, String> fields = plausibleFields(random);
            for (Map.Entry<String, JsonNode> field : bodyFields().entrySet()) {
                JsonNode schema = resolve(field.getValue());
                if ("array".equals(schema.path("type").asText())) {
                    fields.put(
                            field.getKey(),
                            "[" + FuzzValues.badValue(random) + "," + FuzzValues.badValue(random) + ",null]");
                } else if (schema.has("properties")) {
                    Map<String, String> inner = new LinkedHashMap<>();
                    schema.path("properties")
                            .properties()
                            .forEach(e -> inner.put(e.getKey(), FuzzValues.badValue(random)));
                    fields.put(field.getKey(), FuzzValues.object(inner));
                }
            }
            return random.nextInt(4) == 0 ? FuzzValues.nested(random.nextInt(3000) + 10) : FuzzValues.object(fields);
        }

        private JsonNode resolve(JsonNode schema) {
            return FuzzValues.resolve(schema, components);
        }

        private Map<String, String> pathValues(Random bad, Random random) {
            Map<String, String> values = new LinkedHashMap<>();
            List<JsonNode> pathParameters = parameters.stream()
                    .filter(p -> "path".equals(p.path("in").asText()))
                    .toList();
            int broken = pathParameters.isEmpty() || bad == null ? -1 : random.nextInt(pathParameters.size());
            for (int i = 0; i < pathParameters.size(); i++) {
                JsonNode parameter = pathParameters.get(i);
                values.put(
                        parameter.path("name").asText(),
                        i == broken
                                ? FuzzValues.badPathValue(random)
                                : FuzzValues.plainValue(resolve(parameter.path("schema")), random));
            }
            return values;
        }

        private Map<String, String> queryValues(Random bad, Random random) {
            Map<String, String> values = new LinkedHashMap<>();
            for (JsonNode parameter : parameters) {
                if (!"query".equals(parameter.path("in").asText())) {
                    continue;
                }
                if (bad != null) {
                    values.put(parameter.path("name").asText(), FuzzValues.badPathValue(random));
                } else if (parameter.path("required").asBoolean()) {
                    values.put(
                            parameter.path("name").asText(),
                            FuzzValues.plainValue(resolve(parameter.path("schema")), random));
                }
            }
            if (bad != null && values.isEmpty()) {
                values.put("page", FuzzValues.badPathValue(random));
            }
            return values;
        }

        private Map<String, String> jsonHeaders() {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", "application/json");
            headers.put("Accept", "application/json");
            return headers;
        }

        private FuzzRequest request(
                Map<String, String> pathValues, Map<String, String> query, Map<String, String> headers, byte[] body) {
            String uri = path;
            for (Map.Entry<String, String> value : pathValues.entrySet()) {
                uri = uri.replace(
                        "{" + value.getKey() + "}",
                        UriUtils.encodePathSegment(value.getValue(), StandardCharsets.UTF_8));
            }
            StringBuilder text = new StringBuilder(uri);
            Iterator<Map.Entry<String, String>> parameters = query.entrySet().iterator();
            while (parameters.hasNext()) {
                Map.Entry<String, String> parameter = parameters.next();
                text.append(text.indexOf("?") < 0 ? '?' : '&')
                        .append(UriUtils.encodeQueryParam(parameter.getKey(), StandardCharsets.UTF_8))
                        .append('=')
                        .append(UriUtils.encodeQueryParam(parameter.getValue(), StandardCharsets.UTF_8));
            }
            return new FuzzRequest(method, text.toString(), headers, body);
        }
    }

    /** The bad values, bodies and headers the fuzzer draws from. */
    static final class FuzzValues {

        private static final List<String> BAD_VALUES = List.of(
                "null",
                "true",
                "0",
                "-1",
                "-9223372036854775808",
                "9223372036854775807",
                "9223372036854775808",
                "99999999999999999999999999999999999999",
                "1.5",
                "1.9",
                "-0.0",
                "1e400",
                "-1e400",
                "1e-400",
                "1E+1000",
                "12345678901234567890.123456789",
                "\"1\"",
                "\" 1\"",
                "\"\"",
                "\"   \"",
                "\"\\u0000\"",
                "\"\\ud800\"",
                "\"<script>alert(1)</script>\"",
                "\"' OR 1=1 --\"",
                "\"2024-13-45\"",
                "\"9999-12-31T23:59:59Z\"",
                "\"-999999999-01-01T00:00:00Z\"",
                "\"+1000000000-01-01\"",
                "\"NaN\"",
                "\"JBC-9999-9999-99-000001-999999999999\"",
                "[]",
                "[null]",
                "[1,2,3]",
                "{}",
                "{\"a\":1}");

        private FuzzValues() {}

        static String badValue(Random random) {
            return switch (random.nextInt(8)) {
                case 0 -> longString(random);
                case 1 -> nested(random.nextInt(50) + 2);
                default -> pick(random, BAD_VALUES);
            };
        }

        static String longString(Random random) {
            int length = pick(random, List.of(101, 256, 301, 1001, 2001, 10_001, 100_001));
            String unit = pick(random, List.of("x", "あ", "😀", "\\n"));
            return "\"" + unit.repeat(length) + "\"";
        }

        static String nested(int depth) {
            return "[".repeat(depth) + "]".repeat(depth);
        }

        static String badPathValue(Random random) {
            return pick(
                    random,
                    List.of(
                            "-1",
                            "0",
                            "9223372036854775807",
                            "9223372036854775808",
                            "1.5",
                            "1e3",
                            "abc",
                            " 1",
                            "１",
                            "null",
                            "%00",
                            "\u0000",
                            "../../etc/passwd",
                            "1;DROP TABLE x",
                            "9".repeat(500),
                            "あ".repeat(300),
                            "START_REVIEW",
                            "submit"));
        }

        static byte[] malformedBody(Random random) {
            return switch (random.nextInt(12)) {
                case 0 -> new byte[0];
                case 1 -> "null".getBytes(StandardCharsets.UTF_8);
                case 2 -> "[]".getBytes(StandardCharsets.UTF_8);
                case 3 -> "{".getBytes(StandardCharsets.UTF_8);
                case 4 -> "{}{}".getBytes(StandardCharsets.UTF_8);
                case 5 -> "{\"a\":".getBytes(StandardCharsets.UTF_8);
                case 6 -> invalidUtf8();
                case 7 -> ("\uFEFF{}").getBytes(StandardCharsets.UTF_8);
                case 8 ->
                    ("{\"a\":" + "{\"a\":".repeat(2000) + "1" + "}".repeat(2001)).getBytes(StandardCharsets.UTF_8);
                case 9 -> ("\"" + "x".repeat(300_000) + "\"").getBytes(StandardCharsets.UTF_8);
                case 10 -> "1".getBytes(StandardCharsets.UTF_8);
                default -> "<xml/>".getBytes(StandardCharsets.UTF_8);
            };
        }

        private static byte[] invalidUtf8() {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            bytes.writeBytes("{\"name\":\"".getBytes(StandardCharsets.UTF_8));
            bytes.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, (byte) 0xED, (byte) 0xA0});
            bytes.writeBytes("\"}".getBytes(StandardCharsets.UTF_8));
            return bytes.toByteArray();
        }

        static Map<String, String> badHeaders(Random random, List<JsonNode> parameters) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", "application/json");
            switch (random.nextInt(9)) {
                case 0 ->
                    headers.put(
                            "Content-Type",
                            pick(
                                    random,
                                    List.of(
                                            "multipart/form-data",
                                            "multipart/form-data; boundary=x",
                                            "text/plain",
                                            "application/xml",
                                            "application/x-www-form-urlencoded",
                                            "application/json; charset=nonsense",
                                            "application/json; charset=UTF-16",
                                            "garbage",
                                            "")));
                case 1 ->
                    headers.put(
                            "Accept", pick(random, List.of("text/html", "application/xml", "garbage", "*/*;q=x", "")));
                case 2 -> headers.put("Idempotency-Key", "k".repeat(pick(random, List.of(101, 1000, 10_000))));
                case 3 -> headers.put("Idempotency-Key", pick(random, List.of("", " ", "\t", "キー", "a\u0001b")));
                case 4 -> headers.put("Accept-Language", pick(random, List.of("xx-YY-ZZ", "*", ";q=", "ja;q=2")));
                case 5 -> headers.put("Content-Encoding", "gzip");
                case 6 -> headers.put("X-HTTP-Method-Override", "DELETE");
                case 7 -> headers.put("Cookie", "amamo-lang=" + "x".repeat(300));
                default ->
                    headers.put("Authorization", pick(random, List.of("Bearer ", "Basic !!!", "Bearer amamo_x")));
            }
            return headers;
        }

        static JsonNode resolve(JsonNode schema, JsonNode components) {
            JsonNode current = schema;
            for (int i = 0; i < 10; i++) {
                if (current.has("$ref")) {
                    String name = current.path("$ref").asText().replace("#/components/schemas/", "");
                    current = components.path(name);
                } else if (current.has("allOf") && current.path("allOf").size() == 1) {
                    current = current.path("allOf").get(0);
                } else if (current.has("anyOf")) {
                    // A nullable reference: the referenced schema, or null alone (ApiNullability).
                    current = current.path("anyOf").get(0);
                } else {
                    return current;
                }
            }
            return current;
        }

        /** A plausible JSON value for a schema. */
        static String plausible(JsonNode schema, JsonNode components, Random random, int depth) {
            JsonNode resolved = resolve(schema, components);
            if (resolved.has("enum")) {
                return "\""
                        + resolved.path("enum")
                                .get(random.nextInt(resolved.path("enum").size()))
                                .asText() + "\"";
            }
            String type = resolved.path("type").asText(resolved.has("properties") ? "object" : "");
            return switch (type) {
                case "integer" -> Integer.toString(1 + random.nextInt(5));
                case "number" -> "1000";
                case "boolean" -> "true";
                case "string" ->
                    switch (resolved.path("format").asText()) {
                        case "date-time" -> "\"2030-01-01T00:00:00Z\"";
                        case "date" -> "\"2025-04-01\"";
                        default -> "\"x\"";
                    };
                case "array" ->
                    depth > 3 ? "[]" : "[" + plausible(resolved.path("items"), components, random, depth + 1) + "]";
                case "object" -> {
                    if (depth > 3) {
                        yield "{}";
                    }
                    Map<String, String> fields = new LinkedHashMap<>();
                    resolved.path("properties")
                            .properties()
                            .forEach(e ->
                                    fields.put(e.getKey(), plausible(e.getValue(), components, random, depth + 1)));
                    yield object(fields);
                }
                default -> "null";
            };
        }

        /** A plausible path or query value for a schema, unquoted. */
        static String plainValue(JsonNode schema, Random random) {
            if (schema.has("enum")) {
                return schema.path("enum")
                        .get(random.nextInt(schema.path("enum").size()))
                        .asText();
            }
            return switch (schema.path("type").asText()) {
                case "integer", "number" -> Integer.toString(1 + random.nextInt(5));
                case "boolean" -> "true";
                default -> "x";
            };
        }

        static String object(Map<String, String> fields) {
            StringBuilder text = new StringBuilder("{");
            fields.forEach((name, value) -> {
                if (text.length() > 1) {
                    text.append(',');
                }
                text.append('"').append(name).append("\":").append(value);
            });
            return text.append('}').toString();
        }

        static <T> T pick(Random random, List<T> values) {
            return values.get(random.nextInt(values.size()));
        }
    }
}
