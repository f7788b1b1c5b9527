package com.contactsynchub.api;

import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.models.GroupedOpenApi;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The OpenAPI document (/v3/api-docs, Swagger UI): title and version, HTTP Basic, and the RFC 7807 problem every
 * operation can answer with. The hub's admin API is the default document and group "hub"; the reference systems of
 * the demo profile are a group of their own, "reference" (/v3/api-docs/reference).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BASIC = "basicAuth";
    static final String PROBLEM = "Problem";

    /** The errors of every operation: what ApiExceptionHandler, ProblemErrorController and the login answer. */
    private static final Map<String, String> ERRORS = Map.of(
            "400", "Invalid request: the problem names the field and what is wrong",
            "401", "The operator's login is missing or wrong (when a login is configured)",
            "404", "Not found",
            "409", "Refused by Business Central's rules (link, number series)",
            "429", "Too many failed logins for this user from this address; see Retry-After",
            "500", "The hub failed; see its log");

    @Bean
    OpenAPI hubOpenApi(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        return new OpenAPI()
                .info(new Info().title("Contact Sync Hub API")
                        .version(properties == null ? "development" : properties.getVersion())
                        .description("Admin API of the hub that keeps contacts in step with customers, vendors and "
                                + "bank accounts. Errors are RFC 7807 problem details (application/problem+json)."))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("The operator's login, HUB_ADMIN_USER / HUB_ADMIN_PASSWORD"))
                        .addSchemas(PROBLEM, problemSchema()))
                .addSecurityItem(new SecurityRequirement().addList(BASIC));
    }

    @Bean
    GroupedOpenApi hubGroup() {
        return GroupedOpenApi.builder().group("hub").displayName("Contact Sync Hub API").pathsToMatch("/api/**")
                .addOpenApiCustomizer(problemResponses()).build();
    }

    @Bean
    @Profile("demo")
    GroupedOpenApi referenceGroup() {
        return GroupedOpenApi.builder().group("reference").displayName("Reference systems (demo)")
                .pathsToMatch("/reference/**").addOpenApiCustomizer(problemResponses()).build();
    }

    /**
     * The default document (/v3/api-docs; a plain customizer bean applies to it alone, not to the groups): the hub's
     * admin API without the demo's reference systems, with the problem responses.
     */
    @Bean
    OpenApiCustomizer defaultDocument() {
        OpenApiCustomizer problems = problemResponses();
        return openApi -> {
            if (openApi.getPaths() != null) {
                openApi.getPaths().keySet().removeIf(path -> !path.startsWith("/api/"));
            }
            problems.customise(openApi);
        };
    }

    private static OpenApiCustomizer problemResponses() {
        return openApi -> {
            if (openApi.getComponents() != null) {
                openApi.getComponents().addSchemas(PROBLEM, problemSchema());
                openApi.getComponents().addSecuritySchemes(BASIC,
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"));
            }
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().values().forEach(path -> path.readOperations().forEach(OpenApiConfiguration::addErrors));
        };
    }

    private static void addErrors(Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        ERRORS.forEach((status, description) -> {
            ApiResponse response = operation.getResponses().get(status);
            if (response == null) {
                response = new ApiResponse().description(description);
                operation.getResponses().addApiResponse(status, response);
            }
            // Every error is a problem, whatever springdoc inferred from the exception handlers.
            response.setContent(new Content().addMediaType(MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    new io.swagger.v3.oas.models.media.MediaType().schema(
                            new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
        });
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        return new ObjectSchema().description("RFC 7807 problem details")
                .addProperty("type", new StringSchema().format("uri"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema().description("what is wrong, naming the field"))
                .addProperty("instance", new StringSchema().format("uri"))
                .addProperty("problems", new io.swagger.v3.oas.models.media.ArraySchema().items(new StringSchema())
                        .description("every problem, when there are several"));
    }
}
