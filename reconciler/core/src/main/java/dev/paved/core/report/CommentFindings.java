package dev.paved.core.report;

import dev.paved.core.finding.Finding;
import dev.paved.core.finding.Suggestions;
import dev.paved.policy.output.Markdown;
import java.util.List;

/**
 * The findings table of a pull-request comment: severity, file:line (a link when the forge is known), rule id,
 * message and how to fix it — the rule's own hint, else the name a "did you mean" suggests, else a link to where
 * Paved's docs explain the rule. Nothing is made up: a finding with none of these has an empty last cell.
 */
final class CommentFindings {

    private static final String HEADER = "| | Location | Rule | Message | How to fix |\n|---|---|---|---|---|\n";

    private CommentFindings() {
    }

    static CommentBudget.Section section(List<Finding> findings, PullRequestComment.Options options) {
        List<String> rows = findings.stream().map(f -> row(f, options)).toList();
        String whole = HEADER + String.join("", rows) + "\n";
        String stub = ValidationTextReport.count(findings.size(), "finding") + " not listed here.\n\n";
        return new CommentBudget.Section(whole, budget -> shortened(rows, budget), stub);
    }

    /** As many rows as fit, then how many are left out. */
    private static String shortened(List<String> rows, int budget) {
        StringBuilder out = new StringBuilder(HEADER);
        String longestNote = note(rows.size());
        int kept = 0;
        while (kept < rows.size() && out.length() + rows.get(kept).length() + longestNote.length() <= budget) {
            out.append(rows.get(kept++));
        }
        if (kept == 0) {
            return null;
        }
        return out.append(note(rows.size() - kept)).toString();
    }

    private static String note(int left) {
        return "\n… and " + ValidationTextReport.count(left, "more finding") + " not listed here.\n\n";
    }

    private static String row(Finding finding, PullRequestComment.Options options) {
        String suggested = finding.hint().isEmpty() ? Suggestions.suggested(finding.message()) : null;
        String message = suggested == null ? finding.message() : Suggestions.withoutSuggestion(finding.message());
        String path = finding.path();
        return "| " + (finding.isError() ? "❌" : "⚠️") + " | " + location(finding, options) + " | "
                + code(finding.ruleId()) + " | " + (path.isEmpty() ? "" : Markdown.escape(path) + ": ")
                + Markdown.escape(message) + " | " + fix(finding, suggested, options) + " |\n";
    }

    private static String location(Finding finding, PullRequestComment.Options options) {
        int line = finding.location().line();
        String file = finding.location().file();
        String text = Markdown.escape(line > 0 ? file + ":" + line : file);
        return options.links() == null || file.isEmpty() ? text
                : "[" + text + "](" + options.links().link(file, line) + ")";
    }

    private static String fix(Finding finding, String suggested, PullRequestComment.Options options) {
        if (!finding.hint().isEmpty()) {
            return Markdown.escape(finding.hint());
        }
        if (suggested != null) {
            return "Did you mean " + code(suggested) + "?";
        }
        if (options.docs() == null) {
            return "";
        }
        return options.docs().link(finding.ruleId()).map(link -> "[How to fix](" + link + ")").orElse("");
    }

    /** As code when that is safe in a table cell, else escaped text. */
    static String code(String text) {
        boolean safe = !text.isEmpty() && text.chars().noneMatch(c -> c == '`' || c == '|' || c == '\n' || c == '\r');
        return safe ? "`" + text + "`" : Markdown.escape(text);
    }
}
