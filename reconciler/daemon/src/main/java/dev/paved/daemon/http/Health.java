package dev.paved.daemon.http;

import java.util.Locale;
import java.util.Objects;

/**
 * The daemon's readiness as {@code /readyz} reports it. Only {@link State#READY} answers 200; the others answer
 * 503 with their reason, e.g. "no cycle has completed yet", "state store unreachable: ...", or, for
 * {@link State#DEGRADED}, "remote unreachable since ...: the last good commit stays in force".
 */
public record Health(State state, String reason) {

    public enum State {
        READY, STARTING, DEGRADED, UNAVAILABLE;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Health {
        Objects.requireNonNull(state, "state");
        reason = reason == null ? "" : reason;
        if (state != State.READY && reason.isBlank()) {
            throw new IllegalArgumentException("health " + state.id() + " needs a reason");
        }
    }

    public static Health ready() {
        return new Health(State.READY, "");
    }

    /** Not ready yet, typically before the first cycle has completed. */
    public static Health starting(String reason) {
        return new Health(State.STARTING, reason);
    }

    /** Running on the last good state but unable to make progress, e.g. the remote is unreachable. */
    public static Health degraded(String reason) {
        return new Health(State.DEGRADED, reason);
    }

    /** Unable to run at all, e.g. the state store is unreachable. */
    public static Health unavailable(String reason) {
        return new Health(State.UNAVAILABLE, reason);
    }

    public boolean isReady() {
        return state == State.READY;
    }
}
