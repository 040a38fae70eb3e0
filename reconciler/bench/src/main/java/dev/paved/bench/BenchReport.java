package dev.paved.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Renders the results as a table for people and as JSON for tools. */
final class BenchReport {

    private static final String ROW = "%8s  %17s  %12s  %9s  %8s  %10s  %10s  %10s  %6s%n";

    private BenchReport() {
    }

    static String table(List<SizeResult> results) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, ROW, "services", "fresh-wall-median", "throughput", "peak-heap",
                "cpu/wall", "xmx512m", "parse-only", "pipeline", "ratio"));
        for (SizeResult r : results) {
            out.append(String.format(Locale.ROOT, ROW, r.services(), ms(r.freshWallMs()),
                    String.format(Locale.ROOT, "%.0f svc/s", r.servicesPerSecond()),
                    String.format(Locale.ROOT, "%.0f MB", r.peakHeapMb()),
                    String.format(Locale.ROOT, "%.2f", r.cpuPerWall()),
                    r.fitsIn512m() ? "ok" : "FAIL(" + r.xmx512mExit() + ")", ms(r.parseOnlyMs()),
                    ms(r.pipelineMs()), String.format(Locale.ROOT, "%.1fx", r.pipelineOverParse())));
        }
        return out.toString();
    }

    static void writeJson(Path file, BenchOptions options, List<SizeResult> results) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("benchmark", "validate");
        report.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        report.put("availableProcessors", Runtime.getRuntime().availableProcessors());
        report.put("runs", options.runs());
        report.put("warmups", options.warmups());
        report.put("seed", options.seed());
        report.put("results", results);
        JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValue(file, report);
    }

    private static String ms(double millis) {
        return String.format(Locale.ROOT, "%.0f ms", millis);
    }
}
