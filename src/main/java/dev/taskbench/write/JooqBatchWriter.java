package dev.taskbench.write;

import java.util.List;
import javax.sql.DataSource;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;

/**
 * jOOQ's batch with bind values ({@code batch(insert).bind(...).execute()}, a JDBC batch of one
 * PreparedStatement) inside one jOOQ transaction.
 */
public final class JooqBatchWriter implements TaskWriter {
    private final DSLContext ctx;

    public JooqBatchWriter(DataSource ds) {
        this.ctx = Jooq.context(ds, false);
    }

    @Override
    public void insert(List<Task> rows) {
        ctx.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            BatchBindStep batch = tx.batch(tx.insertInto(Jooq.TASK, Jooq.TITLE, Jooq.DESCRIPTION)
                    .values((String) null, (String) null));
            for (Task t : rows) {
                batch = batch.bind(t.title(), t.description());
            }
            batch.execute();
        });
    }
}
