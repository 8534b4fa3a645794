package dev.taskbench.write;

import java.util.List;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.InsertValuesStep2;
import org.jooq.Record;

/** One multi-row {@code insertInto(task).values(..).values(..)...execute()}: one statement, autocommit. */
public final class JooqMultiValuesWriter implements TaskWriter {
    private final DSLContext ctx;

    public JooqMultiValuesWriter(DataSource ds) {
        this.ctx = Jooq.context(ds, false);
    }

    @Override
    public void insert(List<Task> rows) {
        InsertValuesStep2<Record, String, String> insert = ctx.insertInto(Jooq.TASK, Jooq.TITLE, Jooq.DESCRIPTION);
        for (Task t : rows) {
            insert = insert.values(t.title(), t.description());
        }
        int n = insert.execute();
        if (n != rows.size()) {
            throw new IllegalStateException("jOOQ multi-row INSERT reported " + n + " rows, expected " + rows.size());
        }
    }
}
