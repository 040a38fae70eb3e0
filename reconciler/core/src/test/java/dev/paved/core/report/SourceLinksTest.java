package dev.paved.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceLinksTest {

    @Test
    void gitHubActionsVariablesLinkToTheCommitOnGitHub() {
        var links = SourceLinks.fromCi(Map.of("GITHUB_SERVER_URL", "https://github.com", "GITHUB_REPOSITORY",
                "acme/platform", "CI_PROJECT_URL", "https://gitlab.example/acme/platform"), "3f2c1a0", "");

        assertThat(links).get().extracting(l -> l.link("services/payments-api.yaml", 16))
                .isEqualTo("https://github.com/acme/platform/blob/3f2c1a0/services/payments-api.yaml#L16");
    }

    @Test
    void gitLabCiVariablesLinkToTheCommitOnGitLab() {
        var links = SourceLinks.fromCi(Map.of("CI_PROJECT_URL", "https://gitlab.example/acme/platform"), "3f2c1a0",
                "platform");

        assertThat(links).get().extracting(l -> l.link("teams/a b.yaml", 0))
                .isEqualTo("https://gitlab.example/acme/platform/-/blob/3f2c1a0/platform/teams/a%20b.yaml");
    }

    @Test
    void elsewhereThereAreNoLinksUnlessGiven() {
        assertThat(SourceLinks.fromCi(Map.of("GITHUB_REPOSITORY", "acme/platform"), "3f2c1a0", "")).isEmpty();
        assertThat(new SourceLinks("https://git.example/blob/abc/", "deploy/platform/").link("x.yaml", 2))
                .isEqualTo("https://git.example/blob/abc/deploy/platform/x.yaml#L2");
    }
}
