package org.jslurm.time;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the absolute and relative times accepted by {@code --begin} and {@code sacct -S}.
 *
 * <p>Forms without a date roll forward to tomorrow when already past; {@code MM/DD} without a
 * year rolls forward to next year when already past. Explicit dates never roll.
 */
final class TimestampParser {

    private static final Pattern NOW = Pattern.compile("now(?:([+-])(\\d{1,9})([a-z]*))?");
    private static final Pattern CLOCK =
            Pattern.compile("(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*(am|pm)?");
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern MMDDYY = Pattern.compile("(\\d{2})(\\d{2})(\\d{2})");
    private static final Pattern SLASH_DATE =
            Pattern.compile("(\\d{1,2})/(\\d{1,2})(?:/(\\d{2}|\\d{4}))?");
    /** A date and a time joined by {@code T}; the time always starts with a digit. */
    private static final Pattern DATE_T_TIME = Pattern.compile("(.+?)t(\\d.*)");

    private final long now;
    private final ZoneId zone;
    private final LocalDateTime nowLocal;

    private TimestampParser(long now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
        this.nowLocal = LocalDateTime.ofInstant(Instant.ofEpochSecond(now), zone);
    }

    static long parse(String s, long nowEpochSec, ZoneId zone) {
        if (s == null) {
            throw new IllegalArgumentException("time is null");
        }
        String t = s.strip().toLowerCase(Locale.ROOT);
        try {
            return new TimestampParser(nowEpochSec, zone).parse(t);
        } catch (DateTimeException | IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid time specification '" + s + "'"
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        }
    }

    private long parse(String t) {
        if (t.startsWith("now")) {
            return parseNow(t.replaceAll("\\s+", ""));
        }
        Matcher both = DATE_T_TIME.matcher(t);
        if (both.matches()) {
            LocalTime time = timeOfDay(both.group(2));
            if (time == null) {
                throw new IllegalArgumentException("bad time of day '" + both.group(2) + "'");
            }
            return epoch(date(both.group(1), time), time);
        }
        LocalTime time = timeOfDay(t);
        if (time != null) {
            LocalDate today = nowLocal.toLocalDate();
            return rollIfPast(epoch(today, time), epoch(today.plusDays(1), time));
        }
        return epoch(date(t, LocalTime.MIDNIGHT), LocalTime.MIDNIGHT);
    }

    private long parseNow(String t) {
        Matcher m = NOW.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected now[+|-count[units]]");
        }
        if (m.group(1) == null) {
            return now;
        }
        long amount = Long.parseLong(m.group(2)) * unitSeconds(m.group(3));
        return m.group(1).equals("+") ? now + amount : now - amount;
    }

    private static long unitSeconds(String unit) {
        return switch (unit) {
            case "", "s", "sec", "secs", "second", "seconds" -> 1;
            case "min", "mins", "minute", "minutes" -> 60;
            case "h", "hour", "hours" -> 3_600;
            case "d", "day", "days" -> 86_400;
            case "w", "week", "weeks" -> 604_800;
            default -> throw new IllegalArgumentException("unknown time unit '" + unit + "'");
        };
    }

    /** A time of day, or null when {@code t} is not one. */
    private static LocalTime timeOfDay(String t) {
        switch (t) {
            case "midnight": return LocalTime.MIDNIGHT;
            case "noon": return LocalTime.NOON;
            case "fika": return LocalTime.of(15, 0);
            case "teatime": return LocalTime.of(16, 0);
            default: break;
        }
        Matcher m = CLOCK.matcher(t);
        if (!m.matches()) {
            return null;
        }
        int hour = Integer.parseInt(m.group(1));
        int minute = Integer.parseInt(m.group(2));
        int second = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        if (m.group(4) != null) {
            if (hour < 1 || hour > 12) {
                throw new IllegalArgumentException("hour " + hour + " with " + m.group(4));
            }
            hour = hour % 12 + (m.group(4).equals("pm") ? 12 : 0);
        }
        return LocalTime.of(hour, minute, second);
    }

    /**
     * The date named by {@code t}. {@code time} only matters for MM/DD without a year, which
     * means next year once that day and time have passed.
     */
    private LocalDate date(String t, LocalTime time) {
        LocalDate today = nowLocal.toLocalDate();
        if (t.equals("today")) {
            return today;
        }
        if (t.equals("tomorrow")) {
            return today.plusDays(1);
        }
        Matcher m = ISO_DATE.matcher(t);
        if (m.matches()) {
            return LocalDate.of(num(m, 1), num(m, 2), num(m, 3));
        }
        m = MMDDYY.matcher(t);
        if (m.matches()) {
            return LocalDate.of(2000 + num(m, 3), num(m, 1), num(m, 2));
        }
        m = SLASH_DATE.matcher(t);
        if (m.matches()) {
            return slashDate(m, time);
        }
        throw new IllegalArgumentException("unrecognised date or time '" + t + "'");
    }

    private LocalDate slashDate(Matcher m, LocalTime time) {
        int month = num(m, 1);
        int day = num(m, 2);
        if (m.group(3) != null) {
            int year = num(m, 3);
            return LocalDate.of(year < 100 ? 2000 + year : year, month, day);
        }
        LocalDate thisYear = LocalDate.of(nowLocal.getYear(), month, day);
        return epoch(thisYear, time) < now ? thisYear.plusYears(1) : thisYear;
    }

    private long rollIfPast(long candidate, long nextDay) {
        return candidate < now ? nextDay : candidate;
    }

    private long epoch(LocalDate date, LocalTime time) {
        return date.atTime(time).atZone(zone).toEpochSecond();
    }

    private static int num(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }
}
