package dev.paved.daemon.http;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import java.util.Map;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's HTTP server (Javalin on Jetty 12): health, readiness, metrics, the JSON API and the webhooks.
 * It reaches the rest of the daemon only through {@link DaemonControl}. {@link #close()} stops gracefully:
 * no new requests, those in flight finish within the stop timeout.
 */
public final class DaemonHttp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DaemonHttp.class);

    private final HttpSettings settings;
    private final DaemonControl control;
    private final DaemonMetrics metrics;
    private final Javalin app;

    public DaemonHttp(HttpSettings settings, DaemonControl control, DaemonMetrics metrics) {
        this.settings = settings;
        this.control = control;
        this.metrics = metrics;
        this.app = Javalin.create(this::configure);
    }

    private void configure(JavalinConfig config) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.jetty.host = settings.host();
        config.jetty.port = settings.port();
        config.jetty.modifyServer(server -> {
            server.setHandler(new GracefulHandler());
            server.setStopTimeout(settings.stopTimeout().toMillis());
        });
        config.routes.get("/healthz", ctx -> Responses.json(ctx, 200, Responses.object().put("status", "up")));
        config.routes.get("/readyz", ctx -> {
            Health health = control.health();
            var body = Responses.object().put("status", health.state().id()).put("reason", health.reason());
            control.role().ifPresent(role -> body.put("role", role));
            Responses.json(ctx, health.isReady() ? 200 : 503, body);
        });
        config.routes.get("/metrics", ctx -> ctx.contentType(DaemonMetrics.CONTENT_TYPE).result(metrics.scrape()));
        new ApiRoutes(control, new BearerAuth(settings.apiToken()), settings.maxRuns()).register(config.routes);
        for (Map.Entry<WebhookForge, String> webhook : settings.webhookSecrets().entrySet()) {
            config.routes.post("/webhooks/" + webhook.getKey().id(),
                    new WebhookHandler(webhook.getKey(), webhook.getValue(), settings, control, metrics));
        }
        config.routes.exception(RefusedException.class, (e, ctx) -> Responses.error(ctx, e.status(), e.getMessage()));
        config.routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            Responses.error(ctx, 500, "internal error; the daemon's log has the cause");
        });
    }

    /** Starts listening; {@link #port()} then tells the port. */
    public DaemonHttp start() {
        app.start();
        LOG.info("HTTP on {}:{}, webhooks for {}", settings.host(), port(), settings.webhookSecrets().keySet());
        return this;
    }

    /** The port listened on: the configured one, or the free one taken for port 0. */
    public int port() {
        return app.port();
    }

    /** Stops taking requests, lets those in flight finish within the stop timeout, then stops. */
    @Override
    public void close() {
        app.stop();
    }
}
