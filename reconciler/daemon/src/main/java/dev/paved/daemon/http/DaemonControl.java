package dev.paved.daemon.http;

import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * What the HTTP server asks of the rest of the daemon, and all it may ask. The reconcile cycle implements it;
 * every method is called on a server thread, so each must be quick and thread-safe. The JSON documents are
 * served as they are, so they must hold no secret.
 */
public interface DaemonControl {

    /** Whether the daemon can serve its purpose now: {@code /readyz}. */
    Health health();

    /**
     * This replica's role among those sharing the state store, {@code active} or {@code standby}, for
     * {@code /readyz}; empty when the daemon does not say.
     */
    default Optional<String> role() {
        return Optional.empty();
    }

    /** The current state: last good commit, last refused commit and why, per-environment status. */
    JsonNode status();

    /** The most recent runs, newest first, at most {@code limit} of them (1 or more, bounded by the server). */
    JsonNode runs(int limit);

    /** The plan of the last good commit, or empty before there is one. */
    Optional<JsonNode> plan();

    /** The findings of the last commit examined. */
    JsonNode findings();

    /** The catalog of the last good commit: teams, environments, services, resources. */
    JsonNode catalog();

    /**
     * Asks for a cycle as soon as possible and returns at once; the cycle runs elsewhere. Requests that arrive
     * while one is pending may be coalesced. {@code reason} is for logs and run history, e.g.
     * {@code "webhook github 3f2a..."} or {@code "api"}.
     */
    void trigger(String reason);

    /** Starts a full cycle (everything checked, planned and observed; drift corrected or reported) soon. */
    void resync(String reason);

    /**
     * Approves {@code commit} for {@code environment} (for environments that are plan-only until approved).
     *
     * @throws RefusedException when the environment is unknown ({@link RefusedException#notFound}) or the
     *     commit is not the one awaiting approval there ({@link RefusedException#conflict})
     */
    void approve(String environment, String commit, String by);
}
