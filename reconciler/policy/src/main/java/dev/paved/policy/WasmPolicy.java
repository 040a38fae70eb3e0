package dev.paved.policy;

import com.styra.opa.wasm.OpaPolicy;
import dev.paved.policy.builtins.HostBuiltins;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one adapter to the WebAssembly runtime (the OPA Java WebAssembly SDK on Chicory): evaluates entrypoints of
 * a compiled policy, JSON in and JSON out, so that the SDK and its Jackson 2 stay behind this class.
 *
 * <p>SDK instances are not thread-safe, so each evaluation borrows one from a bounded pool; input, data and the
 * entrypoint are set on every evaluation (an instance remembers them between calls). Each evaluation is bounded
 * in memory (the instance's) and in wall-clock time (a watchdog interrupts the evaluating thread, which Chicory
 * honours): a runaway policy fails its evaluation instead of hanging the daemon. An instance whose evaluation
 * failed is thrown away, never reused.
 */
public final class WasmPolicy implements AutoCloseable {

    /** Wasm pages are 64 KiB: the default bound is 256 MiB per instance. */
    public static final int DEFAULT_MAX_PAGES = 4096;

    /** The default bound on one evaluation's wall-clock time. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private record Instance(OpaPolicy policy, HostBuiltins builtins, String[] data) {
    }

    private final CompiledPolicy compiled;
    private final int maxPages;
    private final BlockingQueue<Instance> idle;
    private final AtomicInteger created = new AtomicInteger();
    private final int size;
    private final Duration timeout;
    /**
     * Entrypoint name → id, the same for every instance of the module. Read once: the SDK's lookup by name dumps
     * the module's whole entrypoint table to JSON and parses it again on every call.
     */
    private volatile Map<String, Integer> entrypoints;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "paved-policy-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    public WasmPolicy(CompiledPolicy compiled, int size, int maxPages) {
        this(compiled, size, maxPages, DEFAULT_TIMEOUT);
    }

    public WasmPolicy(CompiledPolicy compiled, int size, int maxPages, Duration timeout) {
        this.compiled = compiled;
        this.size = size;
        this.maxPages = maxPages;
        this.timeout = timeout;
        this.idle = new ArrayBlockingQueue<>(size);
    }

    /**
     * Evaluates one entrypoint, e.g. {@code paved/services/deny_image_pinned}, for one input document.
     *
     * @param data the data document the policies see (the bundle's own data merged with Paved's)
     * @return OPA's result set as JSON, {@code [{"result": …}]}, or {@code []} when the rule is undefined
     */
    public String evaluate(String entrypoint, String input, String data) {
        Instance instance = borrow();
        boolean healthy = false;
        Thread evaluating = Thread.currentThread();
        ScheduledFuture<?> alarm = watchdog.schedule(evaluating::interrupt, timeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            if (instance.data()[0] != data) { // identity: the same catalog is set once per instance
                instance.policy().data(data);
                instance.data()[0] = data;
            }
            instance.builtins().startEvaluation();
            String result = instance.policy().entrypoint(entrypointId(instance, entrypoint)).input(input).evaluate();
            healthy = true;
            return result;
        } catch (RuntimeException e) {
            if (alarm.isDone() && !alarm.isCancelled()) {
                throw new PolicyException("evaluate " + entrypoint + ": stopped after " + timeout.toMillis()
                        + " ms, the bound on one evaluation", e);
            }
            String why = e.getMessage() != null && e.getMessage().contains("opa_malloc")
                    ? "ran out of its " + (maxPages / 16) + " MiB of memory" : e.getMessage();
            throw new PolicyException("evaluate " + entrypoint + ": " + why, e);
        } finally {
            if (!alarm.cancel(false)) {
                Thread.interrupted(); // the alarm went off: clear it, it was ours
            }
            if (healthy) {
                idle.offer(instance);
            } else {
                created.decrementAndGet();
            }
        }
    }

    private int entrypointId(Instance instance, String entrypoint) {
        Map<String, Integer> ids = entrypoints;
        if (ids == null) {
            ids = Map.copyOf(instance.policy().entrypoints());
            entrypoints = ids;
        }
        Integer id = ids.get(entrypoint);
        if (id == null) {
            throw new PolicyException("the compiled policy has no entrypoint " + entrypoint);
        }
        return id;
    }

    private Instance borrow() {
        Instance instance = idle.poll();
        if (instance != null) {
            return instance;
        }
        if (created.incrementAndGet() <= size) {
            return open();
        }
        created.decrementAndGet();
        try {
            return idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PolicyException("waiting for a policy instance: interrupted", e);
        }
    }

    private Instance open() {
        HostBuiltins builtins = HostBuiltins.create();
        OpaPolicy policy = OpaPolicy.builder().withPolicy(compiled.wasm()).withDefaultBuiltins(false)
                .addBuiltins(builtins.forSdk()).withMaxMemory(maxPages).build();
        return new Instance(policy, builtins, new String[1]);
    }

    @Override
    public void close() {
        idle.clear();
        watchdog.shutdownNow();
    }
}
