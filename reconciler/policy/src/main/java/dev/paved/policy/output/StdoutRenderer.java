package dev.paved.policy.output;

import dev.paved.policy.CheckResult;
import java.util.List;

/**
 * Conftest's {@code stdout} format: a {@code WARN}, {@code FAIL} or {@code EXCP} line per result, then the totals;
 * coloured as Conftest colours them (whether or not the output is a terminal) unless colour is off.
 */
final class StdoutRenderer implements Renderer {

    private static final String RED = "31";
    private static final String GREEN = "32";
    private static final String YELLOW = "33";
    private static final String CYAN = "36";

    @Override
    public String render(List<CheckResult> results, RenderOptions options) {
        StringBuilder out = new StringBuilder();
        for (CheckResult check : results) {
            String where = ConftestResult.where(check);
            ConftestResult.warnings(check).forEach(r -> line(colour("WARN", YELLOW, options), where, r, out));
            ConftestResult.failures(check).forEach(r -> line(colour("FAIL", RED, options), where, r, out));
            ConftestResult.exceptions(check).forEach(r -> line(colour("EXCP", CYAN, options), where, r, out));
        }
        Totals totals = Totals.of(results);
        String summary = totals.failures() > 0 ? RED : totals.warnings() > 0 ? YELLOW
                : totals.exceptions() > 0 ? CYAN : GREEN;
        return out.append('\n').append(colour(totals.toString(), summary, options)).append('\n').toString();
    }

    private static void line(String label, String where, ConftestResult result, StringBuilder out) {
        out.append(label).append(' ').append(where).append(result.message()).append('\n');
    }

    private static String colour(String text, String code, RenderOptions options) {
        return options.colour() ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }
}
