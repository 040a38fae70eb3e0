package dev.paved.daemon.store;

import java.util.Arrays;
import java.util.Locale;

/** How a run ended. */
public enum RunOutcome {
    /** Changes were applied. */
    APPLIED,
    /** The commit was valid and live state already matched it. */
    NO_CHANGES,
    /** A plan was made but not applied (a plan-only environment waiting for approval). */
    PLANNED,
    /** The commit was refused (error findings, an untrusted signature); the last good commit stays. */
    REFUSED,
    /** Applying was held (a deny change window). */
    HELD,
    /** The run could not complete (fetch, provider or store failure). */
    FAILED;

    /** The name stored and shown: lower case with a hyphen, e.g. {@code no-changes}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static RunOutcome of(String label) {
        return Arrays.stream(values()).filter(outcome -> outcome.label().equals(label)).findFirst()
                .orElseThrow(() -> new StateStoreException("unknown run outcome '" + label + "' in the state store"));
    }
}
