package dev.taskbench.server;

/**
 * TaskServerTest's cases against the shared server again, with requests dispatched to pool
 * threads instead of run on their selector thread; the cases that start servers of their own
 * (other write paths, sources, failures to start) start them dispatching too.
 */
class TaskServerDispatchTest extends TaskServerTest {

    @Override
    ServerConfig config() {
        return super.config().withThreading(Threading.dispatch);
    }

    @Override
    int poolThreadsPerWaitingRequest() {
        return 1;
    }
}
