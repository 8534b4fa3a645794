package dev.taskbench.pool;

import dev.taskbench.db.ConnectionInfo;
import dev.taskbench.pool.stub.StubDriver;
import java.time.Duration;

/**
 * A fresh JVM's first borrow from a pool just opened on the stub driver, as a benchmark fork makes
 * it: prints its milliseconds. Usage: {@code FirstBorrow SOURCE TIMEOUT_SECONDS}.
 */
public final class FirstBorrow {
    private FirstBorrow() {
    }

    public static void main(String[] args) throws Exception {
        StubDriver.register();
        ConnectionSource source = ConnectionSource.valueOf(args[0]);
        try (ConnectionSource.Opened opened = source.open(new ConnectionInfo(StubDriver.URL, "", ""), 10,
                Duration.ofSeconds(Long.parseLong(args[1])))) {
            long start = System.nanoTime();
            opened.selectOne();
            System.out.println((System.nanoTime() - start) / 1_000_000);
        }
    }
}
