package dev.paved.daemon.rules;

import dev.paved.core.catalog.Catalog;
import dev.paved.core.parse.Kind;
import dev.paved.daemon.rules.EnvironmentState.State;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiPredicate;

/**
 * Which environments of a good commit may apply now. A manual (plan-only) environment waits until the commit is
 * approved for it; an environment whose change windows hold changes at the moment waits for them to open. An
 * approval does not override a change window.
 *
 * Drift (live state that differs from the last good commit, found by a full resync) is corrected in every
 * environment unless it is one where drift is only reported.
 *
 * @param manual      the environments that apply only approved commits
 * @param reportDrift the environments where drift is reported (status, metric, log) and left as it is
 */
public record ApplyRules(Set<String> manual, Set<String> reportDrift) {

    public static final ApplyRules AUTOMATIC = new ApplyRules(Set.of(), Set.of());

    public ApplyRules {
        manual = Set.copyOf(manual);
        reportDrift = Set.copyOf(reportDrift);
    }

    /** Drift corrected everywhere. */
    public ApplyRules(Set<String> manual) {
        this(manual, Set.of());
    }

    /** Whether drift in {@code environment} is corrected (self-heal) rather than only reported. */
    public boolean heals(String environment) {
        return !reportDrift.contains(environment);
    }

    /**
     * The state of every declared environment for {@code commit} at {@code now}, by name.
     *
     * @param approved whether an environment approved a commit
     */
    public SortedMap<String, EnvironmentState> decide(Catalog catalog, String commit, Instant now,
                                                      BiPredicate<String, String> approved) {
        SortedMap<String, EnvironmentState> states = new TreeMap<>();
        for (String environment : catalog.names(Kind.ENVIRONMENT)) {
            states.put(environment, decide(catalog, environment, commit, now, approved));
        }
        return states;
    }

    private EnvironmentState decide(Catalog catalog, String environment, String commit, Instant now,
                                    BiPredicate<String, String> approved) {
        if (manual.contains(environment) && !approved.test(environment, commit)) {
            return new EnvironmentState(environment, State.AWAITING_APPROVAL, commit, "commit " + commit
                    + " waits for approval: " + environment + " is plan-only (POST /api/approvals/" + environment
                    + ")");
        }
        Optional<String> hold = catalog.find(Kind.ENVIRONMENT, environment).map(ChangeWindows::of)
                .flatMap(windows -> windows.hold(now));
        return hold.map(reason -> new EnvironmentState(environment, State.HELD, commit, reason))
                .orElseGet(() -> new EnvironmentState(environment, State.APPLIED, commit, null));
    }
}
