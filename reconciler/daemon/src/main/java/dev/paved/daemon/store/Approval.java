package dev.paved.daemon.store;

import java.time.Instant;

/** A commit approved for applying to a plan-only environment: by whom and when. */
public record Approval(String environment, String commit, String approvedBy, Instant at) {
}
