package dev.taskbench.write;

import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.Loader;

/**
 * jOOQ's Loader API: multi-row INSERTs of {@value #BULK} rows ({@code bulkAfter}), all sent as
 * one JDBC batch ({@code batchAll}), committed by the surrounding jOOQ transaction
 * ({@code commitNone}: the Loader's own commits would go to whichever pooled connection a
 * DataSource-backed context borrowed). Errors abort and fail the call.
 */
public final class JooqLoaderWriter implements TaskWriter {
    static final int BULK = 100;
    private final DSLContext ctx;

    public JooqLoaderWriter(DataSource ds) {
        this.ctx = Jooq.context(ds, false);
    }

    @Override
    public void insert(List<Task> rows) {
        List<Object[]> data = new ArrayList<>(rows.size());
        for (Task t : rows) {
            data.add(new Object[] {t.title(), t.description()});
        }
        ctx.transaction(cfg -> {
            Loader<?> loader = cfg.dsl().loadInto(Jooq.TASK)
                    .onErrorAbort()
                    .bulkAfter(BULK)
                    .batchAll()
                    .commitNone()
                    .loadArrays(data)
                    .fields(Jooq.TITLE, Jooq.DESCRIPTION)
                    .execute();
            if (!loader.errors().isEmpty() || loader.stored() != rows.size()) {
                throw new IllegalStateException("jOOQ Loader stored " + loader.stored() + " of " + rows.size()
                        + " rows; errors: " + loader.errors().stream().map(e -> e.exception().getMessage()).toList());
            }
        });
    }
}
