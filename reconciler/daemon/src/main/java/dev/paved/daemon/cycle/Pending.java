package dev.paved.daemon.cycle;

import dev.paved.core.pipeline.PlanSelection;
import dev.paved.daemon.rules.EnvironmentState;
import java.util.Map;
import java.util.Set;

/**
 * What earlier cycles planned and could not apply yet, to be planned again once it may apply: changes of
 * environments held by a change window or waiting for an approval (planned again when one of them may apply), or
 * of an apply that failed (planned again at once).
 *
 * @param selection    what to plan again
 * @param environments the environments whose changes wait
 * @param failed       an apply failed: plan again whatever the environments' rules say
 */
record Pending(PlanSelection selection, Set<String> environments, boolean failed) {

    static final Pending NONE = new Pending(PlanSelection.NOTHING, Set.of(), false);

    Pending {
        environments = Set.copyOf(environments);
    }

    boolean isEmpty() {
        return selection.isEmpty();
    }

    /** Whether planning it again may apply something, given where each environment stands now. */
    boolean due(Map<String, EnvironmentState> now) {
        return !isEmpty() && (failed || environments.stream().anyMatch(environment -> now.get(environment) == null
                || now.get(environment).applies()));
    }
}
