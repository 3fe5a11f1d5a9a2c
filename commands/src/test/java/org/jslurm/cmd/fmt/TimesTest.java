package org.jslurm.cmd.fmt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TimesTest {
    @Test
    void elapsed() {
        assertEquals("0:00", Times.elapsed(0));
        assertEquals("5:07", Times.elapsed(307));
        assertEquals("1:02:03", Times.elapsed(3723));
        assertEquals("2-03:04:05", Times.elapsed(2 * 86400 + 3 * 3600 + 4 * 60 + 5));
        assertEquals("INVALID", Times.elapsed(-1));
    }

    @Test
    void limits() {
        assertEquals("UNLIMITED", Times.limit(-1));
        assertEquals("INVALID", Times.limit(-2));
        assertEquals("NOT_SET", Times.limit(-3));
        assertEquals("5:00", Times.limit(5));
        assertEquals("00:05:00", Times.clockLimit(5));
        assertEquals("UNLIMITED", Times.clockLimit(-1));
        assertEquals("365-00:00:00", Times.clockLimit(365 * 1440));
        assertEquals("infinite", Times.sinfoLimit(-1));
        assertEquals("30:00", Times.sinfoLimit(30));
        assertEquals("00:00:00", Times.clock(0));
    }

    @Test
    void stamps() {
        ZoneId utc = ZoneId.of("UTC");
        assertEquals("2026-11-22T03:56:41", Times.iso(1795319801L, utc));
        assertEquals("Unknown", Times.iso(0, utc, "Unknown"));
        assertEquals("Sun Nov 22 03:56:43 2026", Times.ctime(1795319803L, utc));
        assertEquals("Thu Jan 01 00:00:00 1970", Times.ctime(0, utc));
    }

    @Test
    void units() {
        assertEquals("0", Units.mem(0));
        assertEquals("100M", Units.mem(100));
        assertEquals("4G", Units.mem(4096));
        assertEquals("4096M", Units.mem(4096, true));
        assertEquals("24105M", Units.mem(24105));
        assertEquals("cpu=2,mem=24105M,node=1,billing=2", Units.tres(2, 24105, 1, 2));
        assertEquals("cpu=1,node=1,billing=1", Units.tres(1, 0, 1, 1));
    }
}
