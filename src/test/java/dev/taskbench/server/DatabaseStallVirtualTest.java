package dev.taskbench.server;

import dev.taskbench.pool.ConnectionSource;
import dev.taskbench.write.WritePath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

/**
 * DatabaseStallTest's cases with one virtual thread per request, whose reads have no socket
 * timeout: the stalled database is bounded by the server's {@link Deadlines} instead, the locked
 * table by PostgreSQL's lock_timeout as for every model.
 */
@EnabledForJreRange(min = JRE.JAVA_21, disabledReason = "virtual threads need JDK 21+; mvn install runs this class"
        + " again under JDK 25 where /usr/lib/jvm/temurin-25-jdk-amd64 exists (profile jdk25-tests)")
class DatabaseStallVirtualTest {

    @Test
    void requestsInFlightAnswer503WithinTheTimeoutThenTheServerRecovers() throws Exception {
        new DatabaseStallTest().requestsInFlightAnswer503WithinTheTimeoutThenTheServerRecovers(
                Threading.virtual, WritePath.jdbcPrepared, ConnectionSource.hikari);
    }

    @Test
    void aLockedTableAnswers503WithinTheTimeoutAndWritesNothing() throws Exception {
        new DatabaseStallTest().aLockedTableAnswers503WithinTheTimeoutAndWritesNothing(Threading.virtual);
    }
}
