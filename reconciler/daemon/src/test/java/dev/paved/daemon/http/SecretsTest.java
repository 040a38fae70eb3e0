package dev.paved.daemon.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SecretsTest {

    /** The example in GitHub's "Validating webhook deliveries". */
    private static final String GITHUB_SECRET = "It's a Secret to Everybody";
    private static final byte[] GITHUB_PAYLOAD = "Hello, World!".getBytes(StandardCharsets.UTF_8);
    private static final String GITHUB_SIGNATURE = "757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

    @Test
    void hmacMatchesGitHubsDocumentedExample() {
        assertThat(Secrets.hmacMatches(GITHUB_SECRET, GITHUB_PAYLOAD, GITHUB_SIGNATURE)).isTrue();
        assertThat(Secrets.hmacMatches(GITHUB_SECRET, GITHUB_PAYLOAD, GITHUB_SIGNATURE.toUpperCase())).isTrue();
    }

    @Test
    void hmacRefusesAnyOtherValue() {
        assertThat(Secrets.hmacMatches(GITHUB_SECRET, GITHUB_PAYLOAD, null)).isFalse();
        assertThat(Secrets.hmacMatches(GITHUB_SECRET, GITHUB_PAYLOAD, "")).isFalse();
        assertThat(Secrets.hmacMatches(GITHUB_SECRET, GITHUB_PAYLOAD, GITHUB_SIGNATURE.substring(2))).isFalse();
        assertThat(Secrets.hmacMatches(GITHUB_SECRET, GITHUB_PAYLOAD, "0" + GITHUB_SIGNATURE.substring(1))).isFalse();
        assertThat(Secrets.hmacMatches("another secret", GITHUB_PAYLOAD, GITHUB_SIGNATURE)).isFalse();
        assertThat(Secrets.hmacMatches(GITHUB_SECRET, "Hello, World?".getBytes(StandardCharsets.UTF_8),
                GITHUB_SIGNATURE)).isFalse();
    }

    @Test
    void tokensMatchOnlyExactly() {
        assertThat(Secrets.tokenMatches("s3cret", "s3cret")).isTrue();
        assertThat(Secrets.tokenMatches("s3cret", "s3cre")).isFalse();
        assertThat(Secrets.tokenMatches("s3cret", "S3cret")).isFalse();
        assertThat(Secrets.tokenMatches("s3cret", "")).isFalse();
        assertThat(Secrets.tokenMatches("s3cret", null)).isFalse();
    }
}
