package dev.paved.bench;

import java.util.List;

/**
 * Every figure for one repo size; times in milliseconds, memory in MB (2^20 bytes).
 *
 * @param freshWallMs        median wall time of a fresh {@code paved validate} process
 * @param servicesPerSecond  services divided by that median
 * @param peakHeapMb         median of the children's summed peak heap pool use
 * @param cpuPerWall         median of child CPU time over wall time; above 1 means more than one core worked
 * @param xmx512mExit        exit code of one run under {@code -Xmx512m} (0: it fitted)
 * @param parseOnlyMs        median in-process time to list, read and parse every file with a plain YAMLMapper
 * @param pipelineMs         median in-process time of the full validation pipeline
 * @param pipelineOverParse  pipelineMs / parseOnlyMs
 */
record SizeResult(int services, int files, long bytes, double freshWallMs, double servicesPerSecond,
                  double peakHeapMb, double cpuPerWall, int xmx512mExit, double xmx512mWallMs,
                  double xmx512mPeakHeapMb, double parseOnlyMs, double pipelineMs, double pipelineOverParse,
                  List<Double> freshWallRunsMs, List<Double> parseOnlyRunsMs, List<Double> pipelineRunsMs) {

    private static final double MB = 1024.0 * 1024.0;

    static SizeResult of(int services, int files, long bytes, List<ProbeRun> fresh, ProbeRun xmx512m,
                         InProcessBench.Result inProcess) {
        double wall = Stats.millis(Stats.median(fresh, ProbeRun::wallNanos));
        double parse = Stats.millis(inProcess.parseOnlyNanos());
        double pipeline = Stats.millis(inProcess.pipelineNanos());
        return new SizeResult(services, files, bytes, wall, services / (wall / 1000.0),
                Stats.median(fresh, run -> run.peakHeapBytes() / MB), Stats.median(fresh, ProbeRun::cpuPerWall),
                xmx512m.exit(), Stats.millis(xmx512m.wallNanos()), xmx512m.peakHeapBytes() / MB, parse, pipeline,
                pipeline / parse, fresh.stream().map(run -> Stats.millis(run.wallNanos())).toList(),
                millis(inProcess.parseOnlyRuns()), millis(inProcess.pipelineRuns()));
    }

    boolean fitsIn512m() {
        return xmx512mExit == 0;
    }

    private static List<Double> millis(List<Long> nanos) {
        return nanos.stream().map(Stats::millis).toList();
    }
}
