package dev.paved.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.paved.cli.Main;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * Runs the real {@code paved} command line in a fresh JVM, then reports what it cost on standard error as one
 * line, {@code PROBE peakHeapBytes=<n> cpuNanos=<n> exit=<code>}, for {@link FreshProcessBench} to read.
 */
public final class ProcessProbe {

    static final String PREFIX = "PROBE ";

    private ProcessProbe() {
    }

    public static void main(String[] args) {
        int exit = -1;
        try {
            exit = Main.run(args);
        } catch (Throwable t) { // an OutOfMemoryError under -Xmx is a result here, not a crash
            t.printStackTrace();
            exit = 99;
        } finally {
            System.err.println(PREFIX + "peakHeapBytes=" + peakHeapBytes() + " cpuNanos=" + cpuNanos() + " exit=" + exit);
        }
        System.exit(exit);
    }

    /** The sum over heap pools of each pool's peak use; pools peak at different times, so this is an upper bound. */
    private static long peakHeapBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private static long cpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
