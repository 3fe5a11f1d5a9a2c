package org.jslurm.cmd.args;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jslurm.cmd.args.Args.Arg;
import org.jslurm.cmd.args.Args.Item;
import org.junit.jupiter.api.Test;

class ArgsTest {
    static final Args A = Args.of("sinfo")
            .flag('a', "all")
            .flag('h', "noheader")
            .req('o', "format")
            .req('O', "Format")
            .opt('j', Arg.OPTIONAL, "jobs")
            .req('t', "states", "state")
            .flag((char) 0, "noconvert")
            .req('w', "nodelist", "node", "nodes")
            .flag((char) 0, "help");

    static List<Item> items(String... argv) throws ArgsException {
        return A.parse(argv).items();
    }

    @Test
    void bundledFlagsWithAttachedValueKeepLeadingSpace() throws ArgsException {
        assertEquals(List.of(new Item("all", null), new Item("noheader", null), new Item("format", " %F/%C")),
                items("-aho %F/%C"));
    }

    @Test
    void requiredValueAttachedOrNext() throws ArgsException {
        assertEquals(List.of(new Item("format", "%i")), items("-o", "%i"));
        assertEquals(List.of(new Item("format", "%i")), items("-o%i"));
        assertEquals(List.of(new Item("format", "%i")), items("--format=%i"));
        assertEquals(List.of(new Item("format", "%i")), items("--format", "%i"));
        assertEquals(List.of(new Item("format", "-x")), items("--format", "-x"));
        assertEquals(List.of(new Item("format", "")), items("--format="));
    }

    @Test
    void optionalValueOnlyAttached() throws ArgsException {
        Args.Result r = A.parse(new String[] {"-j", "5"});
        assertEquals(List.of(new Item("jobs", null)), r.items());
        assertEquals(List.of("5"), r.operands());
        assertEquals(List.of(new Item("jobs", "5")), items("-j5"));
        assertEquals(List.of(new Item("jobs", "5,6")), items("--jobs=5,6"));
    }

    @Test
    void prefixesAndAliases() throws ArgsException {
        assertEquals(List.of(new Item("format", "x")), items("--form=x"));
        assertEquals(List.of(new Item("Format", "x")), items("--Form=x"));
        assertEquals(List.of(new Item("states", "pd,R")), items("--stat", "pd,R"));
        assertEquals(List.of(new Item("states", "pd,R")), items("--state=pd,R"));
        assertEquals(List.of(new Item("nodelist", "n1")), items("--nodes=n1"));
    }

    @Test
    void operandsAreCollectedAndDoubleDashEnds() throws ArgsException {
        Args.Result r = A.parse(new String[] {"show", "-a", "job", "--", "-h", "-"});
        assertEquals(List.of("show", "job", "-h", "-"), r.operands());
        assertTrue(r.has("all"));
        assertNull(r.last("format"));
    }

    @Test
    void getoptMessages() {
        assertEquals("unrecognized option '--bogus'",
                assertThrows(ArgsException.class, () -> items("--bogus")).getMessage());
        assertEquals("unrecognized option '--bogus=1'",
                assertThrows(ArgsException.class, () -> items("--bogus=1")).getMessage());
        assertEquals("invalid option -- 'x'", assertThrows(ArgsException.class, () -> items("-ax")).getMessage());
        assertEquals("option requires an argument -- 'o'",
                assertThrows(ArgsException.class, () -> items("-o")).getMessage());
        assertEquals("option '--format' requires an argument",
                assertThrows(ArgsException.class, () -> items("--form")).getMessage());
        assertEquals("option '--help' doesn't allow an argument",
                assertThrows(ArgsException.class, () -> items("--help=3")).getMessage());
        assertEquals("option '--no' is ambiguous; possibilities: '--noheader' '--noconvert' '--nodelist' '--node' '--nodes'",
                assertThrows(ArgsException.class, () -> items("--no")).getMessage());
    }
}
