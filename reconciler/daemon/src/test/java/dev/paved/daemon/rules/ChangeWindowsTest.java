package dev.paved.daemon.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paved.core.parse.Declaration;
import dev.paved.core.parse.Kind;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Change windows at given instants: allow-lists, deny windows that always win, time zones, overnight, 24:00. */
class ChangeWindowsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The sample repo's prod: weekdays 08:00-18:00 Berlin allowed, weekends denied, a holiday freeze. */
    private static final String PROD = """
            [{"type": "allow", "days": ["mon","tue","wed","thu","fri"], "start": "08:00", "end": "18:00",
              "timezone": "Europe/Berlin", "reason": "Business hours"},
             {"type": "deny", "days": ["sat","sun"], "start": "00:00", "end": "24:00", "timezone": "Europe/Berlin",
              "reason": "Weekend"},
             {"type": "deny", "from": "2026-12-14T00:00:00+01:00", "until": "2026-12-28T09:00:00+01:00",
              "reason": "Holiday freeze"}]""";

    /** Overnight deny in New York from Friday 22:00 to Saturday 06:00, no allow-list, default reasons. */
    private static final String OVERNIGHT = """
            [{"type": "deny", "days": ["fri"], "start": "22:00", "end": "06:00", "timezone": "America/New_York"}]""";

    /** Deny in UTC (the default zone) every Monday for the whole day. */
    private static final String UTC_DAY = """
            [{"type": "deny", "days": ["mon"], "start": "00:00", "end": "24:00", "reason": "Monday"}]""";

    @ParameterizedTest(name = "{0} at {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            PROD      | 2026-12-02T09:00:00Z | -
            PROD      | 2026-12-02T07:00:00Z | -
            PROD      | 2026-12-02T06:00:00Z | outside the allow change windows of env: Business hours
            PROD      | 2026-12-02T06:59:59Z | outside the allow change windows of env: Business hours
            PROD      | 2026-12-02T16:59:59Z | -
            PROD      | 2026-12-02T17:00:00Z | outside the allow change windows of env: Business hours
            PROD      | 2026-07-01T06:30:00Z | -
            PROD      | 2026-07-01T05:59:00Z | outside the allow change windows of env: Business hours
            PROD      | 2026-12-05T12:00:00Z | inside the deny change window of env: Weekend
            PROD      | 2026-12-05T23:30:00Z | inside the deny change window of env: Weekend
            PROD      | 2026-12-06T22:59:59Z | inside the deny change window of env: Weekend
            PROD      | 2026-12-15T10:00:00Z | inside the deny change window of env: Holiday freeze
            PROD      | 2026-12-28T07:59:59Z | inside the deny change window of env: Holiday freeze
            PROD      | 2026-12-28T08:00:00Z | -
            OVERNIGHT | 2026-12-05T02:59:00Z | -
            OVERNIGHT | 2026-12-05T03:00:00Z | inside the deny change window of env: fri 22:00-06:00 America/New_York
            OVERNIGHT | 2026-12-05T10:59:00Z | inside the deny change window of env: fri 22:00-06:00 America/New_York
            OVERNIGHT | 2026-12-05T11:00:00Z | -
            OVERNIGHT | 2026-12-06T03:00:00Z | -
            UTC_DAY   | 2026-12-06T23:59:59Z | -
            UTC_DAY   | 2026-12-07T00:00:00Z | inside the deny change window of env: Monday
            UTC_DAY   | 2026-12-07T23:59:59Z | inside the deny change window of env: Monday
            UTC_DAY   | 2026-12-08T00:00:00Z | -
            """)
    void holdsChangesOutsideTheWindows(String table, String at, String expected) {
        String windows = switch (table) {
            case "PROD" -> PROD;
            case "OVERNIGHT" -> OVERNIGHT;
            default -> UTC_DAY;
        };

        var hold = ChangeWindows.of(environment(windows)).hold(Instant.parse(at));

        assertThat(hold.orElse("-")).isEqualTo(expected);
    }

    @Test
    void withoutWindowsChangesAlwaysApply() {
        assertThat(ChangeWindows.of(environment("[]")).hold(Instant.parse("2026-12-05T12:00:00Z"))).isEmpty();
    }

    @Test
    void aDenyWindowWinsOverAnOpenAllowWindow() {
        String windows = """
                [{"type": "allow", "days": ["sat"], "start": "00:00", "end": "24:00", "reason": "Saturday"},
                 {"type": "deny", "days": ["sat"], "start": "10:00", "end": "11:00", "reason": "Backups"}]""";

        assertThat(ChangeWindows.of(environment(windows)).hold(Instant.parse("2026-12-05T09:59:00Z"))).isEmpty();
        assertThat(ChangeWindows.of(environment(windows)).hold(Instant.parse("2026-12-05T10:30:00Z")))
                .contains("inside the deny change window of env: Backups");
    }

    @Test
    void anUnknownTimeZoneNamesTheFileAndTheWindow() {
        String windows = """
                [{"type": "deny", "days": ["sat"], "start": "00:00", "end": "24:00", "timezone": "Mars/Olympus"}]""";

        assertThatThrownBy(() -> ChangeWindows.of(environment(windows)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("environments/env.yaml: spec.changeWindows[0] of env: ")
                .hasMessageContaining("Mars/Olympus");
    }

    private static Declaration environment(String windows) {
        ObjectNode body = (ObjectNode) JSON.readTree("""
                {"apiVersion": "paved.dev/v1alpha1", "kind": "Environment", "metadata": {"name": "env"},
                 "spec": {"changeWindows": %s}}""".formatted(windows));
        return new Declaration("environments/env.yaml", 0, Kind.ENVIRONMENT, "env", body, null);
    }
}
