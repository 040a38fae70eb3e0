package dev.paved.bench;

import java.util.List;

/**
 * Every figure of the no-op plan benchmark for one repo size; times in milliseconds, memory in MB (2^20 bytes).
 *
 * @param resources          resources planned (all unchanged), from {@code paved plan -o json}
 * @param freshWallMs        median wall time of a fresh {@code paved plan --detailed-exitcode} process
 * @param resourcesPerSecond resources divided by that median
 * @param peakHeapMb         median of the children's summed peak heap pool use
 * @param cpuPerWall         median of child CPU time over wall time; above 1 means more than one core worked
 * @param applyOnceMs        the one-time in-process apply that made the state, or null when it was reused
 */
record PlanResult(int services, int files, int resources, double freshWallMs, double resourcesPerSecond,
                  double peakHeapMb, double cpuPerWall, Double applyOnceMs, List<Double> freshWallRunsMs,
                  List<Integer> exits) {

    private static final double MB = 1024.0 * 1024.0;

    static PlanResult of(int services, int files, PlanState state, List<ProbeRun> fresh) {
        double wall = Stats.millis(Stats.median(fresh, ProbeRun::wallNanos));
        return new PlanResult(services, files, state.resources(), wall, state.resources() / (wall / 1000.0),
                Stats.median(fresh, run -> run.peakHeapBytes() / MB), Stats.median(fresh, ProbeRun::cpuPerWall),
                state.applyMs(), fresh.stream().map(run -> Stats.millis(run.wallNanos())).toList(),
                fresh.stream().map(ProbeRun::exit).toList());
    }
}
