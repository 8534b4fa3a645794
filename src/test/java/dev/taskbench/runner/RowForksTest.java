package dev.taskbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.taskbench.results.BenchmarkKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The forks added to some rows of a method fork those rows and no other: each JMH invocation's product is exactly its rows. */
class RowForksTest {
    private static final String M = "dev.taskbench.form.FormParsingBenchmark.decode";
    private static final List<String> CONTENDERS = List.of("floorStrings", "taskbench", "jdkURLDecoder",
            "jettyFormFields", "jettyUrlEncoded", "nettyQueryString", "nettyPostDecoder", "tomcatParameters",
            "undertowFormParser", "springFormConverter");
    private static final List<String> INPUTS = List.of("seed", "ascii", "nonAscii", "fields1000", "description64k");

    private static BenchmarkKey row(String contender, String input) {
        return BenchmarkKey.of(M, Map.of("contender", contender, "input", input), "avgt", 1);
    }

    /** Every group's product holds exactly its rows, and the groups hold every row once. */
    private static void assertExact(List<BenchmarkKey> rows, List<List<BenchmarkKey>> groups) {
        List<BenchmarkKey> all = new ArrayList<>();
        for (List<BenchmarkKey> g : groups) {
            int product = RowForks.paramProduct(g).values().stream().mapToInt(Set::size).reduce(1, (a, b) -> a * b);
            assertEquals(g.size(), product, "the product of " + g + " forks only its rows");
            all.addAll(g);
        }
        assertEquals(rows.size(), all.size(), "every row once");
        assertEquals(new HashSet<>(rows), new HashSet<>(all));
    }

    @Test
    void openRowsThatDifferInBothParametersAreSplitSoNoDecidedRowIsForked() {
        List<BenchmarkKey> open = new ArrayList<>();
        INPUTS.forEach(i -> open.add(row("taskbench", i)));
        open.add(row("jdkURLDecoder", "nonAscii"));
        open.add(row("jettyFormFields", "nonAscii"));
        open.add(row("tomcatParameters", "seed"));
        assertEquals(4 * 5, RowForks.paramProduct(open).values().stream().mapToInt(Set::size).reduce(1, (a, b) -> a * b),
                "one product over them would fork 20 rows for 8");
        List<List<BenchmarkKey>> groups = RowForks.exactProducts(open);
        assertExact(open, groups);
        assertEquals(3, groups.size(), "taskbench and tomcat on seed; taskbench on ascii, fields1000, description64k;"
                + " three decoders on nonAscii: " + groups);
    }

    @Test
    void rowsThatFillTheirProductStayOneInvocation() {
        List<BenchmarkKey> open = new ArrayList<>();
        List.of("taskbench", "tomcatParameters").forEach(c -> List.of("seed", "ascii").forEach(i -> open.add(row(c, i))));
        assertEquals(List.of(open), RowForks.exactProducts(open));
        List<BenchmarkKey> oneParam = List.of(BenchmarkKey.of(M, Map.of("input", "seed"), "avgt", 1),
                BenchmarkKey.of(M, Map.of("input", "ascii"), "avgt", 1));
        assertEquals(List.of(oneParam), RowForks.exactProducts(oneParam));
    }

    @Test
    void anySetOfRowsOfAThreeParameterGridSplitsIntoExactProducts() {
        Random random = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            List<BenchmarkKey> open = new ArrayList<>();
            for (int a = 0; a < 4; a++) {
                for (int b = 0; b < 3; b++) {
                    for (int c = 0; c < 3; c++) {
                        if (random.nextInt(3) == 0) {
                            open.add(BenchmarkKey.of(M, Map.of("a", "a" + a, "b", "b" + b, "c", "c" + c), "avgt", 1));
                        }
                    }
                }
            }
            if (!open.isEmpty()) {
                assertExact(open, RowForks.exactProducts(open));
            }
        }
    }
}
