package dev.taskbench.write;

import dev.taskbench.db.ConnectionInfo;
import dev.taskbench.db.DatabaseLock;
import dev.taskbench.db.TestDatabase;
import dev.taskbench.pool.ConnectionSource;
import java.sql.SQLException;

/** A pool (or fresh source), its DataSource and a proof of work on the test database, under its run lock. */
final class WriteFixture implements AutoCloseable {
    final DatabaseLock lock;
    final ConnectionInfo info;
    final ConnectionSource.Opened opened;
    final OpenedDataSource ds;
    final ProofOfWork proof;

    WriteFixture(ConnectionSource source, int poolSize, WriteConnections settings) throws SQLException {
        lock = TestDatabase.lock();
        info = settings.apply(TestDatabase.info());
        opened = source.open(info, poolSize);
        ds = new OpenedDataSource(opened);
        proof = new ProofOfWork(info, ds, source.pooled() ? poolSize : 0);
    }

    static WriteFixture pooled(int poolSize) throws SQLException {
        return new WriteFixture(ConnectionSource.hikari, poolSize, WriteConnections.DEFAULTS);
    }

    @Override
    public void close() throws SQLException {
        try {
            proof.close();
            opened.close();
        } finally {
            lock.close();
        }
    }
}
