package dev.paved.daemon.http;

import io.javalin.http.Context;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** JSON answers: documents as they are, errors as {@code {"error": "..."}}. */
final class Responses {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String JSON_TYPE = "application/json";

    private Responses() {
    }

    static void json(Context ctx, int status, JsonNode body) {
        ctx.status(status).contentType(JSON_TYPE).result(JSON.writeValueAsString(body));
    }

    static void error(Context ctx, int status, String message) {
        json(ctx, status, object().put("error", message));
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }
}
