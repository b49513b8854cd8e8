package org.amamo.platform;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.servers.Server;
import org.springframework.context.annotation.Configuration;

/** The open API's description at /v3/api-docs (Swagger UI at /swagger-ui.html). */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Amamo API",
                        version = "v1",
                        description =
                                "Blue-carbon crediting: notices, projects, registry, market and public disclosure. "
                                        + "Reading public data needs no token; changes need a personal API token "
                                        + "(Authorization: Bearer amamo_...), created on the account's API token page.",
                        license = @License(name = "Apache-2.0", url = "https://www.apache.org/licenses/LICENSE-2.0")),
        servers = @Server(url = "/", description = "This server"))
@SecurityScheme(name = "apiToken", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "amamo_...")
class OpenApiConfiguration {}
