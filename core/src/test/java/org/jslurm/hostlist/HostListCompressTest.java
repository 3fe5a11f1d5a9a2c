package org.jslurm.hostlist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class HostListCompressTest {

    @Test
    void mergesRunsIntoBrackets() {
        assertEquals("n[1-4,7]", HostList.compress(List.of("n1", "n2", "n3", "n4", "n7")));
    }

    @Test
    void keepsPaddingWidth() {
        assertEquals("lx[0003-0004]", HostList.compress(List.of("lx0003", "lx0004")));
        assertEquals("lx[0999-1001]", HostList.compress(List.of("lx1001", "lx0999", "lx1000")));
        assertEquals("n[9-10]", HostList.compress(List.of("n9", "n10")));
    }

    @Test
    void differentPaddingNeverMergesIntoOneRange() {
        String c = HostList.compress(List.of("n1", "n01", "n2", "n02"));
        assertEquals("n[1-2,01-02]", c);
        assertEquals(Set.of("n1", "n01", "n2", "n02"), Set.copyOf(HostList.expand(c)));
    }

    @Test
    void singleNameStaysPlain() {
        assertEquals("n1", HostList.compress(List.of("n1")));
        assertEquals("lx0007", HostList.compress(List.of("lx0007")));
        assertEquals("", HostList.compress(List.of()));
    }

    @Test
    void namesWithoutNumbersStayAndPrefixesAreCommaJoinedInSortedOrder() {
        assertEquals("a,b[1-2],login,n[1-2]",
                HostList.compress(List.of("n2", "login", "b2", "n1", "a", "b1")));
    }

    @Test
    void deduplicatesAndSorts() {
        assertEquals("n[1-3]", HostList.compress(List.of("n3", "n1", "n2", "n1", "n3")));
    }

    @Test
    void sameNameWithAndWithoutNumber() {
        assertEquals("a,a[1-2]", HostList.compress(List.of("a2", "a", "a1")));
    }

    @Test
    void unsortedKeepsOrderAndDuplicatesAndMergesConsecutiveRuns() {
        assertEquals("n[1-2,5],m1,n7", HostList.compressUnsorted(List.of("n1", "n2", "n5", "m1", "n7")));
        assertEquals("n[3,1-2]", HostList.compressUnsorted(List.of("n3", "n1", "n2")));
        assertEquals("n[1,1]", HostList.compressUnsorted(List.of("n1", "n1")));
        assertEquals("lx[0009-0010]", HostList.compressUnsorted(List.of("lx0009", "lx0010")));
        assertEquals("a,n1", HostList.compressUnsorted(List.of("a", "n1")));
    }

    @Test
    void sortIsNatural() {
        assertEquals(List.of("a", "n1", "n01", "n2", "n10", "na1"),
                HostList.sort(List.of("n10", "na1", "n2", "n01", "a", "n1")));
    }

    /** Property: compressing generated sets and expanding again gives the sorted set back. */
    @RepeatedTest(200)
    void compressThenExpandRoundTrips(RepetitionInfo info) {
        Random random = new Random(info.getCurrentRepetition());
        List<String> names = randomNames(random);
        Set<String> unique = new LinkedHashSet<>(names);

        String compressed = HostList.compress(names);
        assertEquals(HostList.sort(unique), HostList.expand(compressed), compressed);
        assertEquals(compressed, HostList.compress(HostList.expand(compressed)));

        String inOrder = HostList.compressUnsorted(names);
        assertEquals(names, HostList.expand(inOrder), inOrder);
    }

    /** Property: an expression's compression expands to the same set as the expression. */
    @RepeatedTest(100)
    void expandedExpressionsCompressToTheSameSet(RepetitionInfo info) {
        Random random = new Random(1000 + info.getCurrentRepetition());
        String expr = randomExpression(random);
        List<String> expanded = HostList.expand(expr);
        String compressed = HostList.compress(expanded);
        assertEquals(new TreeSet<>(expanded), new TreeSet<>(HostList.expand(compressed)), expr);
    }

    /** Names from a few prefixes, each prefix with one padding style so order is unambiguous. */
    private static List<String> randomNames(Random random) {
        String[] prefixes = {"n", "lx", "rack1-node", "gpu", "login"};
        int[] widths = {0, 4, 2, 0, -1};
        List<String> names = new ArrayList<>();
        int count = 1 + random.nextInt(40);
        for (int i = 0; i < count; i++) {
            int p = random.nextInt(prefixes.length);
            if (widths[p] < 0) {
                names.add(prefixes[p]);
                continue;
            }
            int n = random.nextInt(30) + (widths[p] == 2 ? 0 : 990);
            String digits = widths[p] == 0 ? Integer.toString(n) : String.format("%0" + widths[p] + "d", n);
            names.add(prefixes[p] + digits);
        }
        return names;
    }

    private static String randomExpression(Random random) {
        List<String> elements = new ArrayList<>();
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            StringBuilder group = new StringBuilder();
            int ranges = 1 + random.nextInt(3);
            boolean padded = random.nextBoolean();
            for (int r = 0; r < ranges; r++) {
                int lo = random.nextInt(120);
                int hi = lo + random.nextInt(5);
                if (r > 0) {
                    group.append(',');
                }
                group.append(padded ? String.format("%03d-%03d", lo, hi) : lo + "-" + hi);
            }
            elements.add("h" + random.nextInt(3) + "x[" + group + "]");
        }
        return String.join(",", elements);
    }
}
