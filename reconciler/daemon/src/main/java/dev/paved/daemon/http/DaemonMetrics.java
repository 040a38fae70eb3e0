package dev.paved.daemon.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * The daemon's meters, under stable Prometheus names (see docs/daemon.md), and the methods the cycle calls to
 * move them. Gauges read values held here; the JVM's memory, threads, CPU and uptime are registered too.
 */
public final class DaemonMetrics {

    /** The Prometheus text exposition format, version 0.0.4, which {@link #scrape()} writes. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private static final Pattern TAG_VALUE = Pattern.compile("[a-z][a-z0-9_-]{0,62}");
    private static final Duration[] CYCLE_BUCKETS = {Duration.ofMillis(100), Duration.ofMillis(500),
        Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(2),
        Duration.ofMinutes(10)};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong warnings = new AtomicLong();
    private final Map<String, AtomicLong> drift = new ConcurrentHashMap<>();
    private final AtomicReference<Double> lastGood = new AtomicReference<>();

    public DaemonMetrics() {
        Gauge.builder("paved.findings", errors, AtomicLong::get).tag("severity", "error")
                .description("Findings of the last commit examined").register(registry);
        Gauge.builder("paved.findings", warnings, AtomicLong::get).tag("severity", "warning")
                .description("Findings of the last commit examined").register(registry);
        for (WebhookForge forge : WebhookForge.values()) {
            for (WebhookOutcome outcome : WebhookOutcome.values()) {
                webhookCounter(forge, outcome);
            }
        }
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /** A reconcile cycle ended; {@code outcome} is a short lower-case word such as applied, refused, failed. */
    public void cycleFinished(Duration duration, String outcome) {
        Timer.builder("paved.cycle.duration").description("Duration of reconcile cycles")
                .tag("outcome", tagValue("outcome", outcome)).serviceLevelObjectives(CYCLE_BUCKETS)
                .register(registry).record(duration);
    }

    /** The findings of the commit just examined (replaces the previous figures). */
    public void findings(long errorCount, long warningCount) {
        errors.set(errorCount);
        warnings.set(warningCount);
    }

    /** {@code n} changes with {@code action} (create, update, replace, delete) were applied. */
    public void applied(String action, long n) {
        if (n < 0) {
            throw new IllegalArgumentException("applied " + action + ": negative count " + n);
        }
        Counter.builder("paved.changes.applied").description("Changes applied, by action")
                .tag("action", tagValue("action", action)).register(registry).increment(n);
    }

    /** {@code environment} has {@code n} resources whose live state differs from the last good commit. */
    public void drift(String environment, long n) {
        drift.computeIfAbsent(environment, env -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("paved.drift.resources", value, AtomicLong::get).tag("environment", env)
                    .description("Resources drifted from the last good commit").register(registry);
            return value;
        }).set(n);
    }

    /** The last good commit is now the one committed at {@code commitTime}. */
    public void lastGood(Instant commitTime) {
        double seconds = commitTime.toEpochMilli() / 1000.0;
        if (lastGood.getAndSet(seconds) == null) {
            Gauge.builder("paved.last.good.commit.timestamp", lastGood, AtomicReference::get).baseUnit("seconds")
                    .description("Commit time of the last good commit").register(registry);
        }
    }

    void webhook(WebhookForge forge, WebhookOutcome outcome) {
        webhookCounter(forge, outcome).increment();
    }

    /** The meters in the Prometheus text format ({@link #CONTENT_TYPE}). */
    public String scrape() {
        return registry.scrape();
    }

    /** The registry, for meters of other parts of the daemon. */
    public PrometheusMeterRegistry registry() {
        return registry;
    }

    private Counter webhookCounter(WebhookForge forge, WebhookOutcome outcome) {
        return Counter.builder("paved.webhook.requests").description("Webhook requests, by forge and outcome")
                .tag("forge", forge.id()).tag("outcome", outcome.id()).register(registry);
    }

    private static String tagValue(String tag, String value) {
        if (value == null || !TAG_VALUE.matcher(value).matches()) {
            throw new IllegalArgumentException(tag + " '" + value + "' is not a lower-case word");
        }
        return value;
    }
}
