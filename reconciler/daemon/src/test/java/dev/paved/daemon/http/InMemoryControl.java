package dev.paved.daemon.http;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/** A daemon in memory: what the server asked of it is recorded, what it answers is set by the test. */
final class InMemoryControl implements DaemonControl {

    record Approval(String environment, String commit, String by) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    final List<String> triggers = new CopyOnWriteArrayList<>();
    final List<Approval> approvals = new CopyOnWriteArrayList<>();
    final List<Integer> runLimits = new CopyOnWriteArrayList<>();
    volatile Health health = Health.starting("no cycle has completed yet");
    volatile String role;
    volatile JsonNode plan;
    volatile String awaitingApproval = "0123456789abcdef0123456789abcdef01234567";
    volatile CountDownLatch statusEntered;
    volatile CountDownLatch statusRelease;

    @Override
    public Health health() {
        return health;
    }

    @Override
    public Optional<String> role() {
        return Optional.ofNullable(role);
    }

    @Override
    public JsonNode status() {
        if (statusRelease != null) {
            statusEntered.countDown();
            try {
                statusRelease.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return JSON.valueToTree(Map.of("lastGoodCommit", "0123456789abcdef0123456789abcdef01234567"));
    }

    @Override
    public JsonNode runs(int limit) {
        runLimits.add(limit);
        ArrayNode runs = JSON.createArrayNode();
        for (int i = limit; i > 0; i--) {
            runs.addObject().put("id", i).put("outcome", "applied");
        }
        return runs;
    }

    @Override
    public Optional<JsonNode> plan() {
        return Optional.ofNullable(plan);
    }

    @Override
    public JsonNode findings() {
        return JSON.valueToTree(List.of(Map.of("rule", "owner-exists", "severity", "error")));
    }

    @Override
    public JsonNode catalog() {
        return JSON.valueToTree(Map.of("services", List.of("payments")));
    }

    @Override
    public void trigger(String reason) {
        triggers.add(reason);
    }

    @Override
    public void resync(String reason) {
        triggers.add(reason + " (full)");
    }

    @Override
    public void approve(String environment, String commit, String by) {
        if (!environment.equals("production")) {
            throw RefusedException.notFound("no environment '" + environment + "'");
        }
        if (!commit.equals(awaitingApproval)) {
            throw RefusedException.conflict("commit " + commit + " awaits no approval in production");
        }
        approvals.add(new Approval(environment, commit, by));
    }
}
