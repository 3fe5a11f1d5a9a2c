package org.jslurm.hostlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HostListExpandTest {

    @Test
    void expandsRangesAndSingleNumbers() {
        assertEquals(List.of("n1", "n2", "n3", "n7"), HostList.expand("n[1-3,7]"));
    }

    @Test
    void keepsZeroPaddingOfTheLowerBound() {
        assertEquals(List.of("lx0003", "lx0004", "lx0005"), HostList.expand("lx[0003-0005]"));
        assertEquals(List.of("n08", "n09", "n10"), HostList.expand("n[08-10]"));
        assertEquals(List.of("n9", "n10"), HostList.expand("n[9-10]"));
    }

    @Test
    void severalGroupsAreACartesianProductLeftmostOutermost() {
        assertEquals(List.of("r1n01", "r1n02", "r2n01", "r2n02"), HostList.expand("r[1-2]n[01-02]"));
    }

    @Test
    void textAfterAGroupIsKept() {
        assertEquals(List.of("n1-ib", "n2-ib"), HostList.expand("n[1-2]-ib"));
    }

    @Test
    void topLevelCommasSplitButCommasInsideBracketsDoNot() {
        assertEquals(List.of("a", "b1", "b2", "c"), HostList.expand("a,b[1-2],c"));
    }

    @Test
    void whitespaceAlsoSeparatesAndEmptyElementsAreDropped() {
        assertEquals(List.of("a", "b", "c"), HostList.expand(" a  b,,c, "));
        assertEquals(List.of(), HostList.expand(""));
    }

    @Test
    void duplicatesAreKeptInOrder() {
        assertEquals(List.of("n2", "n1", "n2"), HostList.expand("n2,n[1-2]"));
    }

    @Test
    void plainNamesPassThrough() {
        assertEquals(List.of("login", "localhost"), HostList.expand("login,localhost"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"n[1-3", "n1-3]", "n[[1]]", "n[3-1]", "n[a-b]", "n[1-]", "n[]",
            "n[1,,2]", "n[-2]", "n[1-2-3]"})
    void malformedExpressionsAreRejectedWithTheExpressionInTheMessage(String expr) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HostList.expand(expr));
        assertTrue(e.getMessage().contains(expr), e.getMessage());
    }

    @Test
    void messagesSayWhatIsWrong() {
        assertTrue(message("n[3-1]").contains("descending"));
        assertTrue(message("n[a-b]").contains("non-numeric"));
        assertTrue(message("n[1-3").contains("unbalanced"));
    }

    @Test
    void hugeExpansionsAreRefusedBeforeBuildingThem() {
        String msg = message("n[1-1000000],m[1-2]");
        assertTrue(msg.contains("1000002") && msg.contains("limit"), msg);
        assertTrue(message("a[1-100000]b[1-100000]c[1-100000]d[1-100000]").contains("limit"));
        assertEquals(HostList.MAX_NAMES, HostList.expand("n[1-1000000]").size());
    }

    @Test
    void countMatchesExpansionWithoutExpanding() {
        assertEquals(4, HostList.count("r[1-2]n[01-02]"));
        assertEquals(9999, HostList.count("lx[0001-9999]"));
        assertEquals(3, HostList.count("a, b,c"));
        assertThrows(IllegalArgumentException.class, () -> HostList.count("n[1-"));
    }

    @Test
    void elementsSplitsAtTopLevelOnly() {
        assertEquals(List.of("a", "b[1-2,4]", "c"), HostList.elements("a,b[1-2,4] c"));
    }

    private static String message(String expr) {
        return assertThrows(IllegalArgumentException.class, () -> HostList.expand(expr)).getMessage();
    }
}
