package org.jslurm.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SlurmTimestampTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    /** 2026-11-22T10:30:00 in Berlin (UTC+1 in November). */
    private static final long NOW = at("2026-11-22T10:30:00");

    private static long at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZONE).toEpochSecond();
    }

    private static long parse(String s) {
        return SlurmTime.parseTimestamp(s, NOW, ZONE);
    }

    @Test
    void formatsIsoLocalTime() {
        long t = LocalDateTime.parse("2026-11-22T03:56:41").toEpochSecond(ZoneOffset.UTC);
        assertEquals("2026-11-22T03:56:41", SlurmTime.formatTimestamp(t, ZoneOffset.UTC));
        assertEquals("2026-11-22T04:56:41", SlurmTime.formatTimestamp(t, ZONE));
        assertEquals("Unknown", SlurmTime.formatTimestampOr(0, "Unknown", ZONE));
        assertEquals("2026-11-22T03:56:41", SlurmTime.formatTimestampOr(t, "Unknown", ZoneOffset.UTC));
    }

    @Test
    void isoDatesAndDateTimes() {
        assertEquals(at("2026-12-01T00:00:00"), parse("2026-12-01"));
        assertEquals(at("2026-12-01T08:15:00"), parse("2026-12-01T08:15"));
        assertEquals(at("2026-12-01T08:15:09"), parse("2026-12-01T08:15:09"));
        assertEquals(at("2025-01-01T00:00:00"), parse("2025-01-01"), "explicit past dates stay");
    }

    @Test
    void timeOfDayIsTodayOrTomorrowWhenPast() {
        assertEquals(at("2026-11-22T16:00:00"), parse("16:00"));
        assertEquals(at("2026-11-22T16:00:05"), parse("16:00:05"));
        assertEquals(at("2026-11-23T09:00:00"), parse("09:00"));
        assertEquals(at("2026-11-22T16:00:00"), parse("4:00pm"));
        assertEquals(at("2026-11-23T00:30:00"), parse("12:30AM"));
    }

    @Test
    void nowWithOffsets() {
        assertEquals(NOW, parse("now"));
        assertEquals(NOW + 30, parse("now+30"));
        assertEquals(NOW + 30, parse("now+30seconds"));
        assertEquals(NOW + 600, parse("now+10minutes"));
        assertEquals(NOW + 7200, parse("NOW+2hours"));
        assertEquals(NOW + 86400, parse("now+1day"));
        assertEquals(NOW + 2 * 604800, parse("now+2weeks"));
        assertEquals(NOW - 3600, parse("now-1hour"));
        assertEquals(NOW + 60, parse("now + 1 minute"));
    }

    @Test
    void keywords() {
        assertEquals(at("2026-11-22T00:00:00"), parse("today"));
        assertEquals(at("2026-11-23T00:00:00"), parse("tomorrow"));
        assertEquals(at("2026-11-23T00:00:00"), parse("midnight"));
        assertEquals(at("2026-11-22T12:00:00"), parse("noon"));
        assertEquals(at("2026-11-22T15:00:00"), parse("fika"));
        assertEquals(at("2026-11-22T16:00:00"), parse("teatime"));
        assertEquals(at("2026-11-23T10:00:00"), parse("tomorrowT10:00"));
    }

    @Test
    void usStyleDates() {
        assertEquals(at("2027-01-15T00:00:00"), parse("011527"));
        assertEquals(at("2026-12-24T00:00:00"), parse("12/24"));
        assertEquals(at("2027-03-01T00:00:00"), parse("03/01"), "MM/DD already past means next year");
        assertEquals(at("2026-11-22T00:00:00"), parse("11/22/26"));
        assertEquals(at("2026-12-24T18:00:00"), parse("12/24T18:00"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "garbage", "now+", "now+5fortnights", "2026-13-01", "25:00",
            "12/32", "1234567", "2026-11-22T", "now*2", "13:00pm"})
    void garbageIsRejected(String s) {
        assertThrows(IllegalArgumentException.class, () -> parse(s));
    }
}
