package dev.paved.core.report;

import dev.paved.core.finding.Finding;
import dev.paved.core.parse.Kind;
import dev.paved.core.pipeline.ValidationResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The human rendering of a validation result: one line per finding ({@link FindingLines}), then a summary.
 */
public final class ValidationTextReport {

    private ValidationTextReport() {
    }

    public static String render(ValidationResult result, Style style) {
        StringBuilder out = new StringBuilder();
        for (Finding finding : result.findings()) {
            out.append(FindingLines.line(finding, style)).append('\n');
        }
        if (!result.findings().isEmpty()) {
            out.append('\n');
        }
        out.append(summary(result, style)).append('\n');
        return out.toString();
    }

    private static String summary(ValidationResult result, Style style) {
        String scope = count(result.files(), "file") + ", " + count(result.catalog().size(), "declaration")
                + kinds(result);
        if (result.findings().isEmpty()) {
            return style.ok("valid") + ": " + scope;
        }
        List<String> counts = new ArrayList<>();
        if (result.errors() > 0) {
            counts.add(count(result.errors(), "error"));
        }
        if (result.warnings() > 0) {
            counts.add(count(result.warnings(), "warning"));
        }
        String verdict = result.valid() ? style.warning("valid with warnings") : style.error("invalid");
        return verdict + ": " + String.join(", ", counts) + " in " + scope;
    }

    private static String kinds(ValidationResult result) {
        List<String> parts = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            int n = result.catalog().count(kind);
            if (n > 0) {
                parts.add(count(n, kind.yamlName().toLowerCase(Locale.ROOT)));
            }
        }
        return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
    }

    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
