package dev.paved.core.pipeline;

import dev.paved.core.PavedException;
import dev.paved.core.apply.Applier;
import dev.paved.core.apply.ApplyResult;
import dev.paved.core.apply.Journal;
import dev.paved.core.apply.PlanIds;
import dev.paved.core.plan.Plan;
import dev.paved.core.providers.ProviderInstances;
import dev.paved.core.report.PlanJsonReport;

/**
 * Applies a plan made just now, or a saved plan after proving it is not stale: the repo must be at the same
 * revision, live state unchanged, and the plan made again identical. A saved plan whose apply was interrupted
 * (the journal says so) is resumed: its remaining steps run, the finished ones are skipped. A plan applied to
 * the end is never applied again.
 */
public final class ApplyService {

    private final Applier.Options options;

    public ApplyService(Applier.Options options) {
        this.options = options;
    }

    public ApplyResult apply(PlanService.Result planned, ProviderInstances instances, Journal journal) {
        return apply(planned.plan(), planned, instances, journal, false);
    }

    /**
     * Applies a saved plan, checked against {@code fresh}, a plan made again from the same request.
     *
     * @throws PavedException when the saved plan is stale
     */
    public ApplyResult applySaved(SavedPlan saved, PlanService.Result fresh, ProviderInstances instances,
                                  Journal journal) {
        Plan savedPlan = saved.asPlan();
        if (!saved.revision().equals(fresh.plan().revision())) {
            throw new PavedException(saved.file() + " is stale: the platform repo changed since the plan was made"
                    + " (plan made from " + saved.revision() + ", now " + fresh.plan().revision() + ")");
        }
        Journal.History history = journal.history(PlanIds.of(savedPlan));
        if (history.applied()) {
            throw new PavedException(saved.file() + " is stale: it was already applied; make a new plan");
        }
        if (!history.started()) {
            if (!saved.fingerprint().equals(fresh.plan().fingerprint())) {
                throw new PavedException(saved.file() + " is stale: live state changed since the plan was made;"
                        + " make a new plan");
            }
            if (!saved.changes().equals(PlanJsonReport.toJson(fresh.plan()).path("changes"))) {
                throw new PavedException(saved.file() + " no longer matches a plan made now from the same repo and"
                        + " live state; make a new plan");
            }
        }
        return apply(savedPlan, fresh, instances, journal, true);
    }

    private ApplyResult apply(Plan plan, PlanService.Result planned, ProviderInstances instances, Journal journal,
                              boolean resume) {
        if (plan.hasErrors()) {
            throw new PavedException("the plan has errors; nothing was applied");
        }
        return new Applier(instances, journal, options).apply(plan, planned.desired(), planned.observed().resources(),
                resume);
    }
}
