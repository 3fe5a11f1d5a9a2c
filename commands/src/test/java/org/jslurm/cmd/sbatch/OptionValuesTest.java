package org.jslurm.cmd.sbatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Value syntaxes, with expectations read from sbatch 22.05 ({@code sbatch -v} prints what it parsed). */
class OptionValuesTest {

    @ParameterizedTest(name = "--mem={0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "100|100", "100M|100", "2G|2048", "4GB|4096", "512MB|512", "1K|1", "1k|1", "1023K|1", "1025K|2",
            "10KB|1", "2g|2048", "1T|1048576", "10m|10", "10mb|10", "10Mb|10", "0|0", "0G|0", "' 5'|5",
            "1P|-", "1.5G|-", "-1|-", "''|-", "'5 '|-", "10MiB|-", "1B|-", "100X|-", "abc|-"})
    void memory(String in, String mb) {
        assertEquals(mb == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(mb)), OptionValues.megabytes(in));
    }

    @ParameterizedTest(name = "--time={0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "5|5", "05|5", "90|90", "5:30|6", "5:90|7", "5:120|7", "1:2:3|63", "1:90:00|150", "00:30:00|30",
            "0:0:1|1", "2-3|3060", "2-3:4|3064", "2-3:4:5|3065", "1-|1440", "0|-1", "0:0|-1", "0-0|-1", "-0|-1",
            "-1|-1", "UNLIMITED|-1", "infinite|-1", "Unlimited|-1", "-5|-2", "2147483647|-1",
            "5:|-", "1-2-3|-", "1.5|-", "''|-", "' 5'|-", "'5 '|-", "1:2:3:4|-", "5x|-", "1-2:|-", "1-:3|-",
            "-1-2|-", "+5|-", "1-2:3:4:5|-", "-5:30|-", "1:-2|-", "a|-"})
    void time(String in, String minutes) {
        assertEquals(minutes == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(minutes)),
                TimeFormats.parseMinutes(in));
    }

    @ParameterizedTest(name = "--begin={0}")
    @CsvSource(delimiter = '|', value = {
            "now|-1", "NOW|-1", "now+1hour|-1", "Now+3days|-1", "now+3weeks|-1", "now-5|-1", "now+60|-1",
            "now + 1hour|-1", "now+ 1hour|-1", "now+1 hour|-1", "now+1minute|-1", "16:00|-1", "4:00PM|-1",
            "4:00 PM|-1", "4:00 am|-1", "12:00:00|-1", "16:00 tomorrow|-1", "2024-01-01|-1", "2024-01-01T10:00|-1",
            "2024-01-01 10:00|-1", "2024-01-1|-1", "1/2|-1", "01.02.24|-1", "010224|-1", "0101|-1", "midnight|-1",
            "noon|-1", "fika|-1", "teatime|-1", "today|-1", "tomorrow|-1",
            "garbage|0", "2024-13-01|5", "25:00|0", "now+x|3", "now+5x|4", "16:00x|5", "tomorrowx|8", "16:00PM|5",
            "4pm|1", "2024-01-01T10|13", "elevenses|0", "today+1hour|5", "16:00 PM|6", "now+1hourx|9", "now+1x|4",
            "1/32|2", "13/1|0", "1/2/2024|6", "0132|2", "1301|0", "12345|2", "2024-1-1|0", "now+1h|4",
            "now+1min|4", "10:61|3", "10:5|4", "1:2:3|3", "now5|3"})
    void dateTime(String in, int errorPos) {
        assertEquals(errorPos, TimeFormats.checkDateTime(in));
    }

    @ParameterizedTest(name = "-N {0}")
    @CsvSource(delimiter = '|', value = {
            "2|2|2", "2-4|2|4", "-3|1|3", "0|0|0", "0-2|0|2", "3-3|3|3", "2K|2048|2048", "2m|2097152|2097152",
            "2-3k|2|3072", "1-0|1|0", "' 2'|2|2"})
    void nodes(String in, int min, int max) throws Exception {
        assertEquals(new OptionValues.NodeRange(min, max), OptionValues.nodes(in));
    }

    @ParameterizedTest(name = "-N {0}")
    @CsvSource(delimiter = '|', value = {
            "abc|\"abc\" is not a valid node count", "abc-3|\"abc\" is not a valid node count",
            "2-abc|\"abc\" is not a valid node count", "1-2-3|\"2-3\" is not a valid node count",
            "2x|\"2x\" is not a valid node count", "2147483648|\"2147483648\" is not a valid node count",
            "2-|Maximum node count -1 is less than minimum node count 2",
            "4-2|Maximum node count 2 is less than minimum node count 4"})
    void badNodes(String in, String message) {
        assertEquals(message, assertThrows(OptionValues.ValueException.class, () -> OptionValues.nodes(in)).getMessage());
    }

    @ParameterizedTest(name = "-n {0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "3|3", "' 3'|3", "010|10", "+5|5", "2147483647|2147483647",
            "0|-", "-1|-", "abc|-", "3k|-", "3junk|-", "1.5|-", "0x10|-", "2147483648|-", "''|-"})
    void counts(String in, String value) {
        assertEquals(value == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(value)), OptionValues.positiveInt(in));
    }

    @Test
    void hostLists() {
        assertEquals(List.of("n[1-3,5]", "gpu01", "x"), OptionValues.hostListParts("n[1-3,5],gpu01, x,"));
        assertEquals(List.of(), OptionValues.hostListParts(""));
    }

    @Test
    void exportItems() {
        assertEquals(List.of("ALL", "A=b", "C"), JobEnvironment.items("ALL,A=b,C"));
        assertEquals(List.of("A=\"x,y\"", "B"), JobEnvironment.items("A=\"x,y\",B"));
        assertEquals(List.of("A=1"), JobEnvironment.items("'A=1',"));
    }

    @Test
    void atoi() {
        assertEquals(0, OptionValues.atoi("abc"));
        assertEquals(-5, OptionValues.atoi(" -5x"));
        assertEquals(12, OptionValues.atoi("12"));
    }
}
