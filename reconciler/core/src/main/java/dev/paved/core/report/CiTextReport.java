package dev.paved.core.report;

import dev.paved.core.ci.CiResult;
import dev.paved.core.finding.Finding;

/**
 * The human rendering of {@code paved ci} for a terminal or a CI log: what was compared, one line per finding
 * that counts ({@link FindingLines}), how many are elsewhere, the plan as {@code paved plan} prints it, and the
 * verdict.
 */
public final class CiTextReport {

    private CiTextReport() {
    }

    public static String render(CiResult result, Style style) {
        StringBuilder out = new StringBuilder(CiHeadline.compared(result, text -> text)).append("\n\n");
        for (Finding finding : result.findings()) {
            out.append(FindingLines.line(finding, style)).append('\n');
        }
        if (!result.findings().isEmpty()) {
            out.append('\n');
        }
        if (!result.outOfScope().isEmpty()) {
            out.append(style.dim(CiHeadline.elsewhere(result, text -> "'" + text + "'"))).append("\n\n");
        }
        if (result.planned()) {
            out.append(PlanTextReport.render(result.plan(), style));
        } else {
            out.append(style.error("Not planned:")).append(' ').append(result.notPlanned()).append(".\n");
        }
        String headline = CiHeadline.of(result);
        out.append('\n').append(switch (result.verdict()) {
            case PASSED -> style.ok(headline);
            case WARNINGS -> style.warning(headline);
            case FAILED -> style.error(headline);
        }).append('\n');
        return out.toString();
    }
}
