package dev.paved.core.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paved.core.finding.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectorySnapshotTest {

    @TempDir
    Path repo;

    @TempDir
    Path outside;

    private void write(String path, String content) throws IOException {
        Path file = repo.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    @Test
    void listsYamlFilesSortedSkippingHiddenReservedAndIgnoredPaths() throws IOException {
        write("services/b.yaml", "b");
        write("services/a.yml", "a");
        write("services/notes.md", "not yaml");
        write("teams/x.YAML", "x");
        write(".github/workflows/ci.yaml", "hidden folder");
        write("services/.draft.yaml", "hidden file");
        write("policy/data.yaml", "policy data");
        write("templates/web-api/service.yaml", "a template");
        write("nested/policy/kept.yaml", "only the top-level policy/ is reserved");
        write("docs/site/config.yaml", "ignored by glob");
        write("mkdocs.yml", "ignored by name");
        write(".pavedignore", "# not declarations\ndocs/**\nmkdocs.yml\n");

        DirectorySnapshot snapshot = DirectorySnapshot.open(repo);

        assertThat(snapshot.files()).extracting(SourceFile::path)
                .containsExactly("nested/policy/kept.yaml", "services/a.yml", "services/b.yaml", "teams/x.YAML");
        assertThat(snapshot.findings()).isEmpty();
        assertThat(snapshot.files().get(1).size()).isEqualTo(1);
        assertThat(new String(snapshot.read(snapshot.files().get(2)), StandardCharsets.UTF_8)).isEqualTo("b");
    }

    @Test
    void followsSymlinksOnlyWhileTheyStayInsideTheRepo() throws IOException {
        write("shared/team.yaml", "inside");
        Files.writeString(outside.resolve("secret.yaml"), "outside");
        Files.createDirectories(repo.resolve("teams"));
        Files.createSymbolicLink(repo.resolve("teams/inside.yaml"), repo.resolve("shared/team.yaml"));
        Files.createSymbolicLink(repo.resolve("teams/escape.yaml"), outside.resolve("secret.yaml"));
        Files.createSymbolicLink(repo.resolve("teams/dangling.yaml"), repo.resolve("nothing.yaml"));

        DirectorySnapshot snapshot = DirectorySnapshot.open(repo);

        assertThat(snapshot.files()).extracting(SourceFile::path)
                .containsExactly("shared/team.yaml", "teams/inside.yaml");
        assertThat(snapshot.findings()).extracting(Finding::ruleId, f -> f.location().file())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("load.symlink-escape", "teams/escape.yaml"),
                        org.assertj.core.groups.Tuple.tuple("load.symlink-escape", "teams/dangling.yaml"));
    }

    @Test
    void aMissingDirectoryCannotBeOpened() {
        assertThatThrownBy(() -> DirectorySnapshot.open(repo.resolve("nope")))
                .isInstanceOf(SourceException.class)
                .hasMessageEndingWith("nope: no such directory");
    }

    @Test
    void aFileIsNotADirectory() throws IOException {
        write("file.yaml", "x");

        assertThatThrownBy(() -> DirectorySnapshot.open(repo.resolve("file.yaml")))
                .isInstanceOf(SourceException.class)
                .hasMessageEndingWith("file.yaml: not a directory");
    }
}
