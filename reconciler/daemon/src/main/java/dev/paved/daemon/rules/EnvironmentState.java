package dev.paved.daemon.rules;

import java.util.Locale;
import java.util.Objects;

/**
 * Where one environment stands after a cycle: its changes applied (or none were needed), held by a change window,
 * waiting for an approval of the commit, or drifted from it where drift is reported only.
 *
 * @param commit the commit whose plan this is about
 * @param reason why changes were held or wait, or null when applied
 */
public record EnvironmentState(String environment, State state, String commit, String reason) {

    public enum State {
        APPLIED, HELD, AWAITING_APPROVAL,
        /** Live state drifted from the last good commit, and drift is only reported in this environment. */
        DRIFTED;

        /** As shown in {@code /api/status}: {@code applied}, {@code held}, {@code awaiting-approval}, {@code drifted}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public EnvironmentState {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(state, "state");
    }

    public boolean applies() {
        return state == State.APPLIED;
    }
}
