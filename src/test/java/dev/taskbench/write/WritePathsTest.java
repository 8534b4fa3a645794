package dev.taskbench.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every path writes what it is given, verbatim, in one transaction per call, into the shared table. */
class WritePathsTest {
    static final Task INJECTION = new Task("'); DROP TABLE task; --", "Robert'); DROP TABLE task;-- \\' \\\\ ''");
    static final Task NON_ASCII = new Task("Čaj ☕ 茶", "Grüße, naïve café — 𝄞 emoji 🍵 and 漢字");
    static final Task SPECIALS = new Task("tab\there", "line one\nline two\r\nback\\slash \\N %s $1 ? :x");
    static final List<Task> ROWS = List.of(INJECTION, NON_ASCII, SPECIALS, Task.SEED);

    static WriteFixture fx;

    @BeforeAll
    static void open() throws SQLException {
        fx = WriteFixture.pooled(1);
    }

    @AfterAll
    static void close() throws SQLException {
        fx.close();
    }

    @ParameterizedTest
    @EnumSource(WritePath.class)
    void writesEveryValueVerbatimInOneTransaction(WritePath path) throws Exception {
        try (TaskWriter w = path.open(fx.ds)) {
            w.insert(List.of(Task.SEED)); // boot and class loading outside the checked stretch
            fx.proof.begin();
            w.insert(ROWS);
            w.insert(List.of(INJECTION));
            w.insert(List.of(NON_ASCII));
        }
        ProofOfWork.Result r = fx.proof.verify(ROWS.size() + 2, 3, 3, 0);
        assertEquals(ROWS.size() + 2, r.rows());
        List<Task> expected = new ArrayList<>(ROWS);
        expected.add(INJECTION);
        expected.add(NON_ASCII);
        assertEquals(sorted(expected), sorted(readBack()), path.name());
    }

    @ParameterizedTest
    @EnumSource(WritePath.class)
    void writesLargeBatches(WritePath path) throws Exception {
        List<Task> rows = Task.seedRows(1000);
        try (TaskWriter w = path.open(fx.ds)) {
            w.insert(List.of(Task.SEED));
            fx.proof.begin();
            w.insert(rows);
            w.insert(rows.subList(0, 120));
        }
        try {
            fx.proof.verify(1120, 2, 2, 0);
            List<Task> expected = new ArrayList<>(rows);
            expected.addAll(rows.subList(0, 120));
            assertEquals(sorted(expected), sorted(readBack()), path.name());
        } finally {
            // Hibernate's SEQUENCE writer took a block of ids before begin() restarted the
            // sequence and used it after: those rows sit above the sequence, where a later
            // test's plain INSERT would meet them as a duplicate key
            try (Connection c = fx.info.connect()) {
                TaskSchema.truncate(c);
            }
        }
    }

    @org.junit.jupiter.api.Test
    void allPathsShareOneTableAndOneSequence() throws Exception {
        // no proof of work here: Hibernate's boot queries would count as commits, and a truncate
        // after boot would restart the sequence under Hibernate's cached block of ids
        fx.proof.begin();
        List<TaskWriter> writers = new ArrayList<>();
        try {
            for (WritePath p : WritePath.values()) {
                writers.add(p.open(fx.ds));
            }
            for (int round = 0; round < 3; round++) {
                for (TaskWriter w : writers) {
                    w.insert(Task.seedRows(60));
                    w.insert(List.of(Task.SEED));
                }
            }
        } finally {
            for (TaskWriter w : writers) {
                w.close();
            }
        }
        long expected = 3L * 61 * WritePath.values().length;
        try (Connection c = fx.info.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select count(*), count(distinct id), min(id) from task")) {
            rs.next();
            assertEquals(expected, rs.getLong(1));
            assertEquals(expected, rs.getLong(2));
            assertTrue(rs.getLong(3) >= 1);
        }
    }

    static List<Task> readBack() throws SQLException {
        List<Task> out = new ArrayList<>();
        Set<Long> ids = new HashSet<>();
        try (Connection c = fx.info.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select id, title, description from task")) {
            while (rs.next()) {
                assertTrue(ids.add(rs.getLong(1)), "duplicate id");
                out.add(new Task(rs.getString(2), rs.getString(3)));
            }
        }
        return out;
    }

    static List<String> sorted(List<Task> tasks) {
        List<String> s = new ArrayList<>();
        for (Task t : tasks) {
            s.add(t.title() + "\u0000" + t.description());
        }
        s.sort(null);
        return s;
    }
}
