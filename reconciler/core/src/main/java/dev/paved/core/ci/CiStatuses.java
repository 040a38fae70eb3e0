package dev.paved.core.ci;

import dev.paved.core.forge.CommitState;
import dev.paved.core.plan.Plan;
import dev.paved.core.report.CiHeadline;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The commit statuses {@code paved ci --post} sets: one per environment of the plan, named {@code paved/ENV}, saying
 * what merging would change there. A check that failed fails every environment (Paved applies no commit with
 * errors); a repo that could not be planned gets one status, {@code paved}, saying why.
 */
public final class CiStatuses {

    /** The context of the status a repo that could not be planned gets. */
    public static final String OVERALL = "paved";

    /** @param context the status's name on the forge, e.g. {@code paved/prod} */
    public record Status(String context, CommitState state, String description) {
    }

    private CiStatuses() {
    }

    public static List<Status> of(CiResult result) {
        if (!result.planned()) {
            return List.of(new Status(OVERALL, CommitState.FAILURE, CiHeadline.of(result)));
        }
        boolean failed = result.verdict() == CiResult.Verdict.FAILED;
        String blocked = failed ? blocker(result) : "";
        List<Status> statuses = new ArrayList<>();
        for (Map.Entry<String, Plan> environment : result.plan().byEnvironment().entrySet()) {
            String changes = CiHeadline.changes(environment.getValue());
            String effect = changes.isEmpty() ? "no changes" : changes;
            statuses.add(new Status(OVERALL + "/" + environment.getKey(),
                    failed ? CommitState.FAILURE : CommitState.SUCCESS,
                    failed ? blocked + "; would make " + effect : effect));
        }
        return statuses;
    }

    /** Why the check failed, in a few words: {@code 2 violations} or {@code the plan has errors}. */
    private static String blocker(CiResult result) {
        long errors = result.errors();
        return errors > 0 ? errors + (errors == 1 ? " violation" : " violations") : "the plan has errors";
    }
}
