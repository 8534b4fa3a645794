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

    /**
     * A request's write: one row in one committed transaction, as {@link #insert} with one row
     * would write it, returning the row's id (the single-row paths add {@code RETURNING id}
     * or read the id their ORM assigned). Paths built for many rows per call do not offer it;
     * see {@link WritePath#insertsOneWithId()}.
     */
    default long insertOne(Task row) throws SQLException {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " writes batches, not one row with its id");
    }

    /** Releases what the writer built (Hibernate's SessionFactory); never the shared DataSource. */
    @Override
    default void close() {
    }
}
