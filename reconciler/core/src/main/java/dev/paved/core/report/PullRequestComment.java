package dev.paved.core.report;

import dev.paved.core.ci.CiResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Markdown comment {@code paved ci} writes for a pull request, in the spirit of Atlantis: a hidden
 * {@link #MARKER} on the first line (so a bot can find its comment and update it in place), a headline verdict,
 * what was compared, the table of findings in the changed files, how many are elsewhere, and per environment the
 * plan of what merging would change. The comment stays within {@link Options#maxLength} (GitHub's limit by
 * default): when too long, the plans are cut first, from the last environment, then the table, and a notice
 * points at the full report. Secrets are masked as in every plan rendering.
 */
public final class PullRequestComment {

    /** The first line of every comment: how a comment made by {@code paved ci} is found again. */
    public static final String MARKER = "<!-- paved:ci -->";

    /** The most characters GitHub accepts in a comment body. */
    public static final int GITHUB_LIMIT = 65_535;

    /**
     * @param links       where files are linked to, or null for plain {@code path:line}
     * @param docs        where Paved's docs are, to link a rule's section as a fix, or null
     * @param artifactUrl where the full report is, named when the comment is cut, or null
     * @param maxLength   the most chars the comment may have
     */
    public record Options(SourceLinks links, RuleDocs docs, String artifactUrl, int maxLength) {

        public static final Options DEFAULTS = new Options(null, null, null, GITHUB_LIMIT);
    }

    private PullRequestComment() {
    }

    /** The comment body, marker included. */
    public static String render(CiResult result, Options options) {
        List<CommentBudget.Section> sections = new ArrayList<>();
        sections.add(CommentBudget.Section.kept(MARKER + "\n### " + CiHeadline.mark(result) + " "
                + CiHeadline.of(result) + "\n\n" + CiHeadline.compared(result, CommentFindings::code) + "\n\n"));
        if (!result.findings().isEmpty()) {
            sections.add(CommentFindings.section(result.findings(), options));
        }
        if (!result.outOfScope().isEmpty()) {
            sections.add(CommentBudget.Section.whole(CiHeadline.elsewhere(result, CommentFindings::code) + "\n\n", ""));
        }
        sections.addAll(CommentPlans.sections(result));
        return CommentBudget.fit(sections, options.maxLength(), notice(options));
    }

    private static String notice(Options options) {
        String where = options.artifactUrl() == null ? "see the full report in the CI job's artifacts"
                : "see [the full report](" + options.artifactUrl() + ")";
        String limit = String.format(Locale.ROOT, "%,d", options.maxLength());
        return "\n> ✂️ This comment was shortened to stay within " + limit
                + " characters: " + where + ".\n";
    }
}
