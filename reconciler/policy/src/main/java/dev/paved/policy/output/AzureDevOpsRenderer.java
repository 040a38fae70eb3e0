package dev.paved.policy.output;

import dev.paved.policy.CheckResult;
import java.util.List;

/** Conftest's {@code azuredevops} format: a section and a group of logging commands per file and namespace. */
final class AzureDevOpsRenderer implements Renderer {

    @Override
    public String render(List<CheckResult> results, RenderOptions options) {
        StringBuilder out = new StringBuilder();
        for (CheckResult check : results) {
            out.append("##[section]Testing '").append(check.file()).append("' against ").append(Totals.of(check).tests())
                    .append(" policies in namespace '").append(check.namespace()).append("'\n");
            out.append("##[group]See conftest results\n");
            issues("error", check, ConftestResult.failures(check), out);
            issues("warning", check, ConftestResult.warnings(check), out);
            issues("warning", check, ConftestResult.exceptions(check), out);
            if (check.successes() > 0) {
                out.append("success file=").append(check.file()).append(' ').append(check.successes()).append('\n');
            }
            out.append("##[endgroup]\n");
        }
        return out.append(Totals.of(results)).append('\n').toString();
    }

    private static void issues(String type, CheckResult check, List<ConftestResult> results, StringBuilder out) {
        for (ConftestResult result : results) {
            out.append("##vso[task.logissue type=").append(type).append("] file=").append(check.file()).append(" --> ")
                    .append(result.message()).append('\n');
        }
    }
}
