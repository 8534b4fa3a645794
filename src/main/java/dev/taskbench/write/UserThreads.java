package dev.taskbench.write;

import dev.taskbench.TaskbenchException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where concurrent users run: a platform pool of one thread per user, or one virtual thread per
 * user (JDK 21+, reached by reflection: the build is {@code --release 17}).
 */
public enum UserThreads {
    platform, virtual;

    /** True when this JVM can run {@code virtual}. */
    public static boolean virtualSupported() {
        return Runtime.version().feature() >= 21;
    }

    /** An executor for {@code users} concurrent users; close it with {@link ExecutorService#shutdownNow()}. */
    public ExecutorService open(int users) {
        if (users < 1) {
            throw new TaskbenchException("users must be at least 1, got " + users);
        }
        return switch (this) {
            case platform -> Executors.newFixedThreadPool(users, named());
            case virtual -> virtualThreadPerTask();
        };
    }

    /** Runs {@code users} copies of {@code user} at once on {@code executor} and waits for all; returns the sum. */
    public static int runAll(ExecutorService executor, int users, Callable<Integer> user) {
        List<Future<Integer>> futures = new ArrayList<>(users);
        for (int i = 0; i < users; i++) {
            futures.add(executor.submit(user));
        }
        int sum = 0;
        try {
            for (Future<Integer> f : futures) {
                sum += f.get();
            }
        } catch (ExecutionException e) {
            throw new TaskbenchException("a user failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TaskbenchException("interrupted while waiting for users", e);
        }
        return sum;
    }

    private static java.util.concurrent.ThreadFactory named() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "taskbench-user-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * {@code Executors.newVirtualThreadPerTaskExecutor()}, reached by reflection: the build is
     * {@code --release 17}. The server's {@code virtual} model runs its requests on one too.
     */
    public static ExecutorService virtualThreadPerTask() {
        try {
            return (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new TaskbenchException("virtual threads need JDK 21+, this JVM is " + Runtime.version().feature()
                    + ": run it under the flag set jdk25 (-Dtaskbench.flagsets=jdk25)", e);
        }
    }
}
