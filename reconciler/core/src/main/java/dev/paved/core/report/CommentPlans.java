package dev.paved.core.report;

import dev.paved.core.ci.CiResult;
import dev.paved.core.plan.Action;
import dev.paved.core.plan.Plan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The plan part of a pull-request comment: per environment that changes, a collapsed block with what changes
 * (summary) and the text plan of that environment ({@link PlanTextReport}, secrets masked); the environments
 * without changes in one line. A block too long for the comment keeps its first lines.
 */
final class CommentPlans {

    private CommentPlans() {
    }

    static List<CommentBudget.Section> sections(CiResult result) {
        List<CommentBudget.Section> sections = new ArrayList<>();
        if (!result.planned()) {
            sections.add(CommentBudget.Section.kept("#### Plan\n\nNot planned: " + result.notPlanned() + ".\n\n"));
            return sections;
        }
        Map<String, Plan> environments = result.plan().byEnvironment();
        List<String> unchanged = new ArrayList<>();
        String intro = result.errors() == 0 ? "" : "What merging would change once the violations are fixed (Paved"
                + " does not apply a commit with errors):\n\n";
        sections.add(CommentBudget.Section.kept("#### Plan\n\n" + intro));
        for (Map.Entry<String, Plan> environment : environments.entrySet()) {
            Plan plan = environment.getValue();
            if (plan.hasChanges() || !plan.orphans().isEmpty()) {
                sections.add(block(environment.getKey(), plan));
            } else {
                unchanged.add("**" + environment.getKey() + "**");
            }
        }
        if (environments.isEmpty()) {
            sections.add(CommentBudget.Section.kept("No resources to plan.\n\n"));
        } else if (!unchanged.isEmpty()) {
            sections.add(CommentBudget.Section.kept("No changes in " + CiHeadline.and(unchanged) + ".\n\n"));
        }
        return sections;
    }

    private static CommentBudget.Section block(String environment, Plan plan) {
        String summary = summary(environment, plan);
        String text = PlanTextReport.render(plan, Style.PLAIN);
        String fence = "`".repeat(Math.max(3, longestBacktickRun(text) + 1));
        String open = "<details><summary>" + summary + "</summary>\n\n" + fence + "diff\n";
        String close = fence + "\n\n</details>\n\n";
        String stub = "- " + summary.replace("<b>", "**").replace("</b>", "**") + " (plan not shown)\n\n";
        return new CommentBudget.Section(open + text + close, budget -> shortened(open, text, close, budget), stub);
    }

    /** The block with the first lines of the plan that fit, and how many lines are left out. */
    private static String shortened(String open, String text, String close, int budget) {
        String[] lines = text.split("\n");
        String longestNote = note(lines.length);
        StringBuilder out = new StringBuilder(open);
        int kept = 0;
        while (kept < lines.length
                && out.length() + lines[kept].length() + 1 + longestNote.length() + close.length() <= budget) {
            out.append(lines[kept++]).append('\n');
        }
        return kept == 0 ? null : out.append(note(lines.length - kept)).append(close).toString();
    }

    private static String note(int left) {
        return "… " + ValidationTextReport.count(left, "more line") + " not shown\n";
    }

    /** {@code <b>prod</b>: 3 to update · 12 unchanged}: what changes, what is not declared any more, what does not. */
    private static String summary(String environment, Plan plan) {
        List<String> parts = new ArrayList<>();
        String changes = CiHeadline.changes(plan);
        if (!changes.isEmpty()) {
            parts.add(changes);
        }
        if (!plan.orphans().isEmpty()) {
            parts.add(plan.orphans().size() + " not declared any more");
        }
        int unchanged = plan.counts().get(Action.NOOP);
        if (unchanged > 0) {
            parts.add(unchanged + " unchanged");
        }
        return "<b>" + environment + "</b>: " + String.join(" · ", parts);
    }

    private static int longestBacktickRun(String text) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }
}
