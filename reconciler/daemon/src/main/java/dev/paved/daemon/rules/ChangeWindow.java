package dev.paved.daemon.rules;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * One entry of an environment's {@code spec.changeWindows}: recurring (days and a time range in a time zone, the
 * range possibly overnight, {@code end} possibly {@code 24:00}) or one-off (from and until instants).
 *
 * @param allow  true for an allow window, false for a deny one
 * @param days   the days a recurring window starts on; empty for a one-off window
 * @param start  minutes after midnight a recurring window opens
 * @param end    minutes after midnight it closes (1440 for 24:00); at or before {@code start}: the next day
 * @param from   a one-off window's first instant, null for a recurring one
 * @param until  a one-off window's end (exclusive)
 * @param reason what the declaration says, or a description made up from the window
 */
public record ChangeWindow(boolean allow, Set<DayOfWeek> days, int start, int end, ZoneId zone, Instant from,
                           Instant until, String reason) {

    static final int DAY = 24 * 60;

    public ChangeWindow {
        days = Set.copyOf(days);
    }

    /** Whether the window is open at {@code now}: from its start (inclusive) to its end (exclusive). */
    public boolean contains(Instant now) {
        if (from != null) {
            return !now.isBefore(from) && now.isBefore(until);
        }
        ZonedDateTime local = now.atZone(zone);
        int minute = local.getHour() * 60 + local.getMinute();
        DayOfWeek today = local.getDayOfWeek();
        if (end > start) {
            return days.contains(today) && minute >= start && minute < end;
        }
        // overnight (or a full day when start == end): today's evening part, or yesterday's morning part
        return days.contains(today) && minute >= start || days.contains(today.minus(1)) && minute < end;
    }

    static String clock(int minutes) {
        return minutes == DAY ? "24:00" : LocalTime.of(minutes / 60, minutes % 60).toString();
    }
}
