package dev.paved.daemon.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The JSON API under {@code /api}: reads are open, {@code POST /api/sync} and approvals need the bearer token.
 * Documents come from {@link DaemonControl} as they are.
 */
final class ApiRoutes {

    static final int DEFAULT_RUNS = 20;

    private static final Logger LOG = LoggerFactory.getLogger(ApiRoutes.class);
    private static final long MAX_REQUEST_BYTES = 16 * 1024;
    private static final Pattern ENVIRONMENT = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{7,64}");
    private static final Pattern APPROVER = Pattern.compile("[\\w.@+ -]{1,100}");

    private final DaemonControl control;
    private final BearerAuth auth;
    private final int maxRuns;

    ApiRoutes(DaemonControl control, BearerAuth auth, int maxRuns) {
        this.control = control;
        this.auth = auth;
        this.maxRuns = maxRuns;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/status", ctx -> Responses.json(ctx, 200, control.status()));
        routes.get("/api/runs", this::runs);
        routes.get("/api/plan", ctx -> {
            Optional<JsonNode> plan = control.plan();
            if (plan.isPresent()) {
                Responses.json(ctx, 200, plan.get());
            } else {
                Responses.error(ctx, 404, "no plan yet: no commit has been planned");
            }
        });
        routes.get("/api/findings", ctx -> Responses.json(ctx, 200, control.findings()));
        routes.get("/api/catalog", ctx -> Responses.json(ctx, 200, control.catalog()));
        routes.post("/api/sync", this::sync);
        routes.post("/api/approvals/{environment}", this::approve);
    }

    private void runs(Context ctx) {
        String limit = ctx.queryParam("limit");
        int n = DEFAULT_RUNS;
        if (limit != null) {
            if (!limit.matches("[0-9]{1,9}") || Integer.parseInt(limit) < 1) {
                Responses.error(ctx, 400, "limit must be a whole number from 1 to " + maxRuns);
                return;
            }
            n = Integer.parseInt(limit);
        }
        Responses.json(ctx, 200, control.runs(Math.min(n, maxRuns)));
    }

    private void sync(Context ctx) {
        if (!auth.allows(ctx)) {
            return;
        }
        control.resync("api");
        LOG.info("sync requested through the API from {}", ctx.ip());
        Responses.json(ctx, 202, Responses.object().put("message", "full cycle triggered"));
    }

    private void approve(Context ctx) throws IOException {
        if (!auth.allows(ctx)) {
            return;
        }
        String environment = ctx.pathParam("environment");
        if (!ENVIRONMENT.matcher(environment).matches()) {
            Responses.error(ctx, 400, "'" + abbreviate(environment) + "' is not an environment name");
            return;
        }
        Optional<byte[]> body = BoundedBody.read(ctx, MAX_REQUEST_BYTES);
        if (body.isEmpty()) {
            Responses.error(ctx, 413, "request body larger than " + MAX_REQUEST_BYTES + " bytes");
            return;
        }
        JsonNode request;
        try {
            request = Responses.JSON.readTree(body.get());
        } catch (JacksonException e) {
            Responses.error(ctx, 400, "request body is not JSON: expected {\"commit\": \"<sha>\"}");
            return;
        }
        String commit = request == null ? "" : request.path("commit").asString("");
        String by = request == null ? "" : request.path("by").asString("api");
        if (!COMMIT.matcher(commit).matches()) {
            Responses.error(ctx, 400, "'commit' must be a commit id (7 to 64 lower-case hex digits)");
            return;
        }
        if (!APPROVER.matcher(by).matches()) {
            Responses.error(ctx, 400, "'by' must be 1 to 100 letters, digits, spaces or . @ + - _");
            return;
        }
        control.approve(environment, commit, by);
        LOG.info("approval of {} for {} by {}", commit, environment, by);
        Responses.json(ctx, 202, Responses.object().put("environment", environment).put("commit", commit)
                .put("by", by));
    }

    private static String abbreviate(String value) {
        return value.length() <= 64 ? value : value.substring(0, 64) + "...";
    }
}
