package dev.taskbench.server;

import dev.taskbench.db.TestDatabase;
import org.junit.jupiter.api.BeforeAll;

/**
 * TaskServerTest's cases against the shared server again, with requests dispatched to pool
 * threads instead of run on their selector thread; the cases that start servers of their own
 * (other write paths, sources, failures to start) start them dispatching too.
 */
class TaskServerDispatchTest extends TaskServerTest {

    @BeforeAll
    static void start() {
        server = TaskServer.start(TestDatabase.info(),
                TaskServer.Config.defaults().withPoolSize(2).withThreading(TaskServer.Threading.dispatch));
    }

    @Override
    TaskServer.Config config() {
        return super.config().withThreading(TaskServer.Threading.dispatch);
    }

    @Override
    int poolThreadsPerWaitingRequest() {
        return 1;
    }
}
