package dev.paved.daemon.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /webhooks/<forge>}: a push event, checked in this order: size, signature (before anything in the
 * payload is read), event, payload, ref. A push to the tracked ref triggers a cycle; every request is counted
 * by outcome.
 */
final class WebhookHandler implements Handler {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookHandler.class);

    private final WebhookForge forge;
    private final String secret;
    private final HttpSettings settings;
    private final DaemonControl control;
    private final DaemonMetrics metrics;

    WebhookHandler(WebhookForge forge, String secret, HttpSettings settings, DaemonControl control,
            DaemonMetrics metrics) {
        this.forge = forge;
        this.secret = secret;
        this.settings = settings;
        this.control = control;
        this.metrics = metrics;
    }

    private record Verdict(WebhookOutcome outcome, int status, String message) {

        Verdict(WebhookOutcome outcome, String message) {
            this(outcome, outcome.status(), message);
        }
    }

    @Override
    public void handle(Context ctx) throws IOException {
        Verdict verdict = judge(ctx);
        metrics.webhook(forge, verdict.outcome());
        if (verdict.outcome() == WebhookOutcome.TOO_LARGE) {
            ctx.header("Connection", "close");
        }
        Responses.json(ctx, verdict.status(), Responses.object().put("outcome", verdict.outcome().id())
                .put("message", verdict.message()));
    }

    private Verdict judge(Context ctx) throws IOException {
        Optional<byte[]> body = BoundedBody.read(ctx, settings.maxWebhookBytes());
        if (body.isEmpty()) {
            LOG.warn("webhook {}: payload over {} bytes refused", forge.id(), settings.maxWebhookBytes());
            return new Verdict(WebhookOutcome.TOO_LARGE, "payload larger than " + settings.maxWebhookBytes()
                    + " bytes");
        }
        if (!forge.authentic(secret, body.get(), ctx::header)) {
            LOG.warn("webhook {}: signature missing or wrong, from {}", forge.id(), ctx.ip());
            return new Verdict(WebhookOutcome.BAD_SIGNATURE, "signature missing or wrong");
        }
        String event = ctx.header(forge.eventHeader());
        if (event == null || event.isBlank()) {
            return new Verdict(WebhookOutcome.BAD_REQUEST, "no " + forge.eventHeader() + " header");
        }
        if (forge.isPing(event)) {
            return new Verdict(WebhookOutcome.IGNORED, 200, "pong");
        }
        if (!forge.isPush(event)) {
            return new Verdict(WebhookOutcome.IGNORED, "not a push event: " + abbreviate(event));
        }
        Optional<PushEvent> push = PushEvent.parse(body.get());
        if (push.isEmpty()) {
            return new Verdict(WebhookOutcome.BAD_REQUEST, "payload is not a JSON push event with 'ref' and 'after'"
                    + " (set the webhook's content type to application/json)");
        }
        String ref = push.get().ref();
        if (!ref.equals(settings.trackedRef())) {
            LOG.debug("webhook {}: push to {} ignored, following {}", forge.id(), ref, settings.trackedRef());
            return new Verdict(WebhookOutcome.IGNORED, "push to " + abbreviate(ref) + " ignored; following "
                    + settings.trackedRef());
        }
        if (push.get().deletesRef()) {
            return new Verdict(WebhookOutcome.IGNORED, ref + " was deleted; the last good commit stays in force");
        }
        String commit = push.get().after();
        control.trigger("webhook " + forge.id() + " " + commit);
        LOG.info("webhook {}: push of {} to {}, cycle triggered", forge.id(), commit, ref);
        return new Verdict(WebhookOutcome.ACCEPTED, "cycle triggered for " + commit);
    }

    private static String abbreviate(String value) {
        return value.length() <= 100 ? value : value.substring(0, 100) + "...";
    }
}
