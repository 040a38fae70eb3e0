package dev.paved.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The CI templates in deploy/ci/ are YAML that GitHub Actions and GitLab CI read, with what they must keep: the
 * trigger, the paved command with its outputs and --post, the token, the permissions, and the uploads.
 */
class CiTemplatesTest {

    private static final Path CI = Path.of(System.getProperty("paved.repoRoot", "../..")).resolve("deploy/ci");

    private static JsonNode read(String file) throws IOException {
        return YAMLMapper.builder().build().readTree(Files.readString(CI.resolve(file)));
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    private static JsonNode step(JsonNode steps, String uses) {
        return list(steps).stream().filter(s -> s.path("uses").asString("").startsWith(uses + "@")).findFirst()
                .orElseThrow(() -> new AssertionError("no step uses " + uses));
    }

    @Test
    void theGitHubWorkflowRunsPavedCiOnEveryPullRequestAndPostsTheComment() throws IOException {
        JsonNode workflow = read("github-actions/paved.yml");

        assertThat(workflow.path("on").has("pull_request")).as("runs on pull_request").isTrue();
        assertThat(workflow.path("permissions").properties()).extracting(Map.Entry::getKey,
                e -> e.getValue().asString()).containsExactlyInAnyOrder(
                tuple("contents", "read"),
                tuple("pull-requests", "write"),
                tuple("statuses", "write"),
                tuple("security-events", "write"));
        JsonNode steps = workflow.path("jobs").path("paved").path("steps");
        assertThat(step(steps, "actions/checkout").path("with").path("fetch-depth").asInt(-1)).isZero();
        assertThat(step(steps, "actions/setup-java").path("with").path("java-version").asString()).isEqualTo("17");
        JsonNode paved = list(steps).stream().filter(s -> s.path("run").asString("").contains("paved.jar ci"))
                .findFirst().orElseThrow(() -> new AssertionError("no step runs paved ci"));
        assertThat(paved.path("run").asString()).contains("--base \"origin/$BASE_REF\"")
                .contains("-o markdown=paved-comment.md").contains("-o sarif=paved.sarif").contains("-o github")
                .contains("--post github");
        assertThat(paved.path("env").path("BASE_REF").asString()).isEqualTo("${{ github.base_ref }}");
        assertThat(paved.path("env").path("GITHUB_TOKEN").asString()).isEqualTo("${{ secrets.GITHUB_TOKEN }}");
        JsonNode sarif = step(steps, "github/codeql-action/upload-sarif");
        assertThat(sarif.path("with").path("sarif_file").asString()).isEqualTo("paved.sarif");
        assertThat(sarif.path("if").asString()).as("uploaded when paved ci finds errors too").contains("!cancelled()");
        assertThat(step(steps, "actions/upload-artifact").path("with").path("path").asString())
                .contains("paved-comment.md").contains("paved.sarif");
    }

    @Test
    void theGitLabJobRunsPavedCiInMergeRequestPipelinesAndKeepsTheReports() throws IOException {
        JsonNode job = read("gitlab/paved.gitlab-ci.yml").path("paved");

        assertThat(list(job.path("rules"))).extracting(r -> r.path("if").asString())
                .containsExactly("$CI_PIPELINE_SOURCE == \"merge_request_event\"");
        assertThat(job.path("variables").path("GIT_DEPTH").asString()).isEqualTo("0");
        assertThat(job.path("image").asString()).startsWith("eclipse-temurin:17");
        String script = String.join("\n", list(job.path("script")).stream().map(JsonNode::asString).toList());
        assertThat(script).contains("java -jar paved.jar ci")
                .contains("--base \"origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME\"")
                .contains("-o markdown=paved-comment.md").contains("-o sarif=paved.sarif").contains("--post gitlab");
        assertThat(job.path("artifacts").path("when").asString()).isEqualTo("always");
        assertThat(list(job.path("artifacts").path("paths"))).extracting(JsonNode::asString)
                .contains("paved-comment.md", "paved.sarif");
    }
}
