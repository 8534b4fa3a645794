package dev.taskbench.db;

/**
 * A running PostgreSQL the suite may use, where it came from, and how to let it go.
 * Closing stops what the suite started (a container, an embedded server) and nothing else.
 */
public record ProvisionedDatabase(DatabaseSource source, ConnectionInfo info, String detail, AutoCloseable stopper)
        implements AutoCloseable {

    public static ProvisionedDatabase unmanaged(DatabaseSource source, ConnectionInfo info, String detail) {
        return new ProvisionedDatabase(source, info, detail, () -> { });
    }

    public ProvisionedDatabase withInfo(ConnectionInfo newInfo) {
        return new ProvisionedDatabase(source, newInfo, detail, stopper);
    }

    @Override
    public void close() {
        try {
            stopper.close();
        } catch (Exception e) {
            throw new IllegalStateException("could not stop " + source.description() + ": " + e.getMessage(), e);
        }
    }
}
