package dev.paved.core.report;

import dev.paved.core.ci.CiResult;
import dev.paved.core.finding.Finding;
import dev.paved.policy.output.WorkflowCommands;

/**
 * {@code paved ci} as GitHub Actions workflow commands: an annotation per finding that counts, at its file, line
 * and column (paths relative to the top of the Git repository, where the workflow runs), titled with the rule id;
 * then the verdict as a notice, or an error when it failed.
 */
public final class CiGithubReport {

    private CiGithubReport() {
    }

    /** @param folder the platform repo's folder within the Git repository, {@code ""} at its top */
    public static String render(CiResult result, String folder) {
        String prefix = folder.isEmpty() || folder.endsWith("/") ? folder : folder + "/";
        StringBuilder out = new StringBuilder();
        for (Finding finding : result.findings()) {
            out.append("::").append(finding.isError() ? "error" : "warning").append(" file=")
                    .append(WorkflowCommands.escapeProperty(prefix + finding.location().file()));
            if (finding.location().line() > 0) {
                out.append(",line=").append(finding.location().line()).append(",col=")
                        .append(finding.location().column());
            }
            String path = finding.path();
            out.append(",title=").append(WorkflowCommands.escapeProperty(finding.ruleId())).append("::")
                    .append(WorkflowCommands.escapeData((path.isEmpty() ? "" : path + ": ") + finding.message()
                            + (finding.hint().isEmpty() ? "" : " (" + finding.hint() + ")")))
                    .append('\n');
        }
        String level = result.verdict() == CiResult.Verdict.FAILED ? "error" : "notice";
        out.append("::").append(level).append(" title=paved ci::")
                .append(WorkflowCommands.escapeData(CiHeadline.of(result)
                        + (result.planned() ? "" : " (" + result.notPlanned() + ")")))
                .append('\n');
        return out.toString();
    }
}
