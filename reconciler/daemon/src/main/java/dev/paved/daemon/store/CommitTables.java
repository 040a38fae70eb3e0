package dev.paved.daemon.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * The SQL of the tables about commits: {@code last_good}, {@code refusals} and {@code approvals}. Each method
 * runs inside the caller's transaction. Upserts are written as update, then insert-unless-present, then update
 * again, which is correct under concurrent writers on both databases without a dialect-specific merge.
 */
final class CommitTables {

    private CommitTables() {
    }

    static Optional<LastGood> lastGood(Connection connection, String source) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT source, commit_id, good_since, run_id FROM last_good WHERE source = ?")) {
            select.setString(1, source);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next()
                        ? Optional.of(new LastGood(rows.getString("source"), rows.getString("commit_id"),
                                Transactions.getInstant(rows, "good_since"), rows.getLong("run_id")))
                        : Optional.empty();
            }
        }
    }

    static LastGood setLastGood(Connection connection, String source, String commit, long runId, Instant now)
            throws SQLException {
        String update = "UPDATE last_good SET commit_id = ?, good_since = ?, run_id = ? WHERE source = ?"
                + " AND commit_id <> ?";
        if (write(connection, update, commit, now, runId, source, commit) == 0
                && write(connection, "INSERT INTO last_good (commit_id, good_since, run_id, source) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT DO NOTHING", commit, now, runId, source) == 0) {
            write(connection, update, commit, now, runId, source, commit); // another writer inserted in between
        }
        return lastGood(connection, source).orElseThrow();
    }

    static void insertRefusal(Connection connection, String commit, Instant at, String reason, int findings,
            long runId) throws SQLException {
        write(connection, "INSERT INTO refusals (commit_id, refused_at, reason, finding_count, run_id)"
                + " VALUES (?, ?, ?, ?, ?)", commit, at, reason, findings, runId);
    }

    /** The latest refusal of {@code commit}, or of any commit when it is null. */
    static Optional<Refusal> latestRefusal(Connection connection, String commit) throws SQLException {
        String where = commit == null ? "" : " WHERE commit_id = ?";
        try (PreparedStatement select = connection.prepareStatement("SELECT commit_id, refused_at, reason,"
                + " finding_count, run_id FROM refusals" + where + " ORDER BY refused_at DESC, id DESC LIMIT 1")) {
            if (commit != null) {
                select.setString(1, commit);
            }
            try (ResultSet rows = select.executeQuery()) {
                return rows.next()
                        ? Optional.of(new Refusal(rows.getString("commit_id"),
                                Transactions.getInstant(rows, "refused_at"), rows.getString("reason"),
                                rows.getInt("finding_count"), rows.getLong("run_id")))
                        : Optional.empty();
            }
        }
    }

    static Approval approve(Connection connection, String environment, String commit, String approvedBy, Instant at)
            throws SQLException {
        write(connection, "INSERT INTO approvals (environment, commit_id, approved_by, approved_at)"
                + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING", environment, commit, approvedBy, at);
        return approval(connection, environment, commit).orElseThrow();
    }

    static Optional<Approval> approval(Connection connection, String environment, String commit)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT environment, commit_id, approved_by,"
                + " approved_at FROM approvals WHERE environment = ? AND commit_id = ?")) {
            select.setString(1, environment);
            select.setString(2, commit);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next()
                        ? Optional.of(new Approval(rows.getString("environment"), rows.getString("commit_id"),
                                rows.getString("approved_by"), Transactions.getInstant(rows, "approved_at")))
                        : Optional.empty();
            }
        }
    }

    /** Runs one statement with parameters of the few types the store uses; returns the rows it touched. */
    private static int write(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                Object parameter = parameters[i];
                if (parameter instanceof Instant instant) {
                    Transactions.setInstant(statement, i + 1, instant);
                } else {
                    statement.setObject(i + 1, parameter);
                }
            }
            return statement.executeUpdate();
        }
    }
}
