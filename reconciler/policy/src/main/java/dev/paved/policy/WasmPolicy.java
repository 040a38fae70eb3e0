package dev.paved.policy;

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
import java.util.function.Consumer;

/**
 * The one adapter to the WebAssembly runtime (the OPA Java WebAssembly SDK on Chicory): evaluates entrypoints of
 * a compiled policy, JSON in and JSON out, so that the SDK and its Jackson 2 stay behind this class.
 *
 * <p>Instances ({@link OpaInstance}) are not thread-safe, so each evaluation borrows one from a bounded pool; the
 * input and entrypoint are set on every evaluation, the data document only when it changed (an instance keeps it,
 * and applies a {@link PolicyData}'s patches it has not seen). Each evaluation is bounded
 * in memory (the instance's) and in wall-clock time (a watchdog interrupts the evaluating thread, which Chicory
 * honours): a runaway policy fails its evaluation instead of hanging the daemon. Loading the data document is
 * not bounded in time (it is Paved's, and a large catalog takes seconds to parse). An instance whose evaluation
 * failed is thrown away, never reused.
 */
public final class WasmPolicy implements AutoCloseable {

    /** Wasm pages are 64 KiB: the default bound is 256 MiB per instance. */
    public static final int DEFAULT_MAX_PAGES = 4096;

    /** The default bound on one evaluation's wall-clock time. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    /** An instance of the module and which data document it has: a string, or a base with some of its patches. */
    private static final class Instance {

        final OpaInstance opa;
        final HostBuiltins builtins;
        Object data;
        int patches;

        Instance(OpaInstance opa, HostBuiltins builtins) {
            this.opa = opa;
            this.builtins = builtins;
        }

        /** Identity: the same document is set once per instance. */
        void use(String json) {
            if (data != json) {
                opa.data(json);
                data = json;
                patches = 0;
            }
        }

        /** The base once per instance, then only the patches it has not applied yet. */
        void use(PolicyData document) {
            if (data != document.base() || patches > document.patches().size()) {
                opa.data(document.base());
                data = document.base();
                patches = 0;
            }
            for (; patches < document.patches().size(); patches++) {
                opa.patch(document.patches().get(patches));
            }
        }
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
        return evaluate(entrypoint, input, instance -> instance.use(data));
    }

    /**
     * Evaluates one entrypoint for one input document, with a data document that changes by patches: an instance
     * that has an earlier version of it applies only the patches since.
     */
    public String evaluate(String entrypoint, String input, PolicyData data) {
        return evaluate(entrypoint, input, instance -> instance.use(data));
    }

    private String evaluate(String entrypoint, String input, Consumer<Instance> withData) {
        Instance instance = borrow();
        try {
            // Paved's own document, not the policy's doing: outside the bound (a large catalog takes seconds)
            withData.accept(instance);
        } catch (RuntimeException e) {
            created.decrementAndGet();
            String why = e.getMessage() != null && e.getMessage().contains("opa_malloc")
                    ? "it does not fit in " + (maxPages / 16) + " MiB of memory" : e.getMessage();
            throw new PolicyException("load the data document into the policy: " + why, e);
        }
        boolean healthy = false;
        Thread evaluating = Thread.currentThread();
        ScheduledFuture<?> alarm = watchdog.schedule(evaluating::interrupt, timeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            instance.builtins.startEvaluation();
            String result = instance.opa.evaluate(entrypointId(instance, entrypoint), input);
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
            ids = Map.copyOf(instance.opa.entrypoints());
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
        return new Instance(new OpaInstance(compiled.wasm(), builtins.forSdk(), maxPages), builtins);
    }

    /**
     * Lets go of idle instances beyond one: after a large check on every core, each instance holds its own copy of
     * the data document, which a long-running process need not keep for checks of a few documents.
     */
    public void shrink() {
        while (idle.size() > 1) {
            if (idle.poll() != null) {
                created.decrementAndGet();
            }
        }
    }

    @Override
    public void close() {
        idle.clear();
        watchdog.shutdownNow();
    }
}
