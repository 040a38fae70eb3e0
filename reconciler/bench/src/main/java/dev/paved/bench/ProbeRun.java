package dev.paved.bench;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One run of {@link ProcessProbe} as the parent saw it.
 *
 * @param wallNanos     process start to exit, measured by the parent
 * @param peakHeapBytes the child's summed peak heap pool use, or -1 when it did not report
 * @param cpuNanos      the child's process CPU time at the end of its main, or -1 when it did not report
 * @param exit          the child's exit code
 */
record ProbeRun(long wallNanos, long peakHeapBytes, long cpuNanos, int exit) {

    private static final Pattern LINE = Pattern.compile(
            "PROBE peakHeapBytes=(\\d+) cpuNanos=(-?\\d+) exit=(-?\\d+)");

    /** Reads the probe's line out of the child's standard error; a child that died early reports nothing. */
    static ProbeRun parse(long wallNanos, int processExit, String stderr) {
        Matcher matcher = LINE.matcher(stderr);
        if (!matcher.find()) {
            return new ProbeRun(wallNanos, -1, -1, processExit);
        }
        return new ProbeRun(wallNanos, Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)),
                processExit);
    }

    boolean succeeded() {
        return exit == 0;
    }

    double cpuPerWall() {
        return cpuNanos < 0 ? Double.NaN : (double) cpuNanos / wallNanos;
    }
}
