package dev.paved.daemon.cycle;

import dev.paved.core.catalog.Catalog;
import dev.paved.core.finding.Finding;
import dev.paved.core.plan.Plan;
import dev.paved.daemon.rules.EnvironmentState;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What one reconcile cycle did.
 *
 * @param trigger  why it ran: {@code schedule}, {@code startup}, {@code webhook github}, {@code api}
 * @param fetched  the commit the remote's ref pointed at, or null when it could not be fetched
 * @param applied  the commit whose plan was applied (the fetched one when it is good, else the last good one), or
 *                 null when nothing was applied
 * @param findings the error and warning findings of the fetched commit (validation and policies)
 * @param plan     the plan that was made, or null
 * @param changes  how many changes were applied
 * @param catalog  the declarations of the applied commit, or null when none was applied
 * @param environments where each environment stands for the good commit (applied, held, awaiting approval,
 *                 drifted); empty when the commit was not planned
 * @param drift    for a full resync of the last good commit: per environment, how many resources had drifted from
 *                 it (corrected or only reported); empty for other cycles
 */
public record CycleResult(String trigger, Instant started, Instant finished, String fetched, String applied,
                          Outcome outcome, String message, List<Finding> findings, Plan plan, int changes,
                          Catalog catalog, SortedMap<String, EnvironmentState> environments,
                          SortedMap<String, Integer> drift) {

    /** How a cycle ended. */
    public enum Outcome {
        /** The good commit's changes were applied. */
        APPLIED,
        /** Live state already matched the good commit. */
        NO_CHANGES,
        /** Nothing was applied: changes wait for an approval (and maybe others for a change window). */
        PLANNED,
        /** Nothing was applied: a change window holds every change. */
        HELD,
        /** The fetched commit has error findings: not applied; the last good commit stays in force. */
        REFUSED,
        /** The remote could not be fetched, or planning or applying failed. */
        FAILED;

        /** As stored and shown: lower case with a hyphen, e.g. {@code no-changes}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public CycleResult {
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(outcome, "outcome");
        findings = List.copyOf(findings);
        environments = Collections.unmodifiableSortedMap(new TreeMap<>(environments));
        drift = Collections.unmodifiableSortedMap(new TreeMap<>(drift));
    }

    public long errors() {
        return findings.stream().filter(Finding::isError).count();
    }

    public long warnings() {
        return findings.size() - errors();
    }
}
