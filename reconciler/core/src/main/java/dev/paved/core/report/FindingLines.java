package dev.paved.core.report;

import dev.paved.core.finding.Finding;

/**
 * A finding on one line, in the compiler style editors and CI problem matchers understand:
 * {@code file:line:column: severity: path: message [rule]}.
 */
public final class FindingLines {

    private FindingLines() {
    }

    public static String line(Finding finding, Style style) {
        String severity = finding.isError() ? style.error("error") : style.warning("warning");
        String path = finding.path();
        return style.bold(finding.location().toString()) + ": " + severity + ": " + (path.isEmpty() ? "" : path + ": ")
                + finding.message() + " " + style.dim("[" + finding.ruleId() + "]");
    }
}
