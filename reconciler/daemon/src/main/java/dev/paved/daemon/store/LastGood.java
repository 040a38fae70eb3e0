package dev.paved.daemon.store;

import java.time.Instant;

/** The last good commit of a source: the commit live state follows, since when, and the run that made it good. */
public record LastGood(String source, String commit, Instant since, long runId) {
}
