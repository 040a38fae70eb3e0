package dev.paved.core.apply;

import java.util.List;

/**
 * The outcome of applying a plan.
 *
 * @param planId   the journal's id of the plan
 * @param steps    one result per change that was not a no-op, in plan order
 * @param problems inconsistencies found when re-observing after the apply
 * @param resumed  changes an interrupted earlier apply of this plan had already finished
 */
public record ApplyResult(String planId, List<StepResult> steps, List<String> problems, int resumed) {

    public ApplyResult {
        steps = List.copyOf(steps);
        problems = List.copyOf(problems);
    }

    public boolean succeeded() {
        return steps.stream().allMatch(StepResult::done) && problems.isEmpty();
    }

    public long count(StepResult.Status status) {
        return steps.stream().filter(s -> s.status() == status).count();
    }
}
