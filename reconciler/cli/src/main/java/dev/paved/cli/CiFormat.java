package dev.paved.cli;

import dev.paved.core.ci.CiResult;
import dev.paved.core.report.CiGithubReport;
import dev.paved.core.report.CiJsonReport;
import dev.paved.core.report.CiSarifReport;
import dev.paved.core.report.CiTextReport;
import dev.paved.core.report.PullRequestComment;
import dev.paved.core.report.RuleDocs;
import dev.paved.core.report.Style;

/** The output formats of {@code paved ci}, each rendered by its report in core. */
enum CiFormat {
    TEXT, MARKDOWN, JSON, SARIF, GITHUB;

    /**
     * What the renderings need besides the result.
     *
     * @param style   colours of the text format
     * @param comment the options of the Markdown comment
     * @param folder  the platform repo's folder within the Git repository
     * @param docs    where Paved's docs are, or null
     */
    record Context(Style style, PullRequestComment.Options comment, String folder, RuleDocs docs) {
    }

    String render(CiResult result, Context context) {
        return switch (this) {
            case TEXT -> CiTextReport.render(result, context.style());
            case MARKDOWN -> PullRequestComment.render(result, context.comment());
            case JSON -> CiJsonReport.render(result);
            case SARIF -> CiSarifReport.render(result, Version.number(), context.folder(), context.docs());
            case GITHUB -> CiGithubReport.render(result, context.folder());
        };
    }
}
