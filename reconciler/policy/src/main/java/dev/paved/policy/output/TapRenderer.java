package dev.paved.policy.output;

import dev.paved.policy.CheckResult;
import java.util.Collections;
import java.util.List;

/**
 * Conftest's {@code tap} format: one plan for the whole stream, then per result its failures, warnings, exceptions
 * and successes, numbered across all results; nothing at all when there is no test.
 */
final class TapRenderer implements Renderer {

    @Override
    public String render(List<CheckResult> results, RenderOptions options) {
        int tests = Totals.of(results).tests();
        if (tests == 0) {
            return "";
        }
        StringBuilder out = new StringBuilder("1..").append(tests).append('\n');
        int counter = 1;
        for (CheckResult check : results) {
            String where = ConftestResult.where(check);
            counter = section(null, "not ok", messages(ConftestResult.failures(check)), where, counter, out);
            counter = section("warnings", "not ok", messages(ConftestResult.warnings(check)), where, counter, out);
            counter = section("exceptions", "ok", messages(ConftestResult.exceptions(check)), where, counter, out);
            counter = section("successes", "ok", Collections.nCopies(check.successes(), "SUCCESS"), where, counter,
                    out);
        }
        return out.toString();
    }

    private static List<String> messages(List<ConftestResult> results) {
        return results.stream().map(ConftestResult::message).toList();
    }

    private static int section(String header, String status, List<String> messages, String where, int counter,
                               StringBuilder out) {
        if (header != null && !messages.isEmpty()) {
            out.append("# ").append(header).append('\n');
        }
        for (String message : messages) {
            out.append(status).append(' ').append(counter++).append(' ').append(where).append(message).append('\n');
        }
        return counter;
    }
}
