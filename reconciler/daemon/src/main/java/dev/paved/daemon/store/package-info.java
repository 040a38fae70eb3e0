/**
 * The daemon's state store: run history with each run's apply journal, the last good commit per source, refused
 * commits and approvals, in an embedded H2 file database by default or in PostgreSQL when several replicas share
 * it ({@link dev.paved.daemon.store.StateStores}). The schema is versioned with Flyway migrations under
 * {@code db/migration/state}, plus {@code db/migration/state-postgres} on PostgreSQL (the replicas' Quartz
 * cluster tables), applied on open; a database written by a newer Paved is refused.
 */
package dev.paved.daemon.store;
