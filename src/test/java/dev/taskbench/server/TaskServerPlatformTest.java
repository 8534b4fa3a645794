package dev.taskbench.server;

/**
 * TaskServerTest's cases again on a fixed pool of two blocking workers ({@code platform-2},
 * gunicorn's sync workers): the body read on the selector, the work handed to a worker.
 */
class TaskServerPlatformTest extends TaskServerTest {
    static final String MODEL = "platform-2";

    @Override
    ServerConfig config() {
        return super.config().withThreading(MODEL);
    }
}
