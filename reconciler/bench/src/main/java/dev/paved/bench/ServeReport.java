package dev.paved.bench;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The serve benchmark's table and issue 5's targets, each MET or MISSED as measured. */
final class ServeReport {

    static final double TARGET_MS = 1000;
    static final double TARGET_RATIO = 1.5;
    static final double TARGET_RSS_MB = 512;

    private ServeReport() {
    }

    static String table(List<ServeResult> results, String loadBefore, String loadAfter) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%9s %7s %12s %27s %9s %10s%n", "services", "files", "first cycle",
                "webhook to applied (ms)", "RSS MB", "peak RSS"));
        out.append(String.format(Locale.ROOT, "%9s %7s %12s %9s %8s %8s %9s %10s%n", "", "", "ms", "median", "min",
                "max", "", "MB"));
        for (ServeResult r : results) {
            out.append(String.format(Locale.ROOT, "%9d %7d %12.0f %9.0f %8.0f %8.0f %9.0f %10.0f%n", r.services(),
                    r.files(), r.firstCycleMs(), r.medianMs(), r.minMs(), r.maxMs(), r.rssMb(), r.peakRssMb()));
        }
        out.append("load average (1, 5, 15 min): before ").append(loadBefore).append(", after ").append(loadAfter)
                .append(" on ").append(Runtime.getRuntime().availableProcessors()).append(" cores\n");
        List<String> jvm = new java.util.ArrayList<>(List.of("@" + FreshProcessBench.SERVE_OPTIONS));
        jvm.addAll(ServeDaemon.extraOptions());
        out.append("daemon JVM options: ").append(String.join(" ", jvm))
                .append(" (the launcher's; PAVED_JAVA_OPTS adds to them)\n");
        out.append("targets (issue 5):\n");
        for (ServeResult r : results) {
            out.append(String.format(Locale.ROOT, "  %-6s webhook to applied under 1 s, %d services: median %.0f ms,"
                    + " max %.0f ms%n", verdict(r.maxMs() < TARGET_MS), r.services(), r.medianMs(), r.maxMs()));
        }
        Optional<ServeResult> small = size(results, 1000);
        Optional<ServeResult> large = size(results, 10_000);
        if (small.isPresent() && large.isPresent()) {
            double ratio = large.get().medianMs() / small.get().medianMs();
            out.append(String.format(Locale.ROOT, "  %-6s 10,000 within 1.5x of 1,000 (medians): %.2fx%n",
                    verdict(ratio <= TARGET_RATIO), ratio));
        } else {
            out.append("  n/a    10,000 within 1.5x of 1,000: measure both sizes\n");
        }
        large.ifPresentOrElse(r -> out.append(String.format(Locale.ROOT, "  %-6s resident memory with 10,000"
                        + " services under 512 MB: peak %.0f MB (%.0f MB after the changes)%n",
                        verdict(r.peakRssMb() < TARGET_RSS_MB), r.peakRssMb(), r.rssMb())),
                () -> out.append("  n/a    resident memory with 10,000 services: measure 10,000\n"));
        return out.toString();
    }

    private static Optional<ServeResult> size(List<ServeResult> results, int services) {
        return results.stream().filter(r -> r.services() == services).findFirst();
    }

    private static String verdict(boolean met) {
        return met ? "MET" : "MISSED";
    }
}
