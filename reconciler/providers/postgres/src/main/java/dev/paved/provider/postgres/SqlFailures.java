package dev.paved.provider.postgres;

import dev.paved.provider.ProviderError;
import dev.paved.provider.Secret;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Turns a failed JDBC call into a {@link ProviderError} that names the instance and the step, e.g.
 * {@code observe pg-dev: connection refused}. Lost connections, timeouts, a server starting or shutting down,
 * lack of resources and conflicts are retryable; everything else (permissions, bad passwords, missing
 * extensions) is permanent. Only the server's primary message is kept, and the admin password is masked out
 * of it. Generated passwords cannot appear: they reach the server only as SCRAM verifiers.
 */
final class SqlFailures {

    /** SQLSTATEs (beyond class 08, connection exceptions, and 53, insufficient resources) worth a retry. */
    private static final Set<String> RETRYABLE = Set.of(
            "40001", // serialization_failure
            "40P01", // deadlock_detected
            "55P03", // lock_not_available
            "55006", // object_in_use, e.g. the template database is busy during CREATE DATABASE
            "57014", // query_canceled, e.g. a statement timeout
            "57P01", "57P02", "57P03", // the server is shutting down or starting up
            "42P04", "42710"); // duplicate database or role: a concurrent create; the retry sees it exists

    private final String instance;
    private final List<Secret> secrets;

    SqlFailures(String instance, List<Secret> secrets) {
        this.instance = instance;
        this.secrets = List.copyOf(secrets);
    }

    /** The error of {@code step} on a resource (e.g. {@code create prod/postgres/x in pg-prod: …}). */
    ProviderError of(String step, SQLException failure) {
        return new ProviderError(mask(step + " in " + instance + ": " + reason(failure)), retryable(failure));
    }

    /** The error of a step on the whole instance: {@code observe pg-dev: connection refused}. */
    ProviderError ofInstanceStep(String step, SQLException failure) {
        return new ProviderError(mask(step + " " + instance + ": " + reason(failure)), retryable(failure));
    }

    static boolean retryable(SQLException failure) {
        String state = failure.getSQLState();
        if (state == null) {
            return cause(failure, IOException.class);
        }
        return state.startsWith("08") || state.startsWith("53") || RETRYABLE.contains(state);
    }

    private static String reason(SQLException failure) {
        if (cause(failure, ConnectException.class)) {
            return "connection refused";
        }
        if (cause(failure, SocketTimeoutException.class)) {
            return "timed out";
        }
        if (cause(failure, UnknownHostException.class)) {
            return "unknown host";
        }
        if (cause(failure, NoRouteToHostException.class)) {
            return "no route to host";
        }
        ServerErrorMessage server = failure instanceof PSQLException psql ? psql.getServerErrorMessage() : null;
        String text = server != null && server.getMessage() != null ? server.getMessage() : failure.getMessage();
        String state = failure.getSQLState();
        return (text == null ? "failed" : text) + (state == null ? "" : " (SQLSTATE " + state + ")");
    }

    private static boolean cause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private String mask(String message) {
        String masked = message;
        for (Secret secret : secrets) {
            if (!secret.reveal().isEmpty()) {
                masked = masked.replace(secret.reveal(), Secret.MASK);
            }
        }
        return masked;
    }
}
