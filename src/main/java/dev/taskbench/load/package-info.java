/**
 * The load generator the seed and the HTTP benchmarks drive a server with: users in a closed
 * loop ({@link dev.taskbench.load.ClosedLoop}), their HTTP clients ({@link dev.taskbench.load.Poster})
 * and the one clock they are timed on ({@link dev.taskbench.load.Timing}). It speaks HTTP to a
 * URI and knows nothing of the server it loads, so that any server can be measured with it.
 */
package dev.taskbench.load;
