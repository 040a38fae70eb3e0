package dev.paved.core.ci;

import dev.paved.core.finding.Finding;
import dev.paved.core.pipeline.PlanService;
import dev.paved.core.pipeline.ValidationResult;
import dev.paved.core.policy.PolicyStage;
import dev.paved.core.providers.ProviderInstances;
import dev.paved.core.source.ChangedFiles;
import dev.paved.core.source.Snapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the head of a change as a pull request needs it: validation and policies at head, and the plan of what
 * merging would change in live state. The plan goes through {@link PlanService} exactly as {@code paved plan}'s
 * does (policies are checked on the same validation result, beside it), so that a plan made locally on the same
 * commit and live state is the same plan. Findings count when they are in a file the change touches (or always,
 * with {@code all}); those of planning itself (a provider that cannot be observed) always count.
 */
public final class CiService {

    private static final Logger log = LoggerFactory.getLogger(CiService.class);
    private static final Comparator<Finding> ERRORS_FIRST = Comparator.comparing((Finding f) -> !f.isError())
            .thenComparing(Comparator.naturalOrder());

    private final PlanService plans;
    private final PolicyStage policies;

    /** @param policies the policies to check head against, or null for none */
    public CiService(PlanService plans, PolicyStage policies) {
        this.plans = plans;
        this.policies = policies;
    }

    public CiResult check(Snapshot head, ChangedFiles changes, ProviderInstances instances,
                          PlanService.Request request, boolean all) {
        ValidationResult validated = plans.validate(head);
        List<Finding> ofFiles = new ArrayList<>(validated.findings());
        if (policies != null) {
            ofFiles.addAll(policies.check(validated.catalog()));
        }
        PlanService.Result planned = plans.plan(validated, instances, request);
        if (planned.desired() != null) {
            ofFiles.addAll(planned.desired().findings());
        }
        List<Finding> counted = new ArrayList<>();
        List<Finding> outOfScope = new ArrayList<>();
        for (Finding finding : ofFiles) {
            (all || changes.contains(finding.location().file()) ? counted : outOfScope).add(finding);
        }
        if (planned.planned()) {
            counted.addAll(planned.plan().findings());
        }
        counted.sort(ERRORS_FIRST);
        outOfScope.sort(ERRORS_FIRST);
        String notPlanned = planned.planned() ? null : whyNotPlanned(planned, changes, all);
        log.info("checked {} against {}: {} changed files, {} findings ({} elsewhere), {}", changes.headCommit(),
                changes.base(), changes.paths().size(), counted.size(), outOfScope.size(),
                planned.planned() ? planned.plan().counts() : "not planned");
        return new CiResult(changes, all, counted, outOfScope, planned.plan(), notPlanned);
    }

    /** The errors that stopped the plan, and how many of them are in files the change does not touch. */
    private static String whyNotPlanned(PlanService.Result planned, ChangedFiles changes, boolean all) {
        List<Finding> errors = new ArrayList<>(planned.validation().findings());
        if (planned.desired() != null) {
            errors.addAll(planned.desired().findings());
        }
        errors.removeIf(f -> !f.isError());
        long elsewhere = all ? 0 : errors.stream().filter(f -> !changes.contains(f.location().file())).count();
        String reason = (errors.size() == 1 ? "1 error" : errors.size() + " errors") + " must be fixed first";
        if (elsewhere == 0) {
            return reason;
        }
        String where = elsewhere == 1 ? "in a file this change does not touch (--all lists it)"
                : "in files this change does not touch (--all lists them)";
        return reason + ", " + (elsewhere == errors.size() ? "" : elsewhere + " of them ") + where;
    }
}
