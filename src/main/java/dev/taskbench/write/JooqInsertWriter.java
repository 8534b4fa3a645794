package dev.taskbench.write;

import java.util.List;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.Record1;

/**
 * {@code insertInto(task).values(...).execute()} per row: bind values in a PreparedStatement,
 * or, as the STATIC_STATEMENT variant, values inlined as literals in a plain Statement (jOOQ
 * escapes them). One row runs in autocommit; more rows in one jOOQ transaction.
 */
public final class JooqInsertWriter implements TaskWriter {
    private final DSLContext ctx;

    public JooqInsertWriter(DataSource ds, boolean staticStatements) {
        this.ctx = Jooq.context(ds, staticStatements);
    }

    @Override
    public void insert(List<Task> rows) {
        if (rows.size() == 1) {
            insertOne(ctx, rows.get(0));
        } else {
            ctx.transaction(cfg -> {
                DSLContext tx = cfg.dsl();
                for (Task t : rows) {
                    insertOne(tx, t);
                }
            });
        }
    }

    /** The same insert with {@code RETURNING id}, fetched in autocommit. */
    @Override
    public long insertOne(Task t) {
        Record1<Long> r = ctx.insertInto(Jooq.TASK, Jooq.TITLE, Jooq.DESCRIPTION).values(t.title(), t.description())
                .returningResult(Jooq.ID).fetchOne();
        if (r == null || r.value1() == null) {
            throw new IllegalStateException("jOOQ INSERT ... RETURNING id returned no row");
        }
        return r.value1();
    }

    private static void insertOne(DSLContext ctx, Task t) {
        int n = ctx.insertInto(Jooq.TASK, Jooq.TITLE, Jooq.DESCRIPTION).values(t.title(), t.description()).execute();
        if (n != 1) {
            throw new IllegalStateException("jOOQ INSERT reported " + n + " rows");
        }
    }
}
