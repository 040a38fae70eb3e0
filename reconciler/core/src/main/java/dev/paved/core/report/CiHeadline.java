package dev.paved.core.report;

import dev.paved.core.ci.CiResult;
import dev.paved.core.plan.Action;
import dev.paved.core.plan.Plan;
import dev.paved.core.source.ChangedFiles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The verdict of {@code paved ci} in one line, for the comment's title and the text report's last line:
 * {@code 2 violations, 1 warning · not planned} or {@code No violations · 3 to create in dev; 1 to update in prod}.
 */
public final class CiHeadline {

    private CiHeadline() {
    }

    /** The emoji the comment starts its verdict with. */
    public static String mark(CiResult result) {
        return switch (result.verdict()) {
            case PASSED -> "✅";
            case WARNINGS -> "⚠️";
            case FAILED -> "❌";
        };
    }

    public static String of(CiResult result) {
        String findings = result.errors() > 0 ? ValidationTextReport.count(result.errors(), "violation")
                : "No violations";
        if (result.warnings() > 0) {
            findings += ", " + ValidationTextReport.count(result.warnings(), "warning");
        }
        return findings + " · " + plan(result);
    }

    /**
     * {@code Commit 3f2c1a0 against main (merge base 9b1e4d2): 2 files changed.}, with names and ids shown
     * through {@code code}.
     */
    public static String compared(CiResult result, UnaryOperator<String> code) {
        ChangedFiles changes = result.changes();
        return "Commit " + code.apply(shortId(changes.headCommit())) + " against " + code.apply(changes.base())
                + " (merge base " + code.apply(shortId(changes.mergeBase())) + "): "
                + ValidationTextReport.count(changes.paths().size(), "file") + " changed"
                + (result.all() ? "; every finding is listed, wherever it is." : ".");
    }

    /** {@code 3 findings in unchanged files (1 error, 2 warnings) are not listed; paved ci --all lists them.} */
    public static String elsewhere(CiResult result, UnaryOperator<String> code) {
        List<String> counts = new ArrayList<>();
        if (result.outOfScopeErrors() > 0) {
            counts.add(ValidationTextReport.count(result.outOfScopeErrors(), "error"));
        }
        if (result.outOfScopeWarnings() > 0) {
            counts.add(ValidationTextReport.count(result.outOfScopeWarnings(), "warning"));
        }
        int n = result.outOfScope().size();
        return ValidationTextReport.count(n, "finding") + " in unchanged files (" + String.join(", ", counts) + ") "
                + (n == 1 ? "is" : "are") + " not listed; " + code.apply("paved ci --all") + " lists "
                + (n == 1 ? "it" : "them") + ".";
    }

    /** {@code a}, {@code a and b}, {@code a, b and c}. */
    static String and(List<String> items) {
        return items.size() == 1 ? items.get(0)
                : String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    /** The first 7 digits, as Git abbreviates. */
    public static String shortId(String commit) {
        return commit.length() > 7 ? commit.substring(0, 7) : commit;
    }

    private static String plan(CiResult result) {
        if (!result.planned()) {
            return "not planned";
        }
        // environments with the same changes together: 1 to update in dev, preview and staging; 2 to update in prod
        Map<String, List<String>> environments = new LinkedHashMap<>();
        for (Map.Entry<String, Plan> environment : result.plan().byEnvironment().entrySet()) {
            String changes = changes(environment.getValue());
            if (!changes.isEmpty()) {
                environments.computeIfAbsent(changes, c -> new ArrayList<>()).add(environment.getKey());
            }
        }
        String plan = environments.isEmpty() ? "no changes" : environments.entrySet().stream()
                .map(e -> e.getKey() + " in " + and(e.getValue())).collect(Collectors.joining("; "));
        return result.plan().hasErrors() ? "plan incomplete: " + plan : plan;
    }

    /** {@code 3 to create, 1 to update}: the actions that change something, those with none left out. */
    public static String changes(Plan plan) {
        Map<Action, Integer> counts = plan.counts();
        List<String> parts = new ArrayList<>();
        for (Action action : Action.values()) {
            if (action.changes() && counts.get(action) > 0) {
                parts.add(counts.get(action) + " to " + action.label());
            }
        }
        return String.join(", ", parts);
    }
}
