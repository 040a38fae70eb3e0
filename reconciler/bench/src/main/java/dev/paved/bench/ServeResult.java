package dev.paved.bench;

import java.util.List;

/**
 * The figures of one repo size; times in milliseconds, memory in MB (2^20 bytes).
 *
 * @param firstCycleMs  process start to the first commit applied from empty state (JVM start included)
 * @param appliedMs     per change: webhook sent to the commit shown as {@code lastGood} by {@code /api/status}
 * @param rssMb         daemon resident memory after the changes (VmRSS)
 * @param peakRssMb     its peak over the daemon's life (VmHWM)
 */
record ServeResult(int services, int files, double firstCycleMs, List<Double> appliedMs, double rssMb,
                   double peakRssMb) {

    ServeResult {
        appliedMs = List.copyOf(appliedMs);
    }

    double medianMs() {
        return Stats.median(appliedMs, Double::doubleValue);
    }

    double minMs() {
        return appliedMs.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    double maxMs() {
        return appliedMs.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }
}
