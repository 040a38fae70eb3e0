package dev.paved.daemon.store;

import java.time.Instant;

/** A commit that was refused, when, why (one line) and with how many error findings, by which run. */
public record Refusal(String commit, Instant at, String reason, int findings, long runId) {
}
