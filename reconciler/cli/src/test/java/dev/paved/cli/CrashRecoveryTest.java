package dev.paved.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.paved.cli.ValidateCommandTest.Run;
import dev.paved.cli.dev.SyntheticRepoGenerator;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.io.TempDirFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real {@code paved apply} in a child JVM, killed with SIGKILL at several points of an apply of several
 * hundred resources; a second apply must then converge with nothing created twice and nothing lost, and the
 * journal must tell the truth about what the killed run finished.
 */
class CrashRecoveryTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long CHILD_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(30);

    @TempDir(factory = TmpfsFirst.class)
    static Path shared;

    private static Path repo;
    /** Every resource the repo declares, as {@code <instance> <env>/<type>/<name>}. */
    private static Set<String> desired;

    /**
     * When to kill the child: once the journal has {@code journalLines} lines, or, when that is 0,
     * {@code delayMillis} after start (before it has printed or journaled anything). {@code saved}: the child
     * applies a plan saved with {@code paved plan --out}, and so does the second apply, which resumes it.
     */
    record KillPoint(int journalLines, long delayMillis, boolean saved) {

        @Override
        public String toString() {
            return (saved ? "saved plan, " : "") + (journalLines > 0 ? "killed once the journal has " + journalLines
                    + " line(s)" : "killed " + delayMillis + " ms after start, before any output");
        }
    }

    static Stream<KillPoint> killPoints() {
        return Stream.of(new KillPoint(0, ThreadLocalRandom.current().nextLong(0, 400), false),
                new KillPoint(1, 0, false), new KillPoint(40, 0, false), new KillPoint(200, 0, false),
                new KillPoint(200, 0, true));
    }

    @BeforeAll
    static void generateRepoAndPlanItFromNothing() throws IOException {
        repo = shared.resolve("repo");
        SyntheticRepoGenerator.generate(repo, 150, 7);
        Run plan = ValidateCommandTest.run("plan", repo.toString(), "-o", "json", "--state-dir",
                shared.resolve("empty-state").toString());
        assertThat(plan.exitCode()).as(plan.err()).isZero();
        JsonNode json = JSON.readTree(plan.out());
        desired = new HashSet<>();
        json.path("changes").forEach(change -> desired.add(change.path("instance").asString() + " "
                + change.path("address").asString()));
        assertThat(desired).hasSize(json.path("summary").path("create").asInt()).hasSizeGreaterThan(400);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("killPoints")
    void applyAgainAfterAKillConvergesWithNothingDuplicatedOrLost(KillPoint point,
                                                                  @TempDir(factory = TmpfsFirst.class) Path temp,
                                                                  TestReporter reporter) throws Exception {
        Path state = temp.resolve("state");
        Path journal = state.resolve("journal.jsonl");
        Path target = point.saved() ? temp.resolve("plan.json") : repo;
        if (point.saved()) {
            assertThat(paved(state, "plan", repo.toString(), "--out", target.toString()).exitCode()).isZero();
        }
        killApply(point, target, state, temp);
        JournalLines killed = JournalLines.read(journal, 0);
        assertThat(killed.completions()).as("the killed run must not have finished its apply").isZero();
        Set<String> presentAfterKill = addresses(liveFiles(state).resources());
        assertThat(presentAfterKill).as("a step journaled done is in live state").containsAll(killed.done());

        Run again = paved(state, "apply", target.toString(), "--auto-approve");

        assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
        int created = point.saved() ? desired.size() : desired.size() - presentAfterKill.size();
        assertThat(again.out()).contains("Apply complete: " + created + " created, 0 updated, 0 replaced, 0 deleted.");
        assertThat(again.out().split("finished by an earlier, interrupted apply", -1))
                .as("steps the killed run finished are skipped").hasSize(point.saved() ? killed.done().size() + 1 : 1);
        Run plan = paved(state, "plan", repo.toString(), "--detailed-exitcode");
        assertThat(plan.exitCode()).as(plan.out() + plan.err()).isZero();
        assertThat(plan.out()).startsWith("No changes. " + desired.size() + " resources up to date.");

        LiveFiles live = liveFiles(state);
        assertThat(live.resources()).as("one file per desired resource, no more, no less")
                .containsExactlyInAnyOrderElementsOf(desired);
        assertThat(addresses(live.resources())).as("every key once, across instances").hasSize(desired.size());
        JournalLines rerun = JournalLines.read(journal, killed.bytes());
        assertThat(rerun.completions()).isEqualTo(1);
        assertThat(rerun.lastState()).isEqualTo("applied");
        Set<String> redone = new HashSet<>(rerun.started());
        redone.retainAll(presentAfterKill);
        Set<String> inFlight = new HashSet<>(killed.started());
        inFlight.removeAll(killed.done());
        assertThat(redone).as("only steps in flight at the kill are run again, and only by a resumed plan")
                .isSubsetOf(point.saved() ? inFlight : Set.of());
        Set<String> converged = new HashSet<>(presentAfterKill);
        converged.addAll(rerun.done());
        assertThat(converged).as("every resource was created by one of the two runs")
                .containsExactlyInAnyOrderElementsOf(addresses(desired));
        reporter.publishEntry(point + ": journal lines at kill", String.valueOf(killed.lines()));
        reporter.publishEntry(point + ": resources present after the kill", String.valueOf(presentAfterKill.size()));
        reporter.publishEntry(point + ": torn journal line", String.valueOf(killed.torn()));
        assertThat(live.temps()).as("a killed write's temporary file is replaced by the re-run's write").isEmpty();
    }

    private static Run paved(Path state, String... args) {
        return ValidateCommandTest.run(Stream.concat(Stream.of(args), Stream.of("--state-dir", state.toString()))
                .toArray(String[]::new));
    }

    /** Starts the real CLI in a child JVM and kills it at the point; fails when the point is never reached. */
    private static void killApply(KillPoint point, Path target, Path state, Path temp)
            throws IOException, InterruptedException {
        Path stdout = temp.resolve("child.out");
        ProcessBuilder builder = new ProcessBuilder(childCommand(target, state)).directory(temp.toFile())
                .redirectOutput(stdout.toFile()).redirectError(temp.resolve("child.err").toFile());
        builder.environment().remove("PAVED_CONFIG");
        long started = System.nanoTime();
        Process child = builder.start();
        try (JournalTail tail = new JournalTail(state.resolve("journal.jsonl"))) {
            while (point.journalLines() > 0 ? tail.lines() < point.journalLines()
                    : System.nanoTime() - started < TimeUnit.MILLISECONDS.toNanos(point.delayMillis())) {
                if (!child.isAlive() || System.nanoTime() - started > CHILD_TIMEOUT_NANOS) {
                    child.destroyForcibly().waitFor();
                    fail("%s: never reached: the child %s with %d journal line(s); stderr:%n%s", point,
                            child.exitValue() == 0 ? "finished its apply" : "exited " + child.exitValue(),
                            tail.lines(), Files.readString(temp.resolve("child.err")));
                }
                Thread.sleep(1);
            }
            boolean quiet = point.journalLines() > 0 || Files.size(stdout) == 0 && tail.lines() == 0;
            child.destroyForcibly();
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).as("the killed child exits").isTrue();
            assertThat(quiet).as("%s: the child had already printed or journaled something", point).isTrue();
            assertThat(child.exitValue()).as("%s: the child was killed, it did not exit by itself", point)
                    .isNotZero();
        }
    }

    private static List<String> childCommand(Path target, Path state) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        String repoRoot = System.getProperty("paved.repoRoot");
        Path launcherOptions = repoRoot == null ? null : Path.of(repoRoot, "reconciler/cli/jvm/cli.jvmopts");
        if (launcherOptions != null && Files.isRegularFile(launcherOptions)) {
            command.add("@" + launcherOptions);
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "apply",
                target.toString(), "--auto-approve", "--state-dir", state.toString(), "--parallelism", "4"));
        return command;
    }

    private static Set<String> addresses(Set<String> instanceAndAddress) {
        Set<String> addresses = new HashSet<>();
        instanceAndAddress.forEach(entry -> addresses.add(entry.substring(entry.indexOf(' ') + 1)));
        return addresses;
    }

    /** Resource files as {@code <instance> <address>}, each checked to be Paved's; temp files left by a kill. */
    record LiveFiles(Set<String> resources, List<String> temps) {
    }

    private static LiveFiles liveFiles(Path state) throws IOException {
        Path live = state.resolve("live");
        Set<String> resources = new HashSet<>();
        List<String> temps = new ArrayList<>();
        if (!Files.isDirectory(live)) {
            return new LiveFiles(resources, temps);
        }
        try (Stream<Path> paths = Files.walk(live)) {
            for (Path file : paths.filter(Files::isRegularFile).toList()) {
                String relative = live.relativize(file).toString().replace('\\', '/');
                String name = file.getFileName().toString();
                if (name.startsWith(".") && name.endsWith(".tmp")) {
                    temps.add(relative);
                    continue;
                }
                assertThat(name).as("a stray file in live state: %s", relative).endsWith(".json");
                JsonNode document = JSON.readTree(file.toFile());
                String address = relative.substring(relative.indexOf('/') + 1, relative.length() - ".json".length());
                assertThat(document.path("managedBy").asString()).as(relative).isEqualTo("paved");
                assertThat(document.path("key").asString()).as(relative).isEqualTo(address);
                assertThat(resources.add(relative.substring(0, relative.indexOf('/')) + " " + address)).isTrue();
            }
        }
        return new LiveFiles(resources, temps);
    }

    /**
     * The journal from byte {@code from} on: every line must be JSON except a torn one, which a kill can leave
     * at the end of a run (and the next run then appends to).
     */
    record JournalLines(long bytes, int lines, boolean torn, Set<String> started, Set<String> done, int completions,
                        String lastState) {

        static JournalLines read(Path journal, long from) throws IOException {
            byte[] all = Files.exists(journal) ? Files.readAllBytes(journal) : new byte[0];
            String text = new String(all, (int) from, all.length - (int) from, StandardCharsets.UTF_8);
            Set<String> started = new HashSet<>();
            Set<String> done = new HashSet<>();
            int lines = 0;
            int completions = 0;
            int unparsable = 0;
            String lastState = null;
            for (String line : text.split("\n", -1)) {
                if (line.isEmpty()) {
                    continue;
                }
                JsonNode entry;
                try {
                    entry = JSON.readTree(line);
                } catch (RuntimeException torn) {
                    unparsable++;
                    continue;
                }
                lines++;
                lastState = entry.path("state").asString();
                if (!entry.has("key")) {
                    completions++;
                } else if (lastState.equals("started")) {
                    started.add(entry.path("key").asString());
                } else if (lastState.equals("done")) {
                    done.add(entry.path("key").asString());
                }
            }
            boolean tornTail = !text.isEmpty() && !text.endsWith("\n");
            assertThat(unparsable).as("unparsable journal lines besides one torn by the kill: %s", journal)
                    .isLessThanOrEqualTo(tornTail ? 1 : 0);
            return new JournalLines(all.length, lines, tornTail, started, done, completions, lastState);
        }
    }

    /**
     * Temporary directories on tmpfs where there is one. A SIGKILL leaves the page cache as it is on any file
     * system, so the crash is the same; only the thousands of fsyncs of an apply cost nothing there.
     */
    static final class TmpfsFirst implements TempDirFactory {

        @Override
        public Path createTempDirectory(AnnotatedElementContext element, ExtensionContext extension)
                throws IOException {
            Path tmpfs = Path.of("/dev/shm");
            return Files.isDirectory(tmpfs) && Files.isWritable(tmpfs)
                    ? Files.createTempDirectory(tmpfs, "paved-crash-") : Files.createTempDirectory("paved-crash-");
        }
    }

    /** Counts the journal's lines as the child writes them, reading only what is new. */
    private static final class JournalTail implements AutoCloseable {

        private final Path file;
        private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        private FileChannel channel;
        private int lines;

        JournalTail(Path file) {
            this.file = file;
        }

        int lines() throws IOException {
            if (channel == null) {
                if (!Files.exists(file)) {
                    return 0;
                }
                channel = FileChannel.open(file);
            }
            while (channel.read(buffer.clear()) > 0) {
                for (int i = 0; i < buffer.position(); i++) {
                    lines += buffer.get(i) == '\n' ? 1 : 0;
                }
            }
            return lines;
        }

        @Override
        public void close() throws IOException {
            if (channel != null) {
                channel.close();
            }
        }
    }
}
