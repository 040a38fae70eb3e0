package dev.paved.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.paved.cli.dev.RepoCleaner;
import dev.paved.cli.dev.SyntheticRepoGenerator;
import dev.paved.core.testing.GitFixture;
import dev.paved.provider.Secret;
import dev.paved.provider.postgres.PostgresExtension;
import dev.paved.provider.postgres.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * High availability end to end: two real {@code paved serve} processes (replicas) on one real PostgreSQL state store
 * (a throwaway cluster), one Git repository as the remote, and one live directory of the filesystem provider (each
 * replica has a state directory of its own, whose {@code live} is a link to the shared one). Replicas run one cycle
 * at a time whichever of them is asked; when the one applying is killed (SIGKILL) in the middle of an apply, the
 * other takes its cycle over and finishes it, and nothing is applied twice.
 */
@ExtendWith(PostgresExtension.class)
class ServeReplicasTest {

    private static final String TOKEN = "api-token-for-replica-tests";
    private static final String ROLE = "paved_replicas";
    private static final Secret PASSWORD = Secret.of("replicas-store-password-7a41c2");
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Services of the big commit: its apply must take long enough to be killed in the middle. */
    private static final int SERVICES = 100;
    /** Steps the active replica has applied when it is killed. */
    private static final int DONE_BEFORE_KILL = 40;

    @TempDir
    Path temp;

    private final TestPostgres postgres;
    private final String database = "replicas_" + DATABASES.incrementAndGet();
    private final List<ServeProcess> replicas = new ArrayList<>();
    private GitFixture remote;

