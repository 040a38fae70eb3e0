package dev.paved.daemon.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.time.Clock;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store's contract on the embedded H2 file database, plus what is particular to it. */
class EmbeddedStateStoreTest extends StateStoreContractTest {

    @TempDir
    Path temp;

    Path stateDir() {
        return temp.resolve("state-dir");
    }

    @Override
    StateStore open(Clock clock) {
        return StateStores.embedded(stateDir(), clock);
    }

    @Override
    DataSource raw() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(StateStores.embeddedUrl(stateDir()));
        dataSource.setUser("sa");
        dataSource.setPassword("");
        return dataSource;
    }

    @Override
    SchemaMigrations.Database database() {
        return SchemaMigrations.Database.EMBEDDED;
    }

    @Override
    int schemaVersion() {
        return 4;
    }

    @Test
    void theSchedulersClusterTablesAreNotHere() throws SQLException {
        assertThat(count("SELECT count(*) FROM information_schema.tables WHERE table_name LIKE 'paved_qrtz_%'"))
                .isZero();
        assertThat(store.clusterDataSource()).isEmpty();
    }

    @Test
    void theDatabaseIsOneFileInTheStateDirectory() {
        assertThat(stateDir().resolve("state.mv.db")).isRegularFile();
        assertThat(store.toString()).isEqualTo("the state store " + stateDir().resolve("state") + ".mv.db (H2)");
    }

    @Test
    void aDatabaseAnotherProcessHoldsIsRefusedWithTheReason() throws IOException {
        store.close();
        Path file = stateDir().resolve("state.mv.db");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
                FileLock lock = channel.lock()) {
            assertThatThrownBy(() -> open(clock)).isInstanceOf(StateStoreException.class)
                    .hasMessageStartingWith("open the state store " + file + " (H2): another process has it open");
        }
    }

    @Test
    void aStateDirectoryThatCannotBeCreatedIsNamed() throws IOException {
        Path file = Files.writeString(temp.resolve("a-file"), "");
        assertThatThrownBy(() -> StateStores.embedded(file.resolve("state"))).isInstanceOf(StateStoreException.class)
                .hasMessageStartingWith("create the state directory " + file.resolve("state"));
    }
}
