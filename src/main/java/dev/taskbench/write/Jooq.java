package dev.taskbench.write;

import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.conf.Settings;
import org.jooq.conf.StatementType;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * jOOQ without code generation: the table and its two columns by name, on the shared
 * DataSource. Execute logging is off (jOOQ adds a logging listener whenever DEBUG is on, and
 * the logger level must never decide what is measured); the logo and tips are off through
 * {@code -Dorg.jooq.no-logo=true -Dorg.jooq.no-tips=true}. On a DataSource jOOQ borrows a
 * connection per {@code execute()}, which commits in autocommit: multi-statement work must run
 * in {@link DSLContext#transaction}.
 */
final class Jooq {
    static final Table<Record> TASK = DSL.table(DSL.name(TaskSchema.TABLE));
    static final Field<Long> ID = DSL.field(DSL.name("id"), SQLDataType.BIGINT);
    static final Field<String> TITLE = DSL.field(DSL.name("title"), SQLDataType.VARCHAR(255).nullable(false));
    static final Field<String> DESCRIPTION = DSL.field(DSL.name("description"), SQLDataType.CLOB.nullable(false));

    private Jooq() {
    }

    static DSLContext context(DataSource ds, boolean staticStatements) {
        Settings s = new Settings()
                .withExecuteLogging(false)
                .withRenderSchema(false)
                .withStatementType(staticStatements ? StatementType.STATIC_STATEMENT
                        : StatementType.PREPARED_STATEMENT);
        return DSL.using(ds, SQLDialect.POSTGRES, s);
    }
}
