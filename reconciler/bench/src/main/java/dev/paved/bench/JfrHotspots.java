package dev.paved.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.Configuration;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a recorded run spent its CPU, from a JFR file's execution samples: the methods most often on top of the
 * stack (self time), and Paved's own methods by how many samples they are anywhere in (total time).
 */
final class JfrHotspots {

    private static final String OWN = "dev.paved.";
    /** The command line and the probe: on every stack, so they say nothing. */
    private static final String ENTRY = "dev.paved.cli.";
    private static final String PROBE = "dev.paved.bench.";

    private JfrHotspots() {
    }

    /**
     * JFR's {@code profile} settings with Java methods sampled every millisecond instead of every 10-20 ms, so
     * that a run of a few seconds gives thousands of samples; written to {@code dir}, for
     * {@code -XX:StartFlightRecording=settings=<file>}.
     */
    static Path settings(Path dir) throws IOException, ParseException {
        String profile = Configuration.getConfiguration("profile").getContents();
        String fast = profile.replaceAll("(control=\"method-sampling-java-interval\">)[^<]*<", "$11 ms<");
        return Files.writeString(dir.resolve("profile-1ms.jfc"), fast, StandardCharsets.UTF_8);
    }

    static String summary(Path recording, int top) throws IOException {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> total = new HashMap<>();
        Map<String, Integer> threads = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            samples++;
            self.merge(name(frames.get(0).getMethod()), 1, Integer::sum);
            String thread = event.getThread("sampledThread") == null ? "?"
                    : event.getThread("sampledThread").getJavaName();
            threads.merge(thread == null ? "?" : thread.replaceAll("-\\d+$", "-N"), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame frame : frames) {
                String method = name(frame.getMethod());
                if (counts(method) && seen.add(method)) {
                    total.merge(method, 1, Integer::sum);
                }
            }
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%s: %d execution samples%n", recording,
                samples));
        append(out, "top of stack (self)", self, samples, top);
        append(out, "Paved methods anywhere on the stack (total; cli and probe frames left out)", total, samples,
                2 * top);
        append(out, "threads", threads, samples, top);
        return out.toString();
    }

    private static void append(StringBuilder out, String title, Map<String, Integer> counts, int samples, int top) {
        out.append("  ").append(title).append(":\n");
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(entry -> out.append(String.format(Locale.ROOT, "    %5.1f%%  %s%n",
                        100.0 * entry.getValue() / Math.max(1, samples), entry.getKey())));
    }

    private static boolean counts(String method) {
        return method.startsWith(OWN) && !method.startsWith(ENTRY) && !method.startsWith(PROBE);
    }

    private static String name(RecordedMethod method) {
        return method == null ? "?" : method.getType().getName() + "." + method.getName();
    }
}
