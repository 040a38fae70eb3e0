package dev.paved.core.report;

import dev.paved.core.plan.Action;
import dev.paved.core.plan.Change;
import dev.paved.core.plan.FieldChange;
import dev.paved.core.plan.Plan;
import dev.paved.provider.ResourceKey;
import dev.paved.provider.Secret;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The Terraform-like rendering of a plan: one block per changing resource with its fields ({@code +} added,
 * {@code ~} changed, {@code -} removed), unchanged resources counted, and a summary line. Secrets masked.
 */
public final class PlanTextReport {

    private PlanTextReport() {
    }

    public static String render(Plan plan, Style style) {
        StringBuilder out = new StringBuilder();
        for (Change change : plan.changes()) {
            if (change.action().changes()) {
                header(out, change, style);
                for (FieldChange field : change.fields()) {
                    out.append("      ").append(field(field, style)).append('\n');
                }
            }
        }
        if (!plan.orphans().isEmpty()) {
            out.append('\n').append(style.warning("Not declared any more, kept (plan with --prune to delete):"))
                    .append('\n');
            for (ResourceKey orphan : plan.orphans()) {
                out.append("    ").append(orphan).append('\n');
            }
        }
        if (out.length() > 0) {
            out.append('\n');
        }
        out.append(summary(plan, style)).append('\n');
        return out.toString();
    }

    private static void header(StringBuilder out, Change change, Style style) {
        String symbol = change.action().symbol();
        String coloured = switch (change.action()) {
            case CREATE -> style.ok(symbol);
            case UPDATE -> style.warning(symbol);
            case REPLACE, DELETE -> style.error(symbol);
            case NOOP -> symbol;
        };
        out.append(coloured).append(' ').append(style.bold(change.key().toString()))
                .append(style.dim("  (" + change.instance() + ", " + change.owner() + ")")).append('\n')
                .append("      ").append(style.dim("# " + change.action().label() + ": " + change.reason()))
                .append('\n');
    }

    private static String field(FieldChange field, Style style) {
        boolean secret = Masking.isSecretPath(field.path());
        if (field.before().isMissingNode()) {
            return style.ok("+") + " " + field.path() + " = " + value(field.after(), secret);
        }
        if (field.after().isMissingNode()) {
            return style.error("-") + " " + field.path() + " = " + value(field.before(), secret);
        }
        return style.warning("~") + " " + field.path() + " = " + value(field.before(), secret) + " -> "
                + value(field.after(), secret);
    }

    private static String value(JsonNode value, boolean secret) {
        return secret ? Secret.MASK : Masking.mask(value).toString();
    }

    static String summary(Plan plan, Style style) {
        Map<Action, Integer> counts = plan.counts();
        if (!plan.hasChanges()) {
            return style.ok("No changes.") + " " + counts.get(Action.NOOP) + " resources up to date"
                    + (plan.orphans().isEmpty() ? "." : ", " + plan.orphans().size() + " not declared any more.");
        }
        return style.bold("Plan:") + " " + counts.get(Action.CREATE) + " to create, " + counts.get(Action.UPDATE)
                + " to update, " + counts.get(Action.REPLACE) + " to replace, " + counts.get(Action.DELETE)
                + " to delete, " + counts.get(Action.NOOP) + " unchanged.";
    }
}
