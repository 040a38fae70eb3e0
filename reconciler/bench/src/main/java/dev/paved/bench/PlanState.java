package dev.paved.bench;

import dev.paved.cli.Main;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The live state a no-op plan is measured against: the synthetic repo applied once, in-process, into
 * {@code <out>/plan-state-<services>} (the embedded filesystem provider and the journal). An existing state
 * directory is reused as long as a plan of the repo against it is still a no-op; otherwise the repo is applied
 * again over it.
 *
 * @param dir       the state directory, for {@code --state-dir}
 * @param resources resources a plan of the repo covers, all unchanged
 * @param applyMs   how long the one-time apply took, or null when the state was reused
 */
record PlanState(Path dir, int resources, Double applyMs) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static PlanState prepare(Path out, Path repo, int services, PrintStream log) {
        Path dir = out.resolve("plan-state-" + services);
        if (Files.isDirectory(dir)) {
            JsonNode summary = summary(repo, dir);
            if (noop(summary)) {
                log.printf("reusing %s (%d resources, no changes)%n", dir, summary.path("noop").asInt());
                return new PlanState(dir, summary.path("noop").asInt(), null);
            }
            log.printf("%s: a plan is not a no-op (%s); applying the repo again%n", dir, summary);
        }
        log.printf("%d services: applying %s into %s once (in-process)%n", services, repo, dir);
        long started = System.nanoTime();
        Invocation apply = paved("apply", repo.toString(), "--auto-approve", "--state-dir", dir.toString());
        double applyMs = Stats.millis(System.nanoTime() - started);
        if (apply.exit() != 0) {
            throw new IllegalStateException("paved apply " + repo + " exited " + apply.exit() + ":\n"
                    + tail(apply.out()) + apply.err());
        }
        JsonNode summary = summary(repo, dir);
        if (!noop(summary)) {
            throw new IllegalStateException("paved apply " + repo + " did not converge: a plan right after it has"
                    + " changes: " + summary);
        }
        log.printf("%d services: applied %d resources in %.0f ms%n", services, summary.path("noop").asInt(), applyMs);
        return new PlanState(dir, summary.path("noop").asInt(), applyMs);
    }

    /** The {@code summary} of {@code paved plan -o json}: create, update, replace, delete, noop, orphans. */
    private static JsonNode summary(Path repo, Path dir) {
        Invocation plan = paved("plan", repo.toString(), "-o", "json", "--state-dir", dir.toString());
        if (plan.exit() != 0) {
            throw new IllegalStateException("paved plan " + repo + " --state-dir " + dir + " exited " + plan.exit()
                    + ":\n" + plan.err());
        }
        return JSON.readTree(plan.out()).path("summary");
    }

    private static boolean noop(JsonNode summary) {
        return summary.path("noop").asInt() > 0 && summary.path("create").asInt() == 0
                && summary.path("update").asInt() == 0 && summary.path("replace").asInt() == 0
                && summary.path("delete").asInt() == 0;
    }

    private record Invocation(int exit, String out, String err) {
    }

    private static Invocation paved(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.execute(Main.plainTerminal(new PrintWriter(out), new PrintWriter(err)), args);
        return new Invocation(exit, out.toString(), err.toString());
    }

    private static String tail(String text) {
        return text.length() <= 4000 ? text : "..." + text.substring(text.length() - 4000);
    }
}
