package dev.paved.core.report;

import dev.paved.core.apply.ApplyResult;
import dev.paved.core.apply.StepResult;
import dev.paved.core.plan.Action;

/** What an apply did, step by step, then a verdict. */
public final class ApplyTextReport {

    private ApplyTextReport() {
    }

    public static String render(ApplyResult result, Style style) {
        StringBuilder out = new StringBuilder();
        for (StepResult step : result.steps()) {
            String mark = switch (step.status()) {
                case DONE -> style.ok("done   ");
                case FAILED -> style.error("failed ");
                case SKIPPED -> style.warning("skipped");
            };
            out.append(mark).append(' ').append(step.action().label()).append(' ').append(step.key());
            if (step.attempts() == 0 && step.done()) {
                out.append(style.dim("  (finished by an earlier, interrupted apply)"));
            } else if (step.attempts() > 1) {
                out.append(style.dim("  (" + step.attempts() + " attempts)"));
            }
            if (step.error() != null) {
                out.append("\n        ").append(step.error());
            }
            out.append('\n');
        }
        for (String problem : result.problems()) {
            out.append(style.error("inconsistent")).append(' ').append(problem).append('\n');
        }
        out.append('\n').append(verdict(result, style)).append('\n');
        return out.toString();
    }

    private static String verdict(ApplyResult result, Style style) {
        long done = result.count(StepResult.Status.DONE);
        String counts = count(result, Action.CREATE, "created") + ", " + count(result, Action.UPDATE, "updated")
                + ", " + count(result, Action.REPLACE, "replaced") + ", " + count(result, Action.DELETE, "deleted");
        if (result.succeeded()) {
            return style.ok("Apply complete:") + " " + counts + ".";
        }
        return style.error("Apply failed:") + " " + done + " of " + result.steps().size() + " steps done ("
                + counts + "); " + result.count(StepResult.Status.FAILED) + " failed, "
                + result.count(StepResult.Status.SKIPPED) + " skipped. Journal: " + result.planId() + ".";
    }

    private static String count(ApplyResult result, Action action, String verb) {
        return result.steps().stream().filter(s -> s.action() == action && s.done()).count() + " " + verb;
    }
}
