package dev.paved.provider.filesystem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.provider.ProviderError;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** How I/O failures become error values: the message names step and subject; retrying only where it can help. */
class FailuresTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(new AccessDeniedException("/srv/paved/prod/postgres"),
                        "permission denied (/srv/paved/prod/postgres)", false),
                Arguments.of(new FileSystemException("/srv/paved/prod", null, "Operation not permitted"),
                        "permission denied (/srv/paved/prod)", false),
                Arguments.of(new FileSystemException("/srv/paved/prod", null, "Read-only file system"),
                        "read-only file system (/srv/paved/prod)", false),
                Arguments.of(new AtomicMoveNotSupportedException("/a", "/b", "cross-device"),
                        "the file system cannot rename atomically (/a)", false),
                Arguments.of(new FileAlreadyExistsException("/srv/paved/prod"),
                        "a file stands where a directory belongs (/srv/paved/prod)", false),
                Arguments.of(new NotDirectoryException("/srv/paved/prod"),
                        "a file stands where a directory belongs (/srv/paved/prod)", false),
                Arguments.of(new FileSystemException("/srv/paved/prod/x", null, "Not a directory"),
                        "a file stands where a directory belongs (/srv/paved/prod/x)", false),
                Arguments.of(new FileSystemException("/srv/paved/x.json", null, "No space left on device"),
                        "no space left on device (/srv/paved/x.json)", true),
                Arguments.of(new NoSuchFileException("/srv/paved/x.json"),
                        "no such file or directory (/srv/paved/x.json)", true),
                Arguments.of(new IOException("Input/output error"), "Input/output error", true),
                Arguments.of(new IOException(), "IOException", true));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("cases")
    void mapsAnIoFailureToAnErrorValue(IOException failure, String reason, boolean retryable) {
        ProviderError error = Failures.of("create", "local-files/prod/postgres/payments-api-db", failure);

        assertThat(error.message()).isEqualTo("create local-files/prod/postgres/payments-api-db: " + reason);
        assertThat(error.retryable()).isEqualTo(retryable);
    }
}
