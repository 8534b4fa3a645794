package dev.taskbench.server;

/**
 * Which thread runs a request, the seed's concurrency models on one JVM. {@code selector}: the
 * selector thread that read it, one selector per pooled connection, so a request blocked on the
 * database holds up no other (with more connections than selectors, the ones sharing a selector
 * take turns); no thread hand-off per request. {@code dispatch}: Jetty's default for a
 * blocking handler, one selector hands each request to a pool thread. {@code platform}: a
 * fixed pool of {@link ThreadingModel#workers()} blocking threads, the rest queue (gunicorn's sync
 * workers), the body read on the selector, which never blocks. {@code virtual}: one virtual
 * thread per request (gevent's green threads; JDK 21+), started by Jetty for the blocking
 * handler as {@code dispatch} starts a pool thread, so the answer's completion and the next
 * request's read stay on it (a thread of our own would leave Jetty one more hand-off to a pool
 * thread per request to resume the connection). {@code eventloop}: no thread
 * ever blocks, the Vert.x HTTP server on one event loop per core and the reactive PostgreSQL
 * client (Node with {@code pg} in PM2's cluster mode); {@code eventloop-P} pipelines up to P
 * statements per connection (1: none, as {@code pg} does), plain {@code eventloop} the
 * client's default. It is an {@link EventLoopServer}: {@link Service#start} picks it.
 */
public enum Threading {
    selector, dispatch, platform, virtual, eventloop;

    /** What a threading option takes, for its one-line error. */
    public static final String TAKES = "one of selector, dispatch, virtual, platform-N (N blocking workers from 1),"
            + " eventloop or eventloop-P (P statements pipelined per connection, 1 = none)";
}
