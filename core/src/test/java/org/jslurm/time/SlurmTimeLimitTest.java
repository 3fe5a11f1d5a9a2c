package org.jslurm.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SlurmTimeLimitTest {

    @ParameterizedTest
    @CsvSource({
            "5, 5",
            "0, 0",
            "90, 90",
            "1:30, 2",          // M:S, seconds round up
            "0:30, 1",
            "0:00, 0",
            "1:00:00, 60",
            "2:03:01, 124",
            "1-0, 1440",        // D-H
            "1-2, 1560",
            "1-2:30, 1590",     // D-H:M
            "1-2:30:01, 1591",  // D-H:M:S
            "' 10 ', 10"})
    void parsesEveryDurationForm(String text, long minutes) {
        assertEquals(minutes, SlurmTime.parseMinutes(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"INFINITE", "infinite", "UNLIMITED", "Unlimited"})
    void unlimitedWordsAreInfinite(String text) {
        assertEquals(SlurmTime.INFINITE, SlurmTime.parseMinutes(text));
    }

    @Test
    void negativeLimitsAreAcceptedAsInvalid() {
        assertEquals(SlurmTime.INVALID, SlurmTime.parseMinutes("-5"));
        assertEquals(SlurmTime.INVALID, SlurmTime.parseMinutes("-1:00:00"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "1:2:3:4", "5-", "-", "", "1:", ":5", "1-2:3:4:5", "1.5",
            "--5", "-x", "1-2-3", "9999999999"})
    void garbageIsRejected(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SlurmTime.parseMinutes(text));
        assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"0, 0:00", "307, 5:07", "59, 0:59", "3600, 1:00:00", "3723, 1:02:03",
            "86399, 23:59:59", "86400, 1-00:00:00", "183845, 2-03:04:05", "-1, INVALID"})
    void formatsDurationsLikeSqueue(long seconds, String expected) {
        assertEquals(expected, SlurmTime.formatDuration(seconds));
    }

    @ParameterizedTest
    @CsvSource({"-1, UNLIMITED", "-2, INVALID", "0, 0:00", "5, 5:00", "60, 1:00:00",
            "1440, 1-00:00:00", "1441, 1-00:01:00"})
    void formatsLimitsLikeSqueue(long minutes, String expected) {
        assertEquals(expected, SlurmTime.formatLimit(minutes));
    }

    @ParameterizedTest
    @CsvSource({"-1, UNLIMITED", "-2, INVALID", "0, 00:00:00", "5, 00:05:00", "60, 01:00:00",
            "1440, 1-00:00:00", "2881, 2-00:01:00"})
    void formatsLimitsLikeScontrol(long minutes, String expected) {
        assertEquals(expected, SlurmTime.formatLimitScontrol(minutes));
    }

    @ParameterizedTest
    @CsvSource({"-1, infinite", "5, 5:00", "60, 1:00:00", "1440, 1-00:00:00"})
    void formatsLimitsLikeSinfo(long minutes, String expected) {
        assertEquals(expected, SlurmTime.formatLimitSinfo(minutes));
    }

    @Test
    void parsedLimitsFormatBack() {
        for (String s : new String[] {"5:00", "1:00:00", "1-00:00:00", "2-03:04:00"}) {
            assertEquals(s, SlurmTime.formatLimit(SlurmTime.parseMinutes(s)));
        }
    }
}
