package dev.paved.provider.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.provider.ProviderError;
import dev.paved.provider.Secret;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

class SqlFailuresTest {

    private final SqlFailures failures = new SqlFailures("pg-dev", List.of(Secret.of("admin-s3cret")));

    @ParameterizedTest
    @CsvSource({
        "08001, true", "08006, true", "53300, true", "57P03, true", "40P01, true", "55006, true", "42P04, true",
        "42501, false", "28P01, false", "42601, false", "58P01, false", "2BP01, false",
    })
    void whatIsWorthARetry(String sqlState, boolean retryable) {
        assertThat(SqlFailures.retryable(new SQLException("x", sqlState))).isEqualTo(retryable);
    }

    @Test
    void connectionProblemsAreNamedPlainly() {
        var refused = new PSQLException("Connection to 127.0.0.1:1 refused.", PSQLState.CONNECTION_UNABLE_TO_CONNECT,
                new ConnectException("Connection refused"));
        var timedOut = new PSQLException("The connection attempt failed.", PSQLState.CONNECTION_UNABLE_TO_CONNECT,
                new SocketTimeoutException("connect timed out"));

        assertThat(failures.ofInstanceStep("observe", refused))
                .isEqualTo(ProviderError.retryable("observe pg-dev: connection refused"));
        assertThat(failures.of("create dev/postgres/x", timedOut))
                .isEqualTo(ProviderError.retryable("create dev/postgres/x in pg-dev: timed out"));
    }

    @Test
    void serverMessagesKeepTheirStateAndLoseSecrets() {
        var denied = new SQLException("permission denied for admin-s3cret", "42501");

        assertThat(failures.of("delete dev/postgres/x", denied)).isEqualTo(ProviderError.permanent(
                "delete dev/postgres/x in pg-dev: permission denied for (sensitive) (SQLSTATE 42501)"));
    }
}
