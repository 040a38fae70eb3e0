package dev.paved.daemon.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HttpSettingsTest {

    @Test
    void toStringShowsNoSecret() {
        HttpSettings settings = HttpSettings.of("0.0.0.0", 8080, "refs/heads/main").withApiToken("api-t0ken")
                .withWebhookSecret(WebhookForge.GITEA, "gitea-s3cret");

        assertThat(settings.toString()).doesNotContain("api-t0ken", "gitea-s3cret").contains("apiToken=***",
                "webhooks=[gitea]");
    }

    @Test
    void badSettingsAreRefusedNamingTheSetting() {
        assertThatThrownBy(() -> HttpSettings.of("127.0.0.1", 70000, "refs/heads/main"))
                .hasMessageContaining("port 70000");
        assertThatThrownBy(() -> HttpSettings.of("127.0.0.1", 0, "main"))
                .hasMessageContaining("tracked ref 'main'");
        assertThatThrownBy(() -> HttpSettings.of("127.0.0.1", 0, "refs/heads/main").withApiToken(" "))
                .hasMessageContaining("API token is blank");
        assertThatThrownBy(() -> HttpSettings.of("127.0.0.1", 0, "refs/heads/main")
                .withWebhookSecret(WebhookForge.GITHUB, "")).hasMessageContaining("github webhook secret is blank");
    }
}
