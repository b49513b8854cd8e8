package org.amamo.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Makes the API's description at {@code /v3/api-docs} say exactly what the server does, from the code itself rather
 * than from annotations repeated on every method: which operations need a token ({@code security}, and
 * {@code security: []} for the public ones, both read from the security rules in force), the problem documents each
 * operation can answer ({@link ApiProblemResponses}), one stable {@code operationId} per operation, and which fields
 * may be null. Checked by Redocly's lint and by the suite, which validates every API answer against it (docs/api.md).
 */
@Configuration(proxyBeanMethods = false)
class ApiDescription {

    /** The name of the security scheme of personal API tokens (declared on {@code OpenApiConfiguration}). */
    static final String API_TOKEN = "apiToken";

    @Bean
    OpenApiCustomizer amamoApiDescription(
            @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings,
            ObjectProvider<WebInvocationPrivilegeEvaluator> privileges,
            ObjectMapper json) {
        return openApi -> {
            ApiEndpoints endpoints = ApiEndpoints.of(mappings, privileges.getObject());
            Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
            openApi.setComponents(components);
            ApiProblemResponses.declareSchema(components);
            openApi.getPaths()
                    .forEach((path, item) -> item.readOperationsMap()
                            .forEach((method, operation) -> describe(endpoints.find(method.name(), path), operation)));
            ApiNullability.declare(components, mappings, json);
        };
    }

    private static void describe(ApiEndpoints.Endpoint endpoint, Operation operation) {
        if (endpoint == null) {
            return;
        }
        operation.setOperationId(endpoint.operationId());
        operation.setSecurity(
                endpoint.requiresSignIn() ? List.of(new SecurityRequirement().addList(API_TOKEN)) : List.of());
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        boolean input = operation.getRequestBody() != null
                || (operation.getParameters() != null
                        && !operation.getParameters().isEmpty());
        ApiProblemResponses.add(endpoint, input, operation.getRequestBody() != null, responses);
    }
}
