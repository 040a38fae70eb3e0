package dev.paved.provider.postgres;

import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A postgres provider instance ({@code pg-dev}) on the shared throwaway server, emptied before each test, with
 * its secret sink in a fresh temporary directory; closed after the test.
 */
@ExtendWith(PostgresExtension.class)
abstract class OpenPostgresProviderTest {

    final TestPostgres postgres;

    @TempDir
    Path secretDir;

    PostgresProvider provider;

    OpenPostgresProviderTest(TestPostgres postgres) {
        this.postgres = postgres;
    }

    @BeforeEach
    void open() throws SQLException {
        postgres.reset();
        provider = (PostgresProvider) new PostgresProviderType().open(postgres.settings("pg-dev", secretDir));
    }

    @AfterEach
    void close() {
        provider.close();
    }
}
