package dev.taskbench.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The users op of UsersBenchmark for real: more users than pooled connections, every row read back. */
class UserThreadsTest {
    static final int USERS = 200;
    static WriteFixture fx;

    @BeforeAll
    static void open() throws SQLException {
        fx = WriteFixture.pooled(10);
    }

    @AfterAll
    static void close() throws SQLException {
        fx.close();
    }

    @ParameterizedTest
    @EnumSource(UserThreads.class)
    void everyUserWritesOneRow(UserThreads threads) throws Exception {
        assumeTrue(threads == UserThreads.platform || UserThreads.virtualSupported(), "virtual threads need JDK 21+");
        List<Task> row = Task.seedRows(1);
        try (TaskWriter w = WritePath.jdbcPrepared.open(fx.ds)) {
            fx.proof.begin();
            ExecutorService ex = threads.open(USERS);
            try {
                int written = UserThreads.runAll(ex, USERS, () -> {
                    w.insert(row);
                    return 1;
                });
                assertEquals(USERS, written);
            } finally {
                ex.shutdownNow();
            }
            ProofOfWork.Result r = fx.proof.verifyCalls(USERS, 1);
            assertEquals(USERS, r.rows());
        }
    }
}
