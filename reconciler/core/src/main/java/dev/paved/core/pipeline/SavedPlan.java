package dev.paved.core.pipeline;

import dev.paved.core.PavedException;
import dev.paved.core.plan.Action;
import dev.paved.core.plan.Change;
import dev.paved.core.plan.Plan;
import dev.paved.core.report.PlanJsonReport;
import dev.paved.provider.ResourceKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A plan saved with {@code paved plan --out FILE}: the JSON plan format plus the request that made it, so
 * that {@code paved apply FILE} can make the plan again, prove nothing moved, and apply exactly it.
 */
public record SavedPlan(Path file, Path repository, PlanService.Request request, JsonNode json) {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    public static void write(Path file, Path repository, Plan plan, PlanService.Request request) {
        ObjectNode root = PlanJsonReport.toJson(plan);
        ObjectNode saved = root.putObject("request");
        saved.put("repository", repository.toAbsolutePath().normalize().toString());
        ArrayNode environments = saved.putArray("environments");
        request.environments().stream().sorted().forEach(environments::add);
        ArrayNode services = saved.putArray("services");
        request.services().stream().sorted().forEach(services::add);
        saved.put("prune", request.prune());
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temp = Files.createTempFile(parent, ".plan", ".tmp");
            Files.writeString(temp, JSON.writeValueAsString(root) + "\n");
            Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new PavedException("write plan " + file + ": " + e.getMessage(), e);
        }
    }

    public static SavedPlan read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (IOException | JacksonException e) {
            throw new PavedException(file + ": not a saved plan: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root.path("formatVersion").asInt(0) != PlanJsonReport.FORMAT_VERSION || !root.has("request")) {
            throw new PavedException(file + ": not a plan saved by this version of paved (formatVersion "
                    + PlanJsonReport.FORMAT_VERSION + " with a request)");
        }
        JsonNode request = root.path("request");
        return new SavedPlan(file, Path.of(request.path("repository").asString(".")),
                new PlanService.Request(strings(request.path("environments")),
                strings(request.path("services")), request.path("prune").asBoolean(false)), root);
    }

    public String revision() {
        return json.path("revision").asString("");
    }

    public String fingerprint() {
        return json.path("fingerprint").asString("");
    }

    /** The saved changes as a plan to execute, carrying the saved revision and fingerprint. */
    public Plan asPlan() {
        List<Change> changes = new ArrayList<>();
        for (JsonNode change : json.path("changes")) {
            JsonNode key = change.path("key");
            List<ResourceKey> dependsOn = new ArrayList<>();
            for (JsonNode address : change.path("dependsOn")) {
                String[] parts = address.asString().split("/", 3);
                dependsOn.add(new ResourceKey(parts[0], parts[1], parts[2]));
            }
            changes.add(new Change(new ResourceKey(key.path("environment").asString(), key.path("type").asString(),
                    key.path("name").asString()), change.path("instance").asString(),
                    change.path("owner").asString(), Action.valueOf(change.path("action").asString()
                    .toUpperCase(Locale.ROOT)), MissingNode.getInstance(), MissingNode.getInstance(), List.of(),
                    change.path("reason").asString(""), dependsOn));
        }
        return new Plan(revision(), fingerprint(), changes, List.of(), List.of());
    }

    /** The saved changes in the JSON plan format, to compare with a plan made again. */
    public JsonNode changes() {
        return json.path("changes");
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new java.util.TreeSet<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }
}
