package dev.paved.provider.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.postgresql.PGConnection;

/**
 * One connection to one database, for the length of one provider call. Every statement goes through here, so
 * it is counted (observe's promise of one query per call is tested on the count) and every identifier and
 * literal is quoted by the driver's own escaping, never concatenated raw.
 */
final class Session implements AutoCloseable {

    /** Maps the current row of a result set to a value. */
    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private final Connection connection;
    private final AtomicLong statements;

    Session(Connection connection, AtomicLong statements) {
        this.connection = connection;
        this.statements = statements;
    }

    /** Runs one query with bind parameters and maps every row. */
    <T> List<T> query(String sql, RowMapper<T> mapper, String... parameters) throws SQLException {
        statements.incrementAndGet();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(mapper.map(rows));
                }
                return result;
            }
        }
    }

    /**
     * Runs one utility statement (DDL, which takes no bind parameters). Callers build it only from
     * {@link #identifier} and {@link #literal} and integers.
     */
    void execute(String sql) throws SQLException {
        statements.incrementAndGet();
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Sets a role's password as a SCRAM verifier computed here: the password itself never reaches the server. */
    void setPassword(String role, char[] password) throws SQLException {
        statements.incrementAndGet();
        connection.unwrap(PGConnection.class).alterUserPassword(role, password, "scram-sha-256");
    }

    /** {@code name} as a quoted SQL identifier. */
    String identifier(String name) throws SQLException {
        return connection.unwrap(PGConnection.class).escapeIdentifier(name);
    }

    /** {@code text} as a quoted SQL string literal. */
    String literal(String text) throws SQLException {
        return "'" + connection.unwrap(PGConnection.class).escapeLiteral(text) + "'";
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
