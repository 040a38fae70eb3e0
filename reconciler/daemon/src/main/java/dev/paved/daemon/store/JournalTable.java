package dev.paved.daemon.store;

import dev.paved.core.apply.Journal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** The SQL of the {@code apply_journal} table; each method runs inside the caller's transaction. */
final class JournalTable {

    /** A step's last entry is {@code started}: no later entry of the same step in the same run. */
    private static final String IN_FLIGHT = " FROM apply_journal j WHERE j.run_id = ? AND j.state = 'started'"
            + " AND NOT EXISTS (SELECT 1 FROM apply_journal k WHERE k.run_id = j.run_id AND k.plan_id = j.plan_id"
            + " AND k.resource_key = j.resource_key AND k.action = j.action AND k.id > j.id)";

    private JournalTable() {
    }

    /** A step's entry when {@code key} is not null, else the completion of an apply of the plan. */
    static void insert(Connection connection, long run, String plan, String key, String action, String state,
                       String error, Instant at) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO apply_journal (run_id, plan_id,"
                + " resource_key, action, state, error, written_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, run);
            insert.setString(2, plan);
            insert.setString(3, key);
            insert.setString(4, action);
            insert.setString(5, state);
            insert.setString(6, error);
            Transactions.setInstant(insert, 7, at);
            insert.executeUpdate();
        }
    }

    /** Every entry about {@code plan}, whichever run wrote it, in the order they were written. */
    static Journal.History history(Connection connection, String plan) throws SQLException {
        Journal.History.Replay replay = new Journal.History.Replay();
        try (PreparedStatement select = connection.prepareStatement("SELECT resource_key, action, state"
                + " FROM apply_journal WHERE plan_id = ? ORDER BY id")) {
            select.setString(1, plan);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String key = rows.getString("resource_key");
                    if (key == null) {
                        replay.completion(rows.getString("state"));
                    } else {
                        replay.step(key + " " + rows.getString("action"), rows.getString("state"));
                    }
                }
            }
        }
        return replay.history();
    }

    /** How many steps of run {@code run} were started and never finished. */
    static int inFlight(Connection connection, long run) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT count(*)" + IN_FLIGHT)) {
            select.setLong(1, run);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    /**
     * Deletes the entries of runs older than the oldest run left in the history (all of them when none is left);
     * returns how many. Runs are pruned oldest first, so these are the entries of pruned runs, found through the
     * index on {@code run_id} rather than by looking at every entry.
     */
    static int pruneBeforeOldestRun(Connection connection) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM apply_journal WHERE run_id <"
                + " COALESCE((SELECT min(id) FROM runs), ?)")) {
            delete.setLong(1, Long.MAX_VALUE);
            return delete.executeUpdate();
        }
    }
}
