package sa.tenhal.fuzz;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The operations an OpenAPI document describes: method, path template, parameters and the request body's schema. */
final class OpenApiOperations {

    record Parameter(String name, String in, boolean required, JsonNode schema) {}

    record Operation(
            String method,
            String path,
            List<Parameter> parameters,
            String contentType,
            JsonNode bodySchema,
            boolean bodyRequired) {

        String key() {
            return method + " " + path;
        }

        boolean hasBody() {
            return contentType != null;
        }

        boolean hasQuery(String name) {
            return parameters.stream()
                    .anyMatch(p -> p.in().equals("query") && p.name().equals(name));
        }
    }

    private final JsonNode document;

    OpenApiOperations(String json) {
        this.document = JsonMapper.builder().build().readTree(json);
    }

    List<Operation> all() {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> entry : path.getValue().properties()) {
                JsonNode op = entry.getValue();
                List<Parameter> parameters = new ArrayList<>();
                if (op.has("parameters")) {
                    for (JsonNode p : op.get("parameters")) {
                        parameters.add(new Parameter(
                                p.get("name").asString(),
                                p.get("in").asString(),
                                p.path("required").asBoolean(false),
                                resolve(p.get("schema"))));
                    }
                }
                String contentType = null;
                JsonNode bodySchema = null;
                boolean bodyRequired = false;
                if (op.has("requestBody")) {
                    JsonNode content = op.get("requestBody").get("content");
                    contentType = content.propertyNames().iterator().next();
                    bodySchema = resolve(content.get(contentType).get("schema"));
                    bodyRequired = op.get("requestBody").path("required").asBoolean(false);
                }
                operations.add(new Operation(
                        entry.getKey().toUpperCase(),
                        path.getKey(),
                        parameters,
                        contentType,
                        bodySchema,
                        bodyRequired));
            }
        }
        operations.sort(Comparator.comparing(Operation::path).thenComparing(Operation::method));
        return operations;
    }

    /** A schema with its {@code $ref} followed (one level; callers resolve nested ones as they descend). */
    JsonNode resolve(JsonNode schema) {
        if (schema == null) {
            return null;
        }
        JsonNode ref = schema.get("$ref");
        if (ref != null) {
            String name = ref.asString().substring("#/components/schemas/".length());
            return resolve(document.get("components").get("schemas").get(name));
        }
        return schema;
    }
}
