package dev.paved.provider.filesystem;

import static dev.paved.provider.filesystem.TestResources.desired;
import static dev.paved.provider.filesystem.TestResources.file;
import static dev.paved.provider.filesystem.TestResources.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.provider.DesiredResource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Equal resources are equal files, byte for byte, and an unchanged resource is not rewritten. */
class StableBytesTest extends OpenProviderTest {

    private static final String DB = "{\"size\": \"small\", \"port\": 5432, \"extensions\": [\"pgcrypto\","
            + " {\"name\": \"postgis\", \"after\": \"pgcrypto\"}], \"backup\": {\"schedule\": \"daily\","
            + " \"enabled\": true, \"retention\": null, \"labels\": {}, \"replicas\": []}}";

    /** The same properties written in another key order. */
    private static final String DB_REORDERED = "{\"backup\": {\"replicas\": [], \"retention\": null, \"labels\": {},"
            + " \"enabled\": true,"
            + " \"schedule\": \"daily\"}, \"extensions\": [\"pgcrypto\", {\"after\": \"pgcrypto\", \"name\":"
            + " \"postgis\"}], \"port\": 5432, \"size\": \"small\"}";

    private static final Instant LONG_AGO = Instant.parse("2001-02-03T04:05:06Z");

    @Test
    void aResourceFileIsPrettyPrintedWithSortedKeys() throws IOException {
        DesiredResource db = desired("prod", "postgres", "payments-api-db", DB);
        ok(provider.create(db));

        assertThat(Files.readAllBytes(file(root, db.key()))).asString()
                .isEqualTo(fixture("stable-bytes/prod/postgres/payments-api-db.json"));
    }

    @Test
    void writingTheSameResourceTwiceGivesIdenticalBytesAndNoRewrite() throws IOException {
        DesiredResource db = desired("prod", "postgres", "payments-api-db", DB);
        ok(provider.create(db));
        Path file = file(root, db.key());
        byte[] first = Files.readAllBytes(file);
        Object inode = Files.readAttributes(file, "basic:fileKey").get("fileKey");
        Files.setLastModifiedTime(file, FileTime.from(LONG_AGO));

        ok(provider.create(db));
        ok(provider.create(desired("prod", "postgres", "payments-api-db", DB_REORDERED)));
        ok(provider.update(desired("prod", "postgres", "payments-api-db", DB_REORDERED),
                ok(provider.observe("prod")).get(0)));

        assertThat(Files.readAllBytes(file)).isEqualTo(first);
        assertThat(Files.getLastModifiedTime(file).toInstant()).as("not rewritten").isEqualTo(LONG_AGO);
        assertThat(Files.readAttributes(file, "basic:fileKey").get("fileKey")).as("same file").isEqualTo(inode);
    }

    @Test
    void aChangedResourceIsRewritten() throws IOException {
        DesiredResource db = desired("prod", "postgres", "payments-api-db", DB);
        ok(provider.create(db));
        Path file = file(root, db.key());
        Files.setLastModifiedTime(file, FileTime.from(LONG_AGO));

        ok(provider.update(desired("prod", "postgres", "payments-api-db", DB.replace("small", "large")),
                ok(provider.observe("prod")).get(0)));

        assertThat(Files.getLastModifiedTime(file).toInstant()).isAfter(LONG_AGO);
        assertThat(Files.readString(file)).contains("\"size\": \"large\"");
    }

    @Test
    void twoRootsGivenTheSameResourcesHoldTheSameBytes(@TempDir Path other) throws IOException {
        DesiredResource db = desired("prod", "postgres", "payments-api-db", DB);
        DesiredResource reordered = desired("prod", "postgres", "payments-api-db", DB_REORDERED);
        ok(provider.create(db));
        try (FilesystemProvider second = TestResources.open(other)) {
            ok(second.create(reordered));
        }

        assertThat(Files.readAllBytes(file(other, db.key()))).isEqualTo(Files.readAllBytes(file(root, db.key())));
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = StableBytesTest.class.getResourceAsStream("/fixtures/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
