package dev.paved.daemon.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DaemonMetricsTest {

    private final DaemonMetrics metrics = new DaemonMetrics();

    @Test
    void figuresAccumulateOrAreReplacedAsTheirKindSays() {
        metrics.applied("update", 2);
        metrics.applied("update", 3);
        metrics.findings(4, 1);
        metrics.findings(0, 1);
        metrics.drift("staging", 7);
        metrics.drift("staging", 0);
        metrics.cycleFinished(Duration.ofSeconds(2), "refused");
        metrics.cycleFinished(Duration.ofSeconds(4), "refused");

        assertThat(metrics.scrape()).contains(
                "paved_changes_applied_total{action=\"update\"} 5",
                "paved_findings{severity=\"error\"} 0",
                "paved_drift_resources{environment=\"staging\"} 0",
                "paved_cycle_duration_seconds_count{outcome=\"refused\"} 2",
                "paved_cycle_duration_seconds_sum{outcome=\"refused\"} 6",
                "paved_cycle_duration_seconds_bucket{outcome=\"refused\",le=\"5.0\"} 2",
                "paved_cycle_duration_seconds_bucket{outcome=\"refused\",le=\"1.0\"} 0");
    }

    @Test
    void theLastGoodCommitTimeIsAbsentUntilKnown() {
        assertThat(metrics.scrape()).doesNotContain("paved_last_good_commit_timestamp_seconds");

        metrics.lastGood(Instant.ofEpochMilli(1_700_000_000_500L));
        metrics.lastGood(Instant.ofEpochSecond(1_800_000_000L));

        assertThat(metrics.scrape()).contains("paved_last_good_commit_timestamp_seconds 1.8E9");
    }

    @Test
    void everyWebhookSeriesExistsFromTheStart() {
        for (WebhookForge forge : WebhookForge.values()) {
            for (WebhookOutcome outcome : WebhookOutcome.values()) {
                assertThat(metrics.scrape()).contains("paved_webhook_requests_total{forge=\"" + forge.id()
                        + "\",outcome=\"" + outcome.id() + "\"} 0");
            }
        }
    }

    @Test
    void tagValuesAreShortLowerCaseWords() {
        assertThatThrownBy(() -> metrics.cycleFinished(Duration.ZERO, "Applied OK"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outcome 'Applied OK'");
        assertThatThrownBy(() -> metrics.applied("create", -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
