package dev.taskbench.write;

import java.sql.SQLException;
import java.util.List;

/**
 * One way of writing form rows into {@code task}. Every call writes all of {@code rows} in
 * exactly one committed transaction: a single statement in autocommit where the path is one
 * statement, otherwise an explicit transaction. The proof of work relies on this contract.
 */
public interface TaskWriter extends AutoCloseable {

    void insert(List<Task> rows) throws SQLException;

    /** Releases what the writer built (Hibernate's SessionFactory); never the shared DataSource. */
    @Override
    default void close() {
    }
}
