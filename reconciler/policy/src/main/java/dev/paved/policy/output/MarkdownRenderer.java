package dev.paved.policy.output;

import dev.paved.policy.CheckResult;
import dev.paved.policy.PolicyResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Paved's {@code markdown} format, for a pull-request comment: a headline verdict, the totals, a table of the
 * failures then the warnings (file, namespace, rule, message), and the exceptions folded away. Text from policies
 * is escaped so that it can neither break the table nor be read as Markdown or HTML.
 */
final class MarkdownRenderer implements Renderer {

    /** Rows shown at most, so that a comment stays well under the size a forge accepts. */
    static final int MAX_ROWS = 100;

    private record Row(String kind, CheckResult check, PolicyResult result) {
    }

    @Override
    public String render(List<CheckResult> results, RenderOptions options) {
        Totals totals = Totals.of(results);
        List<Row> rows = new ArrayList<>();
        results.forEach(check -> check.failures().forEach(r -> rows.add(new Row("❌ failure", check, r))));
        results.forEach(check -> check.warnings().forEach(r -> rows.add(new Row("⚠️ warning", check, r))));
        long files = results.stream().map(CheckResult::file).distinct().count();

        StringBuilder out = new StringBuilder("### ").append(headline(totals)).append("\n\n")
                .append(totals).append(" in ").append(files).append(files == 1 ? " file" : " files").append(".\n");
        if (!rows.isEmpty()) {
            out.append("\n| Result | File | Namespace | Rule | Message |\n|---|---|---|---|---|\n");
            rows.stream().limit(MAX_ROWS).forEach(row -> out.append("| ").append(row.kind()).append(" | ")
                    .append(Markdown.escape(file(row))).append(" | `").append(row.check().namespace()).append("` | ")
                    .append(rule(row.result())).append(" | ").append(Markdown.escape(row.result().message()))
                    .append(" |\n"));
            if (rows.size() > MAX_ROWS) {
                out.append("\n… and ").append(rows.size() - MAX_ROWS).append(" more (see the job's log).\n");
            }
        }
        if (totals.exceptions() > 0) {
            out.append("\n<details><summary>").append(totals.exceptions())
                    .append(totals.exceptions() == 1 ? " exception" : " exceptions")
                    .append(" exempted a rule</summary>\n\n| File | Namespace | Rule |\n|---|---|---|\n");
            for (CheckResult check : results) {
                check.exceptions().forEach(rule -> out.append("| ").append(Markdown.escape(check.file())).append(" | `")
                        .append(check.namespace()).append("` | `").append(rule).append("` |\n"));
            }
            out.append("\n</details>\n");
        }
        return out.toString();
    }

    private static String headline(Totals totals) {
        if (totals.failures() > 0) {
            return "❌ Policy check failed: " + count(totals.failures(), "failure")
                    + (totals.warnings() > 0 ? ", " + count(totals.warnings(), "warning") : "");
        }
        if (totals.warnings() > 0) {
            return "⚠️ Policy check passed with " + count(totals.warnings(), "warning");
        }
        return "✅ Policy check passed";
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** The file, with the line a policy gave in {@code _loc} when it is about this file. */
    private static String file(Row row) {
        String file = row.check().file();
        var loc = row.result().metadata().path("_loc");
        String locFile = loc.path("file").asString(file);
        return loc.path("line").isNumber() && locFile.equals(file) ? file + ":" + loc.path("line") : file;
    }

    /** The Rego rule, and the rule id a policy gave in its metadata ({@code rule} or {@code id}), if any. */
    private static String rule(PolicyResult result) {
        String id = result.text("rule").isEmpty() ? result.text("id") : result.text("rule");
        return "`" + result.rule() + "`" + (id.isEmpty() ? "" : " " + Markdown.escape(id));
    }
}
