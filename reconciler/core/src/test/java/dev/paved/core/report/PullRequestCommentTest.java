package dev.paved.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.core.ci.CiResult;
import dev.paved.core.finding.Finding;
import dev.paved.core.finding.Location;
import dev.paved.core.finding.Severity;
import dev.paved.core.plan.Action;
import dev.paved.core.plan.Change;
import dev.paved.core.plan.FieldChange;
import dev.paved.core.plan.Plan;
import dev.paved.core.source.ChangedFiles;
import dev.paved.provider.ResourceKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The pull-request comment on results made to measure: what each part shows, and how a comment too long for a
 * forge is cut (plans first, from the end, then the table) without ever breaking its Markdown. The end-to-end
 * comments are golden files of the CLI's tests.
 */
class PullRequestCommentTest {

    private static final ChangedFiles CHANGES = new ChangedFiles("main", "b".repeat(40), "HEAD",
            "3f2c1a0" + "e".repeat(33), "9b1e4d2" + "a".repeat(33), Set.of("services/payments-api.yaml"));

    private static Change create(String environment, String name, int fields) {
        ObjectNode after = JsonNodeFactory.instance.objectNode();
        List<FieldChange> changed = new ArrayList<>();
        for (int i = 0; i < fields; i++) {
            after.put("field" + i, "value " + i);
            changed.add(new FieldChange("field" + i, MissingNode.getInstance(), after.get("field" + i)));
        }
        return new Change(new ResourceKey(environment, "workload", name), "local-files", "Service/" + name,
                Action.CREATE, MissingNode.getInstance(), after, changed, "does not exist yet", List.of());
    }

    private static Plan plan(List<Change> changes) {
        return new Plan("3f2c1a0@sha256:0", "sha256:1", changes, List.of(), List.of());
    }

    /** {@code count} services in each environment, {@code fields} fields each. */
    private static Plan plan(int count, int fields, String... environments) {
        List<Change> changes = new ArrayList<>();
        for (String environment : environments) {
            for (int i = 0; i < count; i++) {
                changes.add(create(environment, "service-" + i, fields));
            }
        }
        return plan(changes);
    }

    private static Finding finding(String rule, Severity severity, String file, int line, String message) {
        return new Finding(rule, severity, new Location(file, 0, line, 3), "/spec/owner", message);
    }

    private static CiResult result(List<Finding> findings, Plan plan) {
        return new CiResult(CHANGES, false, findings, List.of(), plan, plan == null ? "1 error must be fixed first"
                : null);
    }

    private static PullRequestComment.Options limit(int maxLength) {
        return new PullRequestComment.Options(null, null, null, maxLength);
    }

    /** Every block opened is closed: details, and code fences (an even number of fence lines). */
    private static void assertValidMarkdown(String comment) {
        assertThat(count(comment, "<details>")).isEqualTo(count(comment, "</details>"));
        assertThat(comment.lines().filter(line -> line.startsWith("```")).count() % 2).isZero();
    }

    private static int count(String text, String part) {
        return (int) Pattern.compile(Pattern.quote(part)).matcher(text).results().count();
    }

    @Test
    void aCommentThatFitsIsWholeWithTheMarkerOnItsFirstLine() {
        String comment = PullRequestComment.render(result(List.of(), plan(2, 1, "dev")),
                PullRequestComment.Options.DEFAULTS);

        assertThat(comment).startsWith(PullRequestComment.MARKER + "\n### ✅ No violations · 2 to create in dev\n\n"
                + "Commit `3f2c1a0` against `main` (merge base `9b1e4d2`): 1 file changed.\n\n#### Plan\n\n"
                + "<details><summary><b>dev</b>: 2 to create</summary>\n\n```diff\n+ dev/workload/service-0");
        assertThat(comment).doesNotContain("shortened");
        assertValidMarkdown(comment);
    }

    @Test
    void aLongPlanIsCutFromTheLastEnvironmentFirst() {
        CiResult result = result(List.of(), plan(10, 10, "dev", "prod", "staging"));

        String comment = PullRequestComment.render(result, limit(6000));

        assertThat(comment.length()).isLessThanOrEqualTo(6000);
        assertValidMarkdown(comment);
        assertThat(comment).contains("<b>dev</b>: 10 to create").contains("+ dev/workload/service-9")
                .contains("<b>prod</b>: 10 to create")
                .containsPattern("… \\d+ more lines not shown\n```\n\n</details>")
                .contains("- **staging**: 10 to create (plan not shown)\n")
                .doesNotContain("staging/workload")
                .endsWith("\n> ✂️ This comment was shortened to stay within 6,000 characters: see the full report"
                        + " in the CI job's artifacts.\n");
    }

    @Test
    void theTableIsCutOnlyOnceThePlansAreGone() {
        List<Finding> findings = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            findings.add(finding("ref.owner", Severity.ERROR, "services/payments-api.yaml", i, "problem " + i));
        }
        CiResult result = result(findings, plan(3, 2, "dev", "prod"));

        String comment = PullRequestComment.render(result, limit(8000));

