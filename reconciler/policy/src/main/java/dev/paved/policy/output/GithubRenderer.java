package dev.paved.policy.output;

import dev.paved.policy.CheckResult;
import dev.paved.policy.builtins.GoQuote;
import dev.paved.policy.output.ConftestResult.Location;
import java.nio.file.Path;
import java.util.List;

/**
 * Conftest's {@code github} format: a group of workflow commands (annotations) per file and namespace, at the
 * policy's {@code _loc} when it gives one, then the totals. Unlike Conftest, a message is escaped as GitHub asks
 * ({@code %}, CR and LF), so a multi-line message stays one annotation and a {@code %} stays itself.
 */
final class GithubRenderer implements Renderer {

    @Override
    public String render(List<CheckResult> results, RenderOptions options) {
        StringBuilder out = new StringBuilder();
        for (CheckResult check : results) {
            Location file = new Location(check.file(), "1");
            out.append("::group::Testing ").append(GoQuote.quote(check.file(), false)).append(" against ")
                    .append(Totals.of(check).tests()).append(" policies in namespace ")
                    .append(GoQuote.quote(check.namespace(), false)).append('\n');
            ConftestResult.failures(check).forEach(r -> annotate("error", file, r, options, out));
            ConftestResult.warnings(check).forEach(r -> annotate("warning", file, r, options, out));
            ConftestResult.exceptions(check).forEach(r -> annotate("notice", file, r, options, out));
            command("notice", file, "Number of successful checks: " + check.successes(), out);
            out.append("::endgroup::\n");
        }
        return out.append(Totals.of(results)).append('\n').toString();
    }

    /** At the policy's location if it gave one; one in another file is also shown on the tested file. */
    private static void annotate(String level, Location file, ConftestResult result, RenderOptions options,
                                 StringBuilder out) {
        Location given = result.location().orElse(null);
        if (given == null) {
            command(level, file, result.message(), out);
        } else if (given.file().equals(file.file())) {
            command(level, given, result.message(), out);
        } else {
            Location other = new Location(relative(given.file(), options.workingDirectory()), given.line());
            command(level, other, result.message(), out);
            command(level, file, "(ORIGINATING FROM " + other + ") " + result.message(), out);
        }
    }

    private static String relative(String file, Path workingDirectory) {
        Path path = Path.of(file);
        return path.isAbsolute() ? workingDirectory.relativize(path).toString() : file;
    }

    private static void command(String level, Location at, String message, StringBuilder out) {
        out.append("::").append(level).append(" file=").append(WorkflowCommands.escapeProperty(at.file()))
                .append(",line=").append(at.line()).append("::").append(WorkflowCommands.escapeData(message))
                .append('\n');
    }
}
