package dev.paved.provider.gitmanifests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paved.provider.ProviderException;
import dev.paved.provider.ProviderSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitManifestsSettingsTest {

    @TempDir
    Path scratch;

    @Test
    void defaultsApply() {
        GitManifestsSettings settings = GitManifestsSettings.from(new ProviderSettings("deploy",
                Samples.json("{\"repository\": \"https://git.example/deploy.git\", \"workdir\": \"w\"}"), Map.of()));

        assertThat(settings.branch()).isEqualTo("main");
        assertThat(settings.authorName()).isEqualTo("Paved");
        assertThat(settings.pushAttempts()).isEqualTo(3);
        assertThat(settings.namespace("prod")).isEqualTo("prod");
        assertThat(settings.workdir()).isAbsolute();
        assertThat(settings.token()).isEmpty();
    }

    @Test
    void theTokenAndUserInformationNeverShow() {
        GitManifestsSettings settings = GitManifestsSettings.from(Samples.settings("deploy",
                "https://paved:" + Samples.TOKEN + "@git.example/deploy.git", scratch,
                Samples.json("{\"namespacePrefix\": \"shop-\"}")));

        assertThat(settings.toString()).doesNotContain(Samples.TOKEN).doesNotContain("paved:")
                .contains("https://git.example/deploy.git", "(sensitive)");
        assertThat(settings.namespace("prod")).isEqualTo("shop-prod");
        assertThat(GitErrors.scrub("failed for https://x:" + Samples.TOKEN + "@git.example/a and "
                + Samples.TOKEN, settings)).isEqualTo("failed for https://git.example/a and (sensitive)");
    }

    @Test
    void invalidSettingsStopTheInstanceFromOpening() {
        GitManifestsProviderType type = new GitManifestsProviderType();

        assertThatThrownBy(() -> type.open(new ProviderSettings("deploy", Samples.json("{\"workdir\": \"w\"}"),
                Map.of()))).isInstanceOf(ProviderException.class).hasMessageContaining("'repository' is required");
        assertThatThrownBy(() -> type.open(Samples.settings("deploy", "r", scratch, Samples.json(
                "{\"branch\": \"a..b\"}")))).isInstanceOf(ProviderException.class).hasMessageContaining("branch");
        assertThatThrownBy(() -> type.open(Samples.settings("deploy", "r", scratch, Samples.json(
                "{\"pushAttempts\": 0}")))).isInstanceOf(ProviderException.class).hasMessageContaining("pushAttempts");
    }

    @Test
    void aWorkdirWithSomethingElseInItIsRefused() throws Exception {
        Files.writeString(scratch.resolve("precious.txt"), "mine");

        assertThatThrownBy(() -> new GitManifestsProviderType().open(Samples.settings("deploy", "r", scratch,
                Samples.json("{}")))).isInstanceOf(ProviderException.class)
                .hasMessageContaining("neither empty nor a Git clone");
    }
}