    ServeReplicasTest(TestPostgres postgres) throws SQLException {
        this.postgres = postgres;
        try (Connection admin = postgres.admin("postgres"); Statement statement = admin.createStatement()) {
            try (ResultSet roles = statement.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + ROLE + "'")) {
                if (!roles.next()) {
                    statement.execute("CREATE ROLE " + ROLE + " LOGIN PASSWORD '" + PASSWORD.reveal() + "'");
                }
            }
            statement.execute("CREATE DATABASE " + database + " OWNER " + ROLE);
        }
    }

    @BeforeEach
    void remote() throws IOException {
        remote = GitFixture.init(generate(temp.resolve("remote"), 3));
        remote.commit("three services");
    }

    @AfterEach
    void stop() throws Exception {
        for (ServeProcess replica : replicas) {
            replica.close();
        }
        remote.close();
        try (Connection admin = postgres.admin("postgres"); Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE " + database + " WITH (FORCE)");
        }
    }

    @Test
    void cyclesNeverOverlapWhicheverReplicaIsAskedAndOneReplicaIsActive() throws Exception {
        List<ServeProcess> both = startReplicas();
        for (int round = 0; round < 2; round++) {
            for (ServeProcess replica : both) {
                assertThat(replica.post("/api/sync", TOKEN, null).statusCode()).isEqualTo(202);
            }
        }

        List<RunRow> runs = awaitRuns("four API cycles have run, and no run is in progress", all -> all.stream()
                .filter(run -> run.trigger().equals("api") && run.finished() != null).count() == 4
                && all.stream().allMatch(run -> run.finished() != null));

        assertNoOverlap(runs);
        assertThat(runs).as("no run was ended by another replica's starting: none overlapped")
                .noneMatch(run -> run.message() != null && run.message().startsWith("abandoned"));
        assertThat(runs).allSatisfy(run -> assertThat(both).as("the replica of %s", run)
                .anyMatch(replica -> names(run.replica(), replica)));
        // the roles are read one replica at a time: a run that starts in between (a cluster trigger) moves the
        // active role, so they are read again until no run started while they were read
        Set<String> roles = new HashSet<>();
        List<String> said = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (List<RunRow> before = runs; ; before = runs()) {
            roles.clear();
            said.clear();
            for (ServeProcess replica : both) {
                var ready = replica.get("/readyz");
                assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
                roles.add(JSON.readTree(ready.body()).path("role").asString());
                said.add(ready.body());
            }
            if (runs().equals(before) || System.nanoTime() > deadline) {
                break;
            }
        }
        assertThat(roles).as("the replica that ran the newest run is active, the other one is on standby: %s; runs %s",
                said, runs()).containsExactlyInAnyOrder("active", "standby");
    }

    @Test
    void whenTheReplicaApplyingIsKilledTheOtherTakesOverAndNothingIsAppliedTwice() throws Exception {
        List<ServeProcess> both = startReplicas();
        generate(remote.workTree(), SERVICES);
        remote.commit(SERVICES + " services");
        ServeProcess standby = role(both.get(0)).equals("standby") ? both.get(0) : both.get(1);
        assertThat(standby.post("/api/sync", TOKEN, null).statusCode()).as("a standby takes a sync too")
                .isEqualTo(202);

        RunRow applying = awaitApplying();
        ServeProcess active = both.stream().filter(replica -> names(applying.replica(), replica)).findFirst()
                .orElseThrow();
        ServeProcess survivor = both.get(both.get(0) == active ? 1 : 0);
        active.kill();
        Instant killed = Instant.now();
        Set<String> doneByKilled = doneSteps(applying.id());

        List<RunRow> runs = awaitRuns("the survivor ran the killed replica's cycle", all -> all.stream()
                .anyMatch(run -> run.trigger().equals("recovery") && run.finished() != null));
        RunRow recovery = runs.stream().filter(run -> run.trigger().equals("recovery")).findFirst().orElseThrow();
        System.out.printf("killed after %d steps; the other replica took over %d ms later%n",
                doneByKilled.size(), Duration.between(killed, recovery.started()).toMillis());
        assertThat(names(recovery.replica(), survivor)).as("%s ran on the survivor", recovery).isTrue();
        assertThat(recovery.outcome()).as(recovery.message()).isEqualTo("applied");
        RunRow abandoned = runs.stream().filter(run -> run.id() == applying.id()).findFirst().orElseThrow();
        assertThat(abandoned.outcome()).isEqualTo("failed");
        assertThat(abandoned.message()).startsWith("abandoned: the daemon running it stopped before it ended");

        Set<String> doneBySurvivor = doneSteps(recovery.id());
        assertThat(doneSteps(applying.id())).as("nothing is journaled in the killed replica's name after it died")
                .isEqualTo(doneByKilled);
        Set<String> twice = new HashSet<>(doneByKilled);
        twice.retainAll(doneBySurvivor);
        assertThat(twice).as("no step applied by both replicas").isEmpty();
        assertThat(recovery.changes()).isEqualTo(doneBySurvivor.size());
        Map<String, Instant> written = liveFiles();
        for (String step : doneByKilled) {
            assertThat(written.get(key(step))).as("%s, applied before the kill, is not written again", step)
                    .isBefore(killed);
        }
        written.forEach((key, at) -> {
            if (at.isAfter(killed)) {
                assertThat(doneBySurvivor.stream().map(ServeReplicasTest::key)).as("written after the kill: %s", key)
                        .contains(key);
            }
        });

        assertThat(survivor.post("/api/sync", TOKEN, null).statusCode()).isEqualTo(202);
        RunRow check = awaitRuns("a cycle after the takeover", all -> all.get(all.size() - 1).id() > recovery.id()
                && all.stream().allMatch(run -> run.finished() != null)).stream()
                .filter(run -> run.trigger().equals("api") && run.id() > recovery.id()).reduce((x, y) -> y)
                .orElseThrow();
        assertThat(check.outcome()).as("live state is the commit: %s", check.message()).isEqualTo("no-changes");
        assertNoOverlap(awaitRuns("every run finished", all -> all.stream().allMatch(run -> run.finished() != null)));
        assertThat(role(survivor)).isEqualTo("active");
    }

    /** Starts two replicas at once and waits until both are ready (a cycle has run on one of them). */
    private List<ServeProcess> startReplicas() throws Exception {
        Path live = Files.createDirectories(temp.resolve("live"));
        for (String name : List.of("a", "b")) {
            Path state = Files.createDirectories(temp.resolve("state-" + name));
            Files.createSymbolicLink(state.resolve("live"), live);
            replicas.add(ServeProcess.launch(temp, List.of("--repo", remote.workTree().toString(), "--interval", "1h",
                    "--jitter", "0s", "--state-dir", state.toString()), Map.of(
                    "PAVED_STORE_URL", "jdbc:postgresql://" + postgres.host() + ":" + postgres.port() + "/" + database,
                    "PAVED_STORE_USER", ROLE, "PAVED_STORE_PASSWORD", PASSWORD.reveal(), "PAVED_API_TOKEN", TOKEN)));
        }
        for (ServeProcess replica : replicas) {
            replica.listening().await("/readyz", response -> response.statusCode() == 200);
        }
        return List.copyOf(replicas);
    }

    /** The run the big commit's sync started, once it has applied {@link #DONE_BEFORE_KILL} steps. */
    private RunRow awaitApplying() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            for (RunRow run : runs()) {
                if (run.trigger().equals("api") && run.finished() != null) {
                    fail("the apply of %d services ended before it could be killed: %s", SERVICES, run);
                }
                if (run.trigger().equals("api") && doneSteps(run.id()).size() >= DONE_BEFORE_KILL) {
                    return run;
                }
            }
            Thread.sleep(5);
        }
        throw new AssertionError("no replica started applying; runs: " + runs());
    }

    private static void assertNoOverlap(List<RunRow> runs) {
        List<RunRow> byStart = runs.stream().sorted(Comparator.comparing(RunRow::started)).toList();
        for (int i = 1; i < byStart.size(); i++) {
            RunRow before = byStart.get(i - 1);
            assertThat(before.finished()).as("run %d ended before run %d started", before.id(), byStart.get(i).id())
                    .isBeforeOrEqualTo(byStart.get(i).started());
        }
    }

    private String role(ServeProcess replica) throws Exception {
        return JSON.readTree(replica.get("/api/status").body()).at("/replica/role").asString();
    }

    /** Replica names are {@code host-pid-start}: whether {@code replica} names {@code process}. */
    private static boolean names(String replica, ServeProcess process) {
        String[] parts = replica == null ? new String[0] : replica.split("-");
        return parts.length >= 3 && parts[parts.length - 2].equals(Long.toString(process.pid()));
    }

    record RunRow(long id, String trigger, String replica, Instant started, Instant finished, String outcome,
                  int changes, String message) {
    }

    private List<RunRow> awaitRuns(String what, Predicate<List<RunRow>> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        List<RunRow> runs = runs();
        while (!condition.test(runs)) {
            assertThat(System.nanoTime()).as("%s; runs: %s", what, runs).isLessThan(deadline);
            Thread.sleep(100);
            runs = runs();
        }
        return runs;
    }

    private List<RunRow> runs() throws SQLException {
        List<RunRow> runs = new ArrayList<>();
        try (Connection connection = store(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT id, triggered_by, replica, started_at, finished_at,"
                        + " outcome, changes_applied, message FROM runs ORDER BY id")) {
            while (rows.next()) {
                OffsetDateTime finished = rows.getObject("finished_at", OffsetDateTime.class);
                runs.add(new RunRow(rows.getLong("id"), rows.getString("triggered_by"), rows.getString("replica"),
                        rows.getObject("started_at", OffsetDateTime.class).toInstant(),
                        finished == null ? null : finished.toInstant(), rows.getString("outcome"),
                        rows.getInt("changes_applied"), rows.getString("message")));
            }
        }
        return runs;
    }

    /** The steps run {@code run} journaled as done: {@code env/type/name action}. */
    private Set<String> doneSteps(long run) throws SQLException {
        Set<String> steps = new HashSet<>();
        try (Connection connection = store(); PreparedStatement select = connection.prepareStatement(
                "SELECT resource_key, action FROM apply_journal WHERE run_id = ? AND state = 'done'")) {
            select.setLong(1, run);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    assertThat(steps.add(rows.getString(1) + " " + rows.getString(2))).isTrue();
                }
            }
        }
        return steps;
    }

    private static String key(String step) {
        return step.substring(0, step.indexOf(' '));
    }

    /** Each resource file of the shared live directory by its key ({@code env/type/name}), and when it was written. */
    private Map<String, Instant> liveFiles() throws IOException {
        Path live = temp.resolve("live");
        Map<String, Instant> files = new HashMap<>();
        try (Stream<Path> paths = Files.walk(live)) {
            for (Path file : paths.filter(path -> path.toString().endsWith(".json")).toList()) {
                String relative = live.relativize(file).toString().replace('\\', '/');
                String key = relative.substring(relative.indexOf('/') + 1, relative.length() - ".json".length());
                assertThat(files.put(key, Files.getLastModifiedTime(file).toInstant())).as("one file per key: %s", key)
                        .isNull();
            }
        }
        return files;
    }

    private Connection store() throws SQLException {
        return postgres.connect(database, ROLE, PASSWORD.reveal());
    }

    /**
     * A synthetic platform repo of {@code services} services in {@code dir}, replacing what was there but Git's, rid
     * of the generator's policy errors (the daemon would refuse it).
     */
    private static Path generate(Path dir, int services) throws IOException {
        if (Files.isDirectory(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).filter(path -> !path.equals(dir))
                        .filter(path -> !dir.relativize(path).startsWith(".git")).forEach(path -> path.toFile().delete());
            }
        }
        SyntheticRepoGenerator.generate(dir, services, 7);
        // the daemon runs on the wall clock: without its change windows prod applies whatever the day and time
        Path prod = dir.resolve("environments/prod.yaml");
        Files.writeString(prod, Files.readString(prod).replaceFirst("(?s)  changeWindows:.*?(?=  defaults:)", ""));
        assertThat(Files.readString(prod)).doesNotContain("changeWindows");
        RepoCleaner.clean(dir, System.out);
        return dir;
    }
}
