/**
 * The daemon's state store: run history, the last good commit per source, refused commits and approvals, in
 * an embedded H2 file database by default or in PostgreSQL when several replicas share it
 * ({@link dev.paved.daemon.store.StateStores}). The schema is versioned with Flyway migrations under
 * {@code db/migration/state}, applied on open; a database written by a newer Paved is refused. The apply
 * journal is not here: it stays in its JSONL file ({@code dev.paved.core.apply.Journal}).
 */
package dev.paved.daemon.store;
