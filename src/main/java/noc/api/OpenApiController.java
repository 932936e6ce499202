package noc.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.uri.UriMatchTemplate;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import io.swagger.v3.oas.annotations.Hidden;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import io.micronaut.context.annotation.Requires;
import noc.cluster.Roles;

/**
 * Serves the OpenAPI document that micronaut-openapi generated from the controllers at build time,
 * with what only the running application knows added to each operation: the roles that may call it
 * (from its {@code @Secured}, as {@code x-roles} and in its description), the problem answers it can
 * give, and the operations of Micronaut Security and the management endpoints.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
@Requires(condition = Roles.OwnsDatabase.class)
public class OpenApiController {

    static final String DOCUMENT = "META-INF/swagger/noc-correlator.yml";
    private static final String NOT_FROM_CONTROLLERS = "openapi/not-from-controllers.yml";
    private static final String YAML = "application/yaml";

    private final Router router;
    private volatile String served;

    public OpenApiController(Router router) {
        this.router = router;
    }

    @Get("/swagger/noc-correlator.yml")
    @Produces(YAML)
    public HttpResponse<String> document() {
        String document = served;
        if (document == null) {
            document = build();
            served = document;
        }
        return HttpResponse.ok(document).contentType(YAML);
    }

    /** Swagger UI's page, whose files are served as static resources under {@code /swagger-ui/}. */
    @Get("/swagger-ui")
    public HttpResponse<Void> swaggerUi() {
        return HttpResponse.seeOther(java.net.URI.create("/swagger-ui/index.html"));
    }

    @SuppressWarnings("unchecked")
    private String build() {
        Map<String, Object> document = read(DOCUMENT);
        Map<String, Object> paths = (Map<String, Object>) document.computeIfAbsent("paths", k -> new LinkedHashMap<>());
        Map<String, Object> extra = (Map<String, Object>) read(NOT_FROM_CONTROLLERS).get("paths");
        paths.putAll(extra);
        Map<String, List<String>> roles = rolesByOperation();
        for (Map.Entry<String, Object> path : paths.entrySet()) {
            for (Map.Entry<String, Object> method : ((Map<String, Object>) path.getValue()).entrySet()) {
                Map<String, Object> operation = (Map<String, Object>) method.getValue();
                String key = method.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
                List<String> allowed = (List<String>) operation.getOrDefault("x-roles", roles.get(key));
                if (allowed == null) {
                    continue;
                }
                operation.put("x-roles", allowed);
                if (allowed.contains("anonymous")) {
                    operation.put("security", List.of());
                }
                String description = String.valueOf(operation.getOrDefault("description",
                        operation.getOrDefault("summary", ""))).strip();
                operation.put("description", (description.isEmpty() ? "" : description + "\n\n") + "Roles: "
                        + String.join(", ", allowed) + ".");
                addProblems(operation, path.getKey(), method.getKey(), allowed);
            }
        }
        Map<String, Object> components = (Map<String, Object>) document.computeIfAbsent("components",
                k -> new LinkedHashMap<>());
        Map<String, Object> schemas = (Map<String, Object>) components.computeIfAbsent("schemas",
                k -> new LinkedHashMap<>());
        schemas.put("Problem", problemSchema());
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setWidth(120);
        return new Yaml(options).dump(document);
    }

    /** The roles of each controller operation, by {@code METHOD /path} as the document writes paths. */
    private Map<String, List<String>> rolesByOperation() {
        Map<String, List<String>> roles = new LinkedHashMap<>();
        router.uriRoutes().forEach((UriRouteInfo<?, ?> route) -> {
            // The method's own @Secured wins over its class's (as the security rule reads them).
            io.micronaut.core.annotation.AnnotationMetadata own = route.getTargetMethod().getAnnotationMetadata()
                    .getDeclaredMetadata();
            Secured onClass = route.getTargetMethod().getDeclaringType().getAnnotation(Secured.class);
            String[] secured = own.hasDeclaredAnnotation(Secured.class) ? own.stringValues(Secured.class)
                    : onClass == null ? new String[0] : onClass.value();
            if (secured.length == 0) {
                return;
            }
            List<String> names = new ArrayList<>(new TreeSet<>(List.of(secured)));
            names.replaceAll(role -> role.equals(SecurityRule.IS_ANONYMOUS) ? "anonymous" : role);
            UriMatchTemplate template = route.getUriMatchTemplate();
            roles.put(route.getHttpMethodName() + " " + template.toPathString(), names);
        });
        return roles;
    }

    @SuppressWarnings("unchecked")
    private static void addProblems(Map<String, Object> operation, String path, String method, List<String> roles) {
        Map<String, Object> responses = (Map<String, Object>) operation.computeIfAbsent("responses",
                k -> new LinkedHashMap<>());
        boolean takesInput = operation.containsKey("requestBody") || operation.containsKey("parameters");
        if (takesInput) {
            responses.putIfAbsent("400", problem("The request is invalid: each bad field is named in `errors`"));
        }
        if (!roles.contains("anonymous")) {
            responses.putIfAbsent("401", problem("No valid bearer token"));
            responses.putIfAbsent("403", problem("The token's roles do not allow this"));
        }
        if (path.contains("{")) {
            responses.putIfAbsent("404", problem("Nothing has that name or reference"));
        }
        if (!method.equalsIgnoreCase("get") && path.startsWith("/api/")) {
            responses.putIfAbsent("409", problem("Not allowed in the present state; `detail` says why"));
        }
    }

    private static Map<String, Object> problem(String description) {
        return Map.of("description", description, "content", Map.of(Problem.MEDIA_TYPE,
                Map.of("schema", Map.of("$ref", "#/components/schemas/Problem"))));
    }

    private static Map<String, Object> problemSchema() {
        Map<String, Object> fieldError = Map.of("type", "object", "properties", Map.of(
                "field", Map.of("type", "string", "description", "the field's JSON path, as `contacts[2].role`"),
                "message", Map.of("type", "string")));
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("type", Map.of("type", "string"));
        properties.put("title", Map.of("type", "string"));
        properties.put("status", Map.of("type", "integer"));
        properties.put("detail", Map.of("type", "string"));
        properties.put("instance", Map.of("type", "string"));
        properties.put("errors", Map.of("type", "array", "items", fieldError));
        return Map.of("type", "object", "description", "An RFC 7807 problem", "properties", properties);
    }

    private static Map<String, Object> read(String resource) {
        try (InputStream in = OpenApiController.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not in the build: was micronaut-openapi run?");
            }
            Map<String, Object> document = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            return new LinkedHashMap<>(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