        assertThat(comment.length()).isLessThanOrEqualTo(8000);
        assertValidMarkdown(comment);
        assertThat(comment).startsWith(PullRequestComment.MARKER + "\n### ❌ 200 violations · 3 to create in dev and"
                + " prod\n")
                .contains("| ❌ | services/payments-api.yaml:1 | `ref.owner` | spec.owner: problem 1 |  |\n")
                .containsPattern("\n… and \\d+ more findings not listed here\\.\n")
                .contains("#### Plan\n\n").contains("- **dev**: 3 to create (plan not shown)\n")
                .contains("- **prod**: 3 to create (plan not shown)\n")
                .doesNotContain("<details>");
    }

    @Test
    void aHugePlanStaysWithinGitHubsLimitAndNamesTheFullReport() {
        CiResult result = result(List.of(), plan(400, 12, "dev", "prod"));
        var options = new PullRequestComment.Options(null, null, "https://ci.example/jobs/7/artifacts",
                PullRequestComment.GITHUB_LIMIT);

        String comment = PullRequestComment.render(result, options);

        assertThat(PlanTextReport.render(result.plan(), Style.PLAIN).length()).isGreaterThan(200_000);
        assertThat(comment.length()).isLessThanOrEqualTo(PullRequestComment.GITHUB_LIMIT).isGreaterThan(60_000);
        assertValidMarkdown(comment);
        assertThat(comment).endsWith("see [the full report](https://ci.example/jobs/7/artifacts).\n")
                .contains("- **prod**: 400 to create (plan not shown)");
    }

    @Test
    void textFromFindingsCannotBreakTheTable() {
        var options = new PullRequestComment.Options(new SourceLinks("https://git.example/acme/platform/blob/3f2c1a0",
                "platform"), new RuleDocs("https://paved.example/docs/"), null, PullRequestComment.GITHUB_LIMIT);
        List<Finding> findings = List.of(
                new Finding("ACME|1", Severity.ERROR, new Location("services/my app.yaml", 0, 7, 1), "",
                        "a | pipe,\na new line and <b>html</b>", "set `x` to 1"),
                finding("ref.owner", Severity.ERROR, "services/payments-api.yaml", 16,
                        "team 'paymnts' does not exist (did you mean 'payments'?)"),
                finding("PAVED-SVC-009", Severity.WARNING, "services/cart.yaml", 0, "image is not pinned"),
                finding("ACME-2", Severity.WARNING, "services/cart.yaml", 3, "no hint, no docs"));

        String comment = PullRequestComment.render(result(findings, null), options);

        assertThat(comment).contains("| ❌ | [services/my app.yaml:7](https://git.example/acme/platform/blob/3f2c1a0/"
                        + "platform/services/my%20app.yaml#L7) | ACME\\|1 | a \\| pipe,<br>a new line and "
                        + "&lt;b&gt;html&lt;/b&gt; | set \\`x\\` to 1 |\n")
                .contains("| ❌ | [services/payments-api.yaml:16](https://git.example/acme/platform/blob/3f2c1a0/"
                        + "platform/services/payments-api.yaml#L16) | `ref.owner` | spec.owner: team 'paymnts' does not"
                        + " exist | Did you mean `payments`? |\n")
                .contains("| ⚠️ | [services/cart.yaml](https://git.example/acme/platform/blob/3f2c1a0/platform/"
                        + "services/cart.yaml) | `PAVED-SVC-009` | spec.owner: image is not pinned | [How to fix]"
                        + "(https://paved.example/docs/policies.md#services-package-pavedservices) |\n")
                .contains("| `ACME-2` | spec.owner: no hint, no docs |  |\n")
                .contains("### ❌ 2 violations, 2 warnings · not planned\n")
                .contains("#### Plan\n\nNot planned: 1 error must be fixed first.\n");
    }

    @Test
    void secretsAreMaskedInThePlan() {
        ObjectNode after = JsonNodeFactory.instance.objectNode().put("DB_PASSWORD", "hunter2");
        Change change = new Change(new ResourceKey("dev", "workload", "ledger"), "local-files", "Service/ledger",
                Action.CREATE, MissingNode.getInstance(), after,
                List.of(new FieldChange("env.DB_PASSWORD", MissingNode.getInstance(), after.get("DB_PASSWORD"))),
                "does not exist yet", List.of());

        String comment = PullRequestComment.render(result(List.of(), plan(List.of(change))),
                PullRequestComment.Options.DEFAULTS);

        assertThat(comment).contains("+ env.DB_PASSWORD = (sensitive)").doesNotContain("hunter2");
    }

    @Test
    void environmentsWithoutChangesShareOneLine() {
        Change unchanged = new Change(new ResourceKey("prod", "workload", "ledger"), "local-files", "Service/ledger",
                Action.NOOP, JsonNodeFactory.instance.objectNode(), JsonNodeFactory.instance.objectNode(), List.of(),
                "up to date", List.of());
        List<Change> changes = new ArrayList<>(plan(1, 1, "dev").changes());
        changes.add(unchanged);
        changes.add(new Change(new ResourceKey("staging", "workload", "ledger"), "local-files", "Service/ledger",
                Action.NOOP, unchanged.before(), unchanged.after(), List.of(), "up to date", List.of()));

        String comment = PullRequestComment.render(result(List.of(), plan(changes)),
                PullRequestComment.Options.DEFAULTS);

        assertThat(comment).contains("### ✅ No violations · 1 to create in dev\n")
                .endsWith("</details>\n\nNo changes in **prod** and **staging**.\n\n");
    }
}
