package dev.paved.core.scaffold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paved.core.parse.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading templates/NAME/VERSION/ and its template.yaml. */
class TemplateLibraryTest {

    @TempDir
    Path repo;

    private TemplateLibrary library;

    private void write(String path, String text) throws IOException {
        Path file = repo.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @BeforeEach
    void templates() throws IOException {
        for (String version : new String[] {"3.9.0", "3.10.0", "3.11.0-rc.1"}) {
            write("templates/web-api/" + version + "/template.yaml", """
                    kind: Service
                    description: An HTTP API.
                    file: service.yaml
                    parameters:
                      - name: port
                        description: The port.
                        default: "8080"
                        pattern: '[0-9]+'
                      - name: image
                    """);
            write("templates/web-api/" + version + "/service.yaml", "name: {{name}}\n");
        }
        write("templates/web-api/notes/README.md", "not a version");
        library = new TemplateLibrary(repo);
    }

    @Test
    void theNewestReleaseIsTheDefaultAndAPreReleaseMustBeAskedFor() {
        Template latest = library.load("web-api", null);
        Template candidate = library.load("web-api", "3.11.0-rc.1");

        assertThat(library.names()).containsExactly("web-api");
        assertThat(library.versions("web-api")).extracting(TemplateVersion::toString)
                .containsExactly("3.9.0", "3.10.0", "3.11.0-rc.1");
        assertThat(latest.label()).isEqualTo("web-api 3.10.0");
        assertThat(latest.kind()).isEqualTo(Kind.SERVICE);
        assertThat(latest.fileFor(null)).isEqualTo("service.yaml");
        assertThat(latest.parameters()).extracting(TemplateParameter::name).containsExactly("port", "image");
        assertThat(latest.parameters().get(1).defaultValue()).isEmpty();
        assertThat(latest.parameters().get(1).accepts("registry.example/a/b:1.0")).isTrue();
        assertThat(latest.parameters().get(1).accepts("x: y")).as("the plain pattern keeps YAML intact").isFalse();
        assertThat(candidate.label()).isEqualTo("web-api 3.11.0-rc.1");
    }

    @Test
    void aMissingTemplateOrVersionListsWhatThereIs() {
        assertThatThrownBy(() -> library.load("web-apy", null)).isInstanceOf(ScaffoldException.class)
                .hasMessage("no template 'web-apy' in templates/ (did you mean 'web-api'?); there are: web-api");
        assertThatThrownBy(() -> library.load("web-api", "3.8.0"))
                .hasMessage("template web-api has no version '3.8.0'; there are: 3.9.0, 3.10.0, 3.11.0-rc.1");
        assertThatThrownBy(() -> new TemplateLibrary(repo.resolve("elsewhere")).load("web-api", null))
                .hasMessageStartingWith("no templates/ folder in the platform repo");
    }

    @Test
    void aBrokenManifestIsNamedWithTheField() throws IOException {
        write("templates/worker/1.0.0/template.yaml", "kind: Service\nfile: service.yaml\nfiles: [x]\n");
        write("templates/worker/1.0.0/service.yaml", "x");
        write("templates/cron/1.0.0/template.yaml", "kind: Team\nfile: job.yaml\n");
        write("templates/env/1.0.0/template.yaml", "kind: Environment\nfile: env.yaml\n");
        write("templates/bad/1.0.0/template.yaml", "kind: Service\nfile: ../../../secrets.yaml\n");
        write("templates/dup/1.0.0/template.yaml", "kind: Service\nfile: s.yaml\nparameters:\n  - name: team\n");
        write("templates/dup/1.0.0/s.yaml", "x");

        assertThatThrownBy(() -> library.load("worker", null))
                .hasMessage("templates/worker/1.0.0/template.yaml: unknown field 'files'; allowed: description, file,"
                        + " kind, parameters, tiers");
        assertThatThrownBy(() -> library.load("cron", null))
                .hasMessage("templates/cron/1.0.0/template.yaml: kind 'Team' is not Service or Environment");
        assertThatThrownBy(() -> library.load("env", null))
                .hasMessage("templates/env/1.0.0/template.yaml: file: 'env.yaml' is not a file of this template");
        assertThatThrownBy(() -> library.load("bad", null))
                .hasMessage("templates/bad/1.0.0/template.yaml: file: '../../../secrets.yaml' is not a file of this"
                        + " template");
        assertThatThrownBy(() -> library.load("dup", null))
                .hasMessage("templates/dup/1.0.0/template.yaml: parameters[0]: 'team' is already a placeholder");
    }
}
