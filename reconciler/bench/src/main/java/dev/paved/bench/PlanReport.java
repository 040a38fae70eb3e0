package dev.paved.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Renders the no-op plan figures as a table for people and as JSON for tools. */
final class PlanReport {

    /** The note's target: a no-op plan of 10,000 services in three environments, as a fresh process. */
    static final int TARGET_SERVICES = 10_000;
    static final double TARGET_MS = 3000;

    private static final String ROW = "%8s  %9s  %17s  %17s  %13s  %9s  %8s  %10s%n";

    private PlanReport() {
    }

    static String table(List<PlanResult> results) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, ROW, "services", "resources", "fresh-wall-median", "runs(min-max)",
                "throughput", "peak-heap", "cpu/wall", "apply-once"));
        for (PlanResult r : results) {
            double min = r.freshWallRunsMs().stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
            double max = r.freshWallRunsMs().stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
            out.append(String.format(Locale.ROOT, ROW, r.services(), r.resources(), ms(r.freshWallMs()),
                    String.format(Locale.ROOT, "%.0f-%.0f ms", min, max),
                    String.format(Locale.ROOT, "%.0f res/s", r.resourcesPerSecond()),
                    String.format(Locale.ROOT, "%.0f MB", r.peakHeapMb()),
                    String.format(Locale.ROOT, "%.2f", r.cpuPerWall()),
                    r.applyOnceMs() == null ? "reused" : ms(r.applyOnceMs())));
        }
        results.stream().filter(r -> r.services() == TARGET_SERVICES).findFirst().ifPresent(r -> out.append(
                String.format(Locale.ROOT, "target: no-op plan of %,d services under %.0f s: %s (median %s)%n",
                        TARGET_SERVICES, TARGET_MS / 1000, r.freshWallMs() < TARGET_MS ? "met" : "MISSED",
                        ms(r.freshWallMs()))));
        return out.toString();
    }

    static void writeJson(Path file, BenchOptions options, List<PlanResult> results) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("benchmark", "plan-noop");
        report.put("command", "paved plan REPO --state-dir DIR --detailed-exitcode");
        report.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        report.put("availableProcessors", Runtime.getRuntime().availableProcessors());
        report.put("runs", options.runs());
        report.put("seed", options.seed());
        report.put("targetMs", TARGET_MS);
        report.put("results", results);
        JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValue(file, report);
    }

    private static String ms(double millis) {
        return String.format(Locale.ROOT, "%.0f ms", millis);
    }
}
