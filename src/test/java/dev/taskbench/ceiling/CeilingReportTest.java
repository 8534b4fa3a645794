package dev.taskbench.ceiling;

import dev.taskbench.write.WriteConnections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.taskbench.db.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CeilingReportTest {

    @Test
    void readsSingleRowBenchmarksAndComparesThemWithTheCeilingOfAsManyClients(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("r.json");
        Files.writeString(json, "["
                + bench("dev.taskbench.write.InsertBenchmark.requestOneUser", 1, 250.0, "jdbcPrepared")
                + "," + bench("dev.taskbench.write.InsertBenchmark.requestTenUsers", 10, 1000.0, "jooq")
                + "," + bench("dev.taskbench.write.InsertBenchmark.batch", 1, 5000.0, "jdbcBatch")
                + "]");
        List<CeilingReport.Row> rows = CeilingReport.rows(json);
        assertEquals(2, rows.size(), "batch results are per transaction, not single-row");
        assertEquals(4000.0, rows.get(0).rowsPerSecond(), 1e-6);
        assertEquals(10000.0, rows.get(1).rowsPerSecond(), 1e-6);
        Ceiling runWide = new Ceiling();
        runWide.addRunWide(1, 5000.0);
        runWide.addRunWide(10, 20000.0);
        String table = CeilingReport.render("default", rows, runWide);
        assertTrue(table.contains("80%"), table);
        assertTrue(table.contains("50%"), table);
    }

    @Test
    void aBenchmarksOwnSamplesAreItsCeilingAndTheRunWideOneOnlyFillsIn(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("r.json");
        Files.writeString(json, "["
                + bench("dev.taskbench.write.InsertBenchmark.requestOneUser", 1, 250.0, "jdbcPrepared")
                + "," + bench("dev.taskbench.write.InsertBenchmark.requestOneUser", 1, 250.0, "jooq") + "]");
        Ceiling c = new Ceiling();
        c.addRunWide(1, 8000.0);
        Ceiling.Key prepared = new Ceiling.Key("default", "InsertBenchmark.requestOneUser", "path=jdbcPrepared", 1);
        c.add(prepared, 4400.0);
        c.add(prepared, 4600.0);
        c.add(new Ceiling.Key("c1", "InsertBenchmark.requestOneUser", "path=jooq", 1), 1.0);
        assertEquals(4500.0, c.of(prepared).getAsDouble(), 1e-9);
        String[] lines = CeilingReport.render(Map.of("default", json), c).split("\n");
        assertTrue(lines[1].contains("(4400 4600)") && lines[1].endsWith("89%"), lines[1]);
        assertTrue(lines[2].contains("(run-wide)") && lines[2].endsWith("50%"), "another flag set's sample is not ours: "
                + lines[2]);
        assertTrue(lines[1].endsWith(" 89%"), "4400 and 4600 are within 20%: steady");
        assertTrue(Ceiling.none("pgbench is not on the PATH").of(prepared).isEmpty());
        c.add(prepared, 7000.0);
        String unsteady = CeilingReport.render(Map.of("default", json), c);
        assertTrue(unsteady.contains("(4400 4600 7000)") && unsteady.contains("!75%"), unsteady);
        assertTrue(unsteady.contains("pgbench moved by more than 20%"), unsteady);
    }

    @Test
    void aDeclaredMethodIsCoveredAndARenamedOrUndeclaredOneIsNot(@TempDir Path dir) throws Exception {
        String declared = CeilingProfilerTest.name("declared");
        String undeclared = CeilingProfilerTest.name("undeclared");
        assertTrue(CeilingReport.covers(declared));
        assertTrue(!CeilingReport.covers(undeclared), "no declaration, no ceiling, whatever its name");
        assertTrue(!CeilingReport.covers(declared + "Renamed"), "a name alone is nothing");
        Path json = dir.resolve("r.json");
        Files.writeString(json, "[" + bench(declared, 1, 250.0, "jdbcPrepared") + ","
                + bench(undeclared, 1, 250.0, "jdbcPrepared") + "]");
        List<CeilingReport.Row> rows = CeilingReport.rows(json);
        assertEquals(1, rows.size(), rows.toString());
        assertEquals(CeilingProfiler.shortName(declared), rows.get(0).benchmark());
    }

    @Test
    void theProfilersSamplesAreReadFromTheJsonInTheOrderTaken(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("r.json");
        String b = bench("dev.taskbench.write.InsertBenchmark.requestOneUser", 1, 250.0, "jdbcPrepared");
        b = b.substring(0, b.length() - 1) + ",\"secondaryMetrics\":{"
                + "\"pgbench.rows/s\":{\"score\":4550.0,\"scoreUnit\":\"rows/s\",\"rawData\":[[],[]]},"
                + "\"pgbench.sample.10\":{\"score\":4700.0,\"scoreUnit\":\"rows/s\",\"rawData\":[[],[]]},"
                + "\"pgbench.sample.1\":{\"score\":4400.0,\"scoreUnit\":\"rows/s\",\"rawData\":[[],[]]},"
                + "\"pgbench.sample.2\":{\"score\":4600.0,\"scoreUnit\":\"rows/s\",\"rawData\":[[],[]]}}}";
        Files.writeString(json, "[" + b + "]");
        Ceiling c = CeilingReport.withSamples(new Ceiling(), Map.of("default", json));
        Ceiling.Key key = new Ceiling.Key("default", "InsertBenchmark.requestOneUser", "path=jdbcPrepared", 1);
        assertEquals(List.of(4400.0, 4600.0, 4700.0), c.samples(key));
        String table = CeilingReport.render(Map.of("default", json), c);
        assertTrue(table.contains("(4400 4600 4700)"), table);
    }

    @Test
    void pgbenchRunsTheSameInsertAndItsRowsAreVerified() throws Exception {
        Optional<Path> pgbench = PgbenchCeiling.find();
        assumeTrue(pgbench.isPresent(), "pgbench is not on the PATH");
        try (var lock = TestDatabase.lock()) { // pgbench's run empties task
            PgbenchCeiling.Result r = PgbenchCeiling.measure(pgbench.get(),
                    WriteConnections.DEFAULTS.apply(TestDatabase.info()), 2, 1);
            assertTrue(r.transactions() > 0 && r.tps() > 0, r.toString());
        }
    }

    private static String bench(String name, int threads, double score, String path) {
        return "{\"benchmark\":\"" + name + "\",\"mode\":\"avgt\",\"threads\":" + threads
                + ",\"params\":{\"path\":\"" + path + "\"},\"primaryMetric\":{\"score\":" + score
                + ",\"scoreUnit\":\"us/op\",\"rawData\":[[" + score + "]]}}";
    }
}
