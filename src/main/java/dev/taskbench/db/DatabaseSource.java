package dev.taskbench.db;

/** Where the suite's PostgreSQL came from, in the order the provisioner tries them. */
public enum DatabaseSource {
    /** {@code -Dtaskbench.db.url=…} or {@code TASKBENCH_DB_URL}. */
    EXPLICIT("explicit URL (-Dtaskbench.db.url or TASKBENCH_DB_URL)"),
    /** A throw-away PostgreSQL container, where a Docker engine is reachable. */
    TESTCONTAINERS("Testcontainers PostgreSQL (needs a reachable Docker engine)"),
    /** io.zonky embedded PostgreSQL, unpacked and started in-process (not as root). */
    EMBEDDED("embedded PostgreSQL (io.zonky.test, not as root)"),
    /** A server already listening on localhost:5432. */
    LOCALHOST("a server already listening on localhost:5432");

    private final String description;

    DatabaseSource(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
