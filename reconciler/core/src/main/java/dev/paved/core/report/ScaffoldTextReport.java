package dev.paved.core.report;

import dev.paved.core.finding.Finding;
import dev.paved.core.parse.Kind;
import dev.paved.core.scaffold.GoldenPath;
import dev.paved.core.scaffold.Rendered;
import dev.paved.core.scaffold.ScaffoldResult;

/**
 * What {@code paved new} did, a line per step: the file written, its findings, the verdict, then the commit, the
 * push and the pull request.
 */
public final class ScaffoldTextReport {

    private ScaffoldTextReport() {
    }

    public static String render(GoldenPath.Outcome outcome, Style style) {
        ScaffoldResult scaffold = outcome.scaffold();
        Rendered rendered = scaffold.rendered();
        StringBuilder out = new StringBuilder();
        out.append("Wrote ").append(style.bold(rendered.path())).append(" from template ")
                .append(rendered.template().label());
        if (rendered.template().kind() == Kind.SERVICE) {
            out.append(", deployed to ").append(String.join(", ", rendered.environments()));
        }
        out.append(".\n");
        for (Finding finding : scaffold.findings()) {
            out.append(FindingLines.line(finding, style)).append('\n');
        }
        long errors = scaffold.findings().stream().filter(Finding::isError).count();
        long warnings = scaffold.findings().size() - errors;
        if (!scaffold.accepted()) {
            out.append(style.error("Refused:")).append(' ').append(ValidationTextReport.count(errors, "error"))
                    .append(" in ").append(rendered.path()).append("; the file was removed again and nothing was"
                            + " committed. Fix what the findings name (the template, or --env and --set), then run"
                            + " again.\n");
            return out.toString();
        }
        out.append(style.ok("Valid:")).append(" no errors in ").append(rendered.path())
                .append(warnings == 0 ? "" : ", " + ValidationTextReport.count(warnings, "warning")).append(".\n");
        if (scaffold.errorsElsewhere() > 0) {
            out.append(style.warning("Note:")).append(" the repo has ")
                    .append(ValidationTextReport.count(scaffold.errorsElsewhere(), "error"))
                    .append(" in other files, which 'paved validate' lists; they do not stop this change.\n");
        }
        if (outcome.commit().isEmpty()) {
            out.append("Not committed (--no-commit).\n");
            return out.toString();
        }
        GoldenPath.Commit commit = outcome.commit().get();
        out.append("Committed ").append(commit.id(), 0, 12).append(" on the new branch ")
                .append(style.bold(commit.branch())).append(" (from ").append(commit.base()).append(").\n");
        outcome.pullRequest().ifPresent(pr -> out.append("Pushed ").append(commit.branch()).append(" to ")
                .append(GoldenPath.REMOTE).append(".\n").append(style.ok("Opened pull request #" + pr.number() + ":"))
                .append(' ').append(pr.url()).append('\n'));
        return out.toString();
    }
}
