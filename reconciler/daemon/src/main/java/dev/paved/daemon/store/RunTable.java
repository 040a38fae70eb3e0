package dev.paved.daemon.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The SQL of the {@code runs} table; each method runs inside the caller's transaction. */
final class RunTable {

    private static final String COLUMNS = "id, triggered_by, commit_id, started_at, finished_at, outcome,"
            + " error_count, warning_count, changes_applied, message, replica";
    private static final String NEWEST_FIRST = " ORDER BY started_at DESC, id DESC";

    private RunTable() {
    }

    static long insert(Connection connection, RunTrigger trigger, String commit, Instant started, String replica)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO runs (triggered_by, commit_id, started_at, replica) VALUES (?, ?, ?, ?)",
                new String[] {"id"})) {
            insert.setString(1, trigger.label());
            insert.setString(2, commit);
            Transactions.setInstant(insert, 3, started);
            insert.setString(4, replica);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** Sets how a run ended, unless it already ended; false when no unfinished run has this id. */
    static boolean finish(Connection connection, long id, RunResult result, Instant finished) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE runs SET"
                + " commit_id = COALESCE(?, commit_id), finished_at = ?, outcome = ?, error_count = ?,"
                + " warning_count = ?, changes_applied = ?, message = ?"
                + " WHERE id = ? AND finished_at IS NULL")) {
            if (result.commit() == null) {
                update.setNull(1, Types.VARCHAR);
            } else {
                update.setString(1, result.commit());
            }
            Transactions.setInstant(update, 2, finished);
            update.setString(3, result.outcome().label());
            update.setInt(4, result.errors());
            update.setInt(5, result.warnings());
            update.setInt(6, result.changesApplied());
            update.setString(7, result.message());
            update.setLong(8, id);
            return update.executeUpdate() == 1;
        }
    }

    static Optional<Run> find(Connection connection, long id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM runs WHERE id = ?")) {
            select.setLong(1, id);
            List<Run> runs = read(select);
            return runs.stream().findFirst();
        }
    }

    /** The runs that have not finished, oldest first. */
    static List<Run> unfinished(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM runs WHERE finished_at IS NULL ORDER BY id")) {
            return read(select);
        }
    }

    /** The first run started after run {@code id}, if any. */
    static Optional<Run> after(Connection connection, long id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM runs WHERE id > ? ORDER BY id LIMIT 1")) {
            select.setLong(1, id);
            return read(select).stream().findFirst();
        }
    }

    static List<Run> newest(Connection connection, int limit) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM runs" + NEWEST_FIRST + " LIMIT ?")) {
            select.setInt(1, limit);
            return read(select);
        }
    }

    /** Deletes runs started before {@code cutoff}, except the newest {@code keep}; returns how many. */
    static int prune(Connection connection, Instant cutoff, int keep) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM runs WHERE started_at < ?"
                + " AND id NOT IN (SELECT id FROM runs" + NEWEST_FIRST + " LIMIT ?)")) {
            Transactions.setInstant(delete, 1, cutoff);
            delete.setInt(2, keep);
            return delete.executeUpdate();
        }
    }

    private static List<Run> read(PreparedStatement select) throws SQLException {
        List<Run> runs = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                String outcome = rows.getString("outcome");
                runs.add(new Run(rows.getLong("id"), RunTrigger.of(rows.getString("triggered_by")),
                        rows.getString("commit_id"), Transactions.getInstant(rows, "started_at"),
                        Transactions.getInstant(rows, "finished_at"), outcome == null ? null : RunOutcome.of(outcome),
                        rows.getInt("error_count"), rows.getInt("warning_count"), rows.getInt("changes_applied"),
                        rows.getString("message"), rows.getString("replica")));
            }
        }
        return runs;
    }
}
