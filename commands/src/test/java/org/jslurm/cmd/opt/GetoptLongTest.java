package org.jslurm.cmd.opt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.jslurm.cmd.opt.GetoptLong.ArgMode;
import org.jslurm.cmd.opt.GetoptLong.LongOpt;
import org.jslurm.cmd.opt.GetoptLong.Opt;
import org.jslurm.cmd.opt.GetoptLong.Ordering;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class GetoptLongTest {

    private static final char PARTITION = '\u1001';
    private static final char PARSABLE = '\u1002';
    private static final char NICE = '\u1003';
    private static final char NICKNAME = '\u1004';

    private static GetoptLong<Character> table(String prefix) {
        return GetoptLong.ofOptstring(prefix + "HJ:k::o:e:v",
                new LongOpt<>("hold", ArgMode.NONE, 'H'),
                new LongOpt<>("job-name", ArgMode.REQUIRED, 'J'),
                new LongOpt<>("partition", ArgMode.REQUIRED, PARTITION),
                new LongOpt<>("parsable", ArgMode.NONE, PARSABLE),
                new LongOpt<>("no-kill", ArgMode.OPTIONAL, 'k'),
                new LongOpt<>("nice", ArgMode.OPTIONAL, NICE),
                new LongOpt<>("nickname", ArgMode.REQUIRED, NICKNAME),
                new LongOpt<>("verbose", ArgMode.NONE, 'v'));
    }

    /**
     * Ordering (P = permute, + = require order) | argv | what util-linux getopt(1) 2.38, which
     * runs glibc's getopt_long, prints for the same table: the options in normalised form, then
     * {@code --} and the operands, or the first error message.
     */
    static Stream<String[]> glibcCases() {
        return """
            P|-Hv|-H -v --
            +|-Hv|-H -v --
            P|-Hvk|-H -v -k '' --
            +|-Hvk|-H -v -k '' --
            P|-kHv|-k 'Hv' --
            +|-kHv|-k 'Hv' --
            P|-koff|-k 'off' --
            +|-koff|-k 'off' --
            P|-k off|-k '' -- 'off'
            +|-k off|-k '' -- 'off'
            P|-J name|-J 'name' --
            +|-J name|-J 'name' --
            P|-Jname|-J 'name' --
            +|-Jname|-J 'name' --
            P|-J -x|-J '-x' --
            +|-J -x|-J '-x' --
            P|-J|prog: option requires an argument -- 'J'
            +|-J|prog: option requires an argument -- 'J'
            P|-oFILE -e err|-o 'FILE' -e 'err' --
            +|-oFILE -e err|-o 'FILE' -e 'err' --
            P|--job-name=a|--job-name 'a' --
            +|--job-name=a|--job-name 'a' --
            P|--job-name a|--job-name 'a' --
            +|--job-name a|--job-name 'a' --
            P|--job-name|prog: option '--job-name' requires an argument
            +|--job-name|prog: option '--job-name' requires an argument
            P|--job-name=|--job-name '' --
            +|--job-name=|--job-name '' --
            P|--job=a|--job-name 'a' --
            +|--job=a|--job-name 'a' --
            P|--j a|--job-name 'a' --
            +|--j a|--job-name 'a' --
            P|--hold|--hold --
            +|--hold|--hold --
            P|--hold=1|prog: option '--hold' doesn't allow an argument
            +|--hold=1|prog: option '--hold' doesn't allow an argument
            P|--ho|--hold --
            +|--ho|--hold --
            P|--par x|prog: option '--par' is ambiguous; possibilities: '--partition' '--parsable'
            +|--par x|prog: option '--par' is ambiguous; possibilities: '--partition' '--parsable'
            P|--part x|--partition 'x' --
            +|--part x|--partition 'x' --
            P|--pars|--parsable --
            +|--pars|--parsable --
            P|--p|prog: option '--p' is ambiguous; possibilities: '--partition' '--parsable'
            +|--p|prog: option '--p' is ambiguous; possibilities: '--partition' '--parsable'
            P|--no-kill|--no-kill '' --
            +|--no-kill|--no-kill '' --
            P|--no-kill=off|--no-kill 'off' --
            +|--no-kill=off|--no-kill 'off' --
            P|--no-kill off|--no-kill '' -- 'off'
            +|--no-kill off|--no-kill '' -- 'off'
            P|--bogus|prog: unrecognized option '--bogus'
            +|--bogus|prog: unrecognized option '--bogus'
            P|--bogus=1|prog: unrecognized option '--bogus=1'
            +|--bogus=1|prog: unrecognized option '--bogus=1'
            P|-Z|prog: invalid option -- 'Z'
            +|-Z|prog: invalid option -- 'Z'
            P|-HZ|prog: invalid option -- 'Z'
            +|-HZ|prog: invalid option -- 'Z'
            P|a -H b|-H -- 'a' 'b'
            +|a -H b|-- 'a' '-H' 'b'
            P|a -- -H|-- 'a' '-H'
            +|a -- -H|-- 'a' '--' '-H'
            P|-- -H a|-- '-H' 'a'
            +|-- -H a|-- '-H' 'a'
            P|-|-- '-'
            +|-|-- '-'
            P|- -H|-H -- '-'
            +|- -H|-- '-' '-H'
            P|-H -- |-H --
            +|-H -- |-H --
            P|--=x|prog: option '--=x' is ambiguous; possibilities: '--hold' '--job-name' '--partition' '--parsable' '--no-kill' '--nice' '--nickname' '--verbose'
            +|--=x|prog: option '--=x' is ambiguous; possibilities: '--hold' '--job-name' '--partition' '--parsable' '--no-kill' '--nice' '--nickname' '--verbose'
            P|--partition=a=b|--partition 'a=b' --
            +|--partition=a=b|--partition 'a=b' --
            P|-J --|-J '--' --
            +|-J --|-J '--' --
            P|--nickname x|--nickname 'x' --
            +|--nickname x|--nickname 'x' --
            P|--nick|prog: option '--nickname' requires an argument
            +|--nick|prog: option '--nickname' requires an argument
            P|--nice|--nice '' --
            +|--nice|--nice '' --
            P|--nice=5|--nice '5' --
            +|--nice=5|--nice '5' --
            P|--nice 5|--nice '' -- '5'
            +|--nice 5|--nice '' -- '5'
            """.lines().map(l -> l.strip().split("\\|", -1));
    }

    @ParameterizedTest(name = "[{0}] {1}")
    @MethodSource("glibcCases")
    void behavesLikeGlibc(String mode, String argv, String expected) {
        GetoptLong<Character> t = table(mode.equals("+") ? "+" : "");
        List<String> args = Arrays.stream(argv.split(" ")).filter(s -> !s.isEmpty()).toList();
        assertEquals(expected, render(t, args));
    }

    /** Formats like getopt(1): {@code -H -J 'x' --opt '' -- 'operand'}. */
    private static String render(GetoptLong<Character> t, List<String> args) {
        GetoptLong.Parser<Character> p = t.parser("prog", args);
        List<String> words = new ArrayList<>();
        try {
            while (p.hasNext()) {
                Opt<Character> o = p.next();
                boolean optional = o.key() == 'k' || o.key() == NICE;
                words.add(o.spelled() + (o.arg() != null ? " '" + o.arg() + "'" : optional ? " ''" : ""));
            }
        } catch (GetoptException e) {
            return e.getMessage();
        }
        words.add("--");
        for (String s : p.operands()) words.add("'" + s + "'");
        return String.join(" ", words);
    }

    @Test
    void sbatchStopsAtTheScriptName() {
        GetoptLong<Character> t = table("+");
        GetoptLong.Parser<Character> p = t.parser("sbatch", List.of("-J", "x", "job.sh", "-p", "debug", "--hold"));
        assertEquals(List.of('J'), p.remaining().stream().map(Opt::key).toList());
        assertEquals(List.of("job.sh", "-p", "debug", "--hold"), p.operands());
    }

    @Test
    void scancelKeepsParsingAfterOperands() {
        GetoptLong<Character> t = table("");
        GetoptLong.Parser<Character> p = t.parser("scancel", List.of("12", "-J", "x", "13", "--hold"));
        assertEquals(List.of('J', 'H'), p.remaining().stream().map(Opt::key).toList());
        assertEquals(List.of("12", "13"), p.operands());
    }

    @Test
    void returnInOrderGivesOperandsInPlace() {
        GetoptLong<Character> t = GetoptLong.ofOptstring("-ab:");
        List<Opt<Character>> l = t.parser("p", List.of("x", "-a", "y", "-b", "z", "--", "-a")).remaining();
        assertEquals(List.of("x", "-a", "y", "-b"), l.stream().map(o -> o.isOperand() ? o.arg() : o.spelled()).toList());
        assertEquals("z", l.get(3).arg());
    }

    @Test
    void explicitOrderingOverridesTheTable() {
        GetoptLong<Character> t = table("");
        GetoptLong.Parser<Character> p = t.parser("p", List.of("a", "-H"), Ordering.REQUIRE_ORDER);
        assertEquals(List.of(), p.remaining());
        assertEquals(List.of("a", "-H"), p.operands());
    }

    @Test
    void exactNameBeatsLongerNames() {
        GetoptLong<String> t = GetoptLong.<String>builder()
                .longOpt("mem", ArgMode.REQUIRED, "mem")
                .longOpt("mem-per-cpu", ArgMode.REQUIRED, "mpc")
                .build();
        Opt<String> o = t.parser("sbatch", List.of("--mem=4G")).next();
        assertEquals("mem", o.key());
        assertEquals("4G", o.arg());
        GetoptException e = assertThrows(GetoptException.class, () -> t.parser("sbatch", List.of("--me=1")).next());
        assertEquals("sbatch: option '--me=1' is ambiguous; possibilities: '--mem' '--mem-per-cpu'", e.getMessage());
        assertEquals(GetoptException.Kind.AMBIGUOUS, e.kind());
    }

    @Test
    void aliasesOfOneOptionAreNotAmbiguous() {
        GetoptLong<String> t = GetoptLong.<String>builder()
                .longOpt("cluster", ArgMode.REQUIRED, "M")
                .longOpt("clusters", ArgMode.REQUIRED, "M")
                .longOpt("comment", ArgMode.REQUIRED, "comment")
                .build();
        Opt<String> o = t.parser("sbatch", List.of("--clu", "a")).next();
        assertEquals("M", o.key());
        assertEquals("--cluster", o.spelled());
        GetoptException e = assertThrows(GetoptException.class, () -> t.parser("sbatch", List.of("--c")).next());
        // glibc lists the first match and those that differ from it: --clusters is --cluster again
        assertEquals("sbatch: option '--c' is ambiguous; possibilities: '--cluster' '--comment'", e.getMessage());
    }

    @Test
    void errorKindsAndOptions() {
        GetoptLong<Character> t = table("");
        assertEquals(GetoptException.Kind.UNRECOGNIZED, error(t, "--bogus=1").kind());
        assertEquals("--bogus=1", error(t, "--bogus=1").option());
        assertEquals(GetoptException.Kind.INVALID_SHORT, error(t, "-Z").kind());
        assertEquals(GetoptException.Kind.MISSING_ARGUMENT, error(t, "-J").kind());
        assertEquals(GetoptException.Kind.MISSING_ARGUMENT, error(t, "--job").kind());
        assertEquals("--job-name", error(t, "--job").option());
        assertEquals(GetoptException.Kind.ARGUMENT_NOT_ALLOWED, error(t, "--ho=x").kind());
    }

    @Test
    void parsingGoesOnAfterAnErrorWhenTheCallerWants() {
        GetoptLong.Parser<Character> p = table("").parser("p", List.of("-Z", "-H", "x"));
        assertThrows(GetoptException.class, p::next);
        assertTrue(p.hasNext());
        assertEquals('H', p.next().key());
        assertEquals(List.of("x"), p.operands());
    }

    private static GetoptException error(GetoptLong<Character> t, String arg) {
        return assertThrows(GetoptException.class, () -> t.parser("p", List.of(arg)).remaining());
    }
}
