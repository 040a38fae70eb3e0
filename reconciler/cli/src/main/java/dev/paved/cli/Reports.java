package dev.paved.cli;

import dev.paved.core.finding.Finding;
import dev.paved.core.pipeline.PlanService;
import dev.paved.core.report.FindingLines;
import dev.paved.core.report.PlanJsonReport;
import dev.paved.core.report.PlanTextReport;
import dev.paved.core.report.Style;
import dev.paved.core.report.ValidationJsonReport;
import dev.paved.core.report.ValidationTextReport;

/** Printing a plan result: the findings that stopped it, or the plan itself. */
final class Reports {

    private Reports() {
    }

    static void printPlan(Terminal terminal, OutputOptions output, PlanService.Result result) {
        Style style = terminal.style(output.colour);
        if (!result.planned() && result.desired() == null) {
            terminal.out().print(output.format == OutputOptions.Format.JSON
                    ? ValidationJsonReport.render(result.validation())
                    : ValidationTextReport.render(result.validation(), style));
            return;
        }
        if (output.format == OutputOptions.Format.JSON) {
            if (result.planned()) {
                terminal.out().print(PlanJsonReport.render(result.plan()));
            } else {
                terminal.out().print(ValidationJsonReport.render(result.validation()));
            }
            return;
        }
        for (Finding finding : result.findings()) {
            terminal.out().println(FindingLines.line(finding, style));
        }
        if (result.planned()) {
            if (!result.findings().isEmpty()) {
                terminal.out().println();
            }
            terminal.out().print(PlanTextReport.render(result.plan(), style));
        }
    }
}
