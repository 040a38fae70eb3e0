package dev.paved.daemon.rules;

import dev.paved.core.parse.Declaration;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Whether an environment's change windows let changes apply at an instant. A deny window that is open holds
 * changes, whatever else is open; when the environment declares any allow window, changes apply only while one is
 * open. Without windows changes always apply. Pure: the instant is given.
 */
public record ChangeWindows(String environment, List<ChangeWindow> windows) {

    public ChangeWindows {
        windows = List.copyOf(windows);
    }

    /** Why changes are held at {@code now}, naming the window; empty when they may apply. */
    public Optional<String> hold(Instant now) {
        for (ChangeWindow window : windows) {
            if (!window.allow() && window.contains(now)) {
                return Optional.of("inside the deny change window of " + environment + ": " + window.reason());
            }
        }
        List<ChangeWindow> allows = windows.stream().filter(ChangeWindow::allow).toList();
        if (allows.isEmpty() || allows.stream().anyMatch(window -> window.contains(now))) {
            return Optional.empty();
        }
        return Optional.of("outside the allow change windows of " + environment + ": " + String.join("; ",
                allows.stream().map(ChangeWindow::reason).toList()));
    }

    /**
     * The windows of a validated Environment declaration. The schema check has already rejected malformed
     * windows; what it cannot check (an unknown time zone, an unparsable instant) is an {@link IllegalArgumentException}
     * naming the file and window.
     */
    public static ChangeWindows of(Declaration environment) {
        List<ChangeWindow> windows = new ArrayList<>();
        int index = 0;
        for (JsonNode entry : environment.spec().path("changeWindows")) {
            try {
                windows.add(window(entry));
            } catch (DateTimeException | IllegalArgumentException e) {
                throw new IllegalArgumentException(environment.file() + ": spec.changeWindows[" + index + "] of "
                        + environment.name() + ": " + e.getMessage(), e);
            }
            index++;
        }
        return new ChangeWindows(environment.name(), windows);
    }

    private static ChangeWindow window(JsonNode entry) {
        boolean allow = "allow".equals(entry.path("type").asString(""));
        ZoneId zone = entry.hasNonNull("timezone") ? ZoneId.of(entry.path("timezone").asString()) : ZoneOffset.UTC;
        String reason = entry.path("reason").asString("");
        if (entry.has("from")) {
            Instant from = OffsetDateTime.parse(entry.path("from").asString()).toInstant();
            Instant until = OffsetDateTime.parse(entry.path("until").asString()).toInstant();
            return new ChangeWindow(allow, Set.of(), 0, 0, zone, from, until,
                    reason.isEmpty() ? "from " + from + " until " + until : reason);
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        List<String> names = new ArrayList<>();
        for (JsonNode day : entry.path("days")) {
            days.add(day(day.asString("")));
            names.add(day.asString(""));
        }
        int start = minutes(entry.path("start").asString(""));
        int end = minutes(entry.path("end").asString(""));
        return new ChangeWindow(allow, days, start, end, zone, null, null, reason.isEmpty()
                ? String.join(",", names) + " "
                + ChangeWindow.clock(start) + "-" + ChangeWindow.clock(end) + " " + zone.getId() : reason);
    }

    private static int minutes(String clock) {
        String[] parts = clock.split(":");
        if (parts.length != 2) {
            throw new IllegalArgumentException("'" + clock + "' is not a time of day (HH:MM)");
        }
        int minutes = Integer.parseInt(parts[0]) * 60 + Integer.parseInt(parts[1]);
        if (minutes < 0 || minutes > ChangeWindow.DAY) {
            throw new IllegalArgumentException("'" + clock + "' is not a time of day (HH:MM)");
        }
        return minutes;
    }

    private static DayOfWeek day(String name) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().toLowerCase(Locale.ROOT).startsWith(name) && name.length() == 3) {
                return day;
            }
        }
        throw new IllegalArgumentException("'" + name + "' is not a day (mon..sun)");
    }
}
