package org.amamo.platform;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.List;

/**
 * The error answers of each operation, all problem documents (RFC 9457, written by {@code ApiErrors} and the API's
 * authentication entry point), derived from what the operation is:
 *
 * <ul>
 *   <li>400 when it takes any input (a body, a parameter, a header or a path variable that may be malformed);
 *   <li>401 always: without a valid token where one is needed, and wherever a token is sent that is not valid;
 *   <li>403 when its {@code @PreAuthorize} needs a role; 404 when its path names an object;
 *   <li>413 and 415 when it reads a body (one over the upload limit; one that is not JSON);
 *   <li>503 always: the database could not be reached ({@code DatabaseOutageFilter});
 *   <li>for a state-changing operation that needs a sign-in, the refusals of the services' rules
 *       ({@link RefusalKind}): 403 (not the caller's), 404 (an object the request names), 409 (the object's state),
 *       unless the method declares the 4xx statuses it answers itself with {@code @ApiResponse}, which then replace
 *       these three.
 * </ul>
 *
 * A status an operation declares itself keeps its description and gets the problem document as content.
 */
final class ApiProblemResponses {

    static final String PROBLEM_SCHEMA = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";

    private ApiProblemResponses() {}

    static void add(ApiEndpoints.Endpoint endpoint, boolean input, boolean body, ApiResponses responses) {
        boolean rules = endpoint.stateChanging()
                && endpoint.requiresSignIn()
                && endpoint.declaredRefusals().isEmpty();
        if (input) {
            put(responses, "400", "Invalid input: the errors member names each field, parameter or header to fix");
        }
        put(
                responses,
                "401",
                endpoint.requiresSignIn()
                        ? "No valid API token: none, an unknown or revoked one, or one of a disabled or locked user"
                        : "An API token was sent that is not valid (none is needed: unknown, revoked, or of a "
                                + "disabled or locked user)");
        if (endpoint.roleRestricted()) {
            put(responses, "403", "The user lacks the role this operation needs");
        } else if (rules) {
            put(responses, "403", "Refused: the object is not the caller's");
        }
        if (endpoint.hasPathVariable() || rules) {
            put(responses, "404", "No such object, or not one the caller may see");
        }
        if (rules) {
            put(responses, "409", "Refused: the object's state forbids it");
        }
        if (body) {
            put(responses, "413", "The body is larger than the server takes (the problem's maxBytes)");
            put(responses, "415", "The body is not JSON (Content-Type application/json)");
        }
        put(responses, "503", "The database cannot be reached: nothing was done; try again after Retry-After seconds");
        responses.forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                response.setContent(problemContent());
            }
        });
    }

    /** The problem document's schema, as {@code components.schemas.Problem}. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static void declareSchema(Components components) {
        Schema<?> fieldMessage = new ObjectSchema()
                .description("One offending field and what to fix")
                .addProperty(
                        "field", new StringSchema().description("JSON path, parameter or header name; $: the body"))
                .addProperty("message", new StringSchema().description("What to fix, in the request's language"))
                .required(List.of("field", "message"));
        Schema<?> problem = new ObjectSchema()
                .description("A problem document (RFC 9457)")
                .addProperty("type", new StringSchema().description("urn:amamo:invalid-input, urn:amamo:refused, ..."))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema().format("int32"))
                .addProperty("detail", new StringSchema().description("The first message"))
                .addProperty("instance", new StringSchema().description("The request's path"))
                .addProperty("errors", new ArraySchema().items(fieldMessage))
                .required(List.of("type", "title", "status"));
        components.addSchemas(PROBLEM_SCHEMA, problem);
    }

    private static void put(ApiResponses responses, String status, String description) {
        if (!responses.containsKey(status)) {
            responses.addApiResponse(status, new ApiResponse().description(description));
        }
    }

    private static Content problemContent() {
        return new Content()
                .addMediaType(
                        PROBLEM_JSON,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA)));
    }
}
