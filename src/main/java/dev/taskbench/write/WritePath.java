package dev.taskbench.write;

import java.util.Arrays;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Every way the suite writes rows, by the name benchmarks take as a parameter. Each opens a
 * {@link TaskWriter} on the shared DataSource; every call is one committed transaction.
 */
public enum WritePath {
    JDBC_PLAIN("jdbcPlain") {
        @Override
        public TaskWriter open(DataSource ds) {
            return new JdbcPlainWriter(ds);
        }
    },
    JDBC_PREPARED("jdbcPrepared") {
        @Override
        public TaskWriter open(DataSource ds) {
            return new JdbcPreparedWriter(ds);
        }
    },
    JDBC_BATCH("jdbcBatch") {
        @Override
        public TaskWriter open(DataSource ds) {
            return new JdbcBatchWriter(ds);
        }
    },
    JDBC_MULTI_VALUES("jdbcMultiValues") {
        @Override
        public TaskWriter open(DataSource ds) {
            return new JdbcMultiValuesWriter(ds);
        }
    },
    JDBC_UNNEST("jdbcUnnest") {
        @Override
        public TaskWriter open(DataSource ds) {
            return new JdbcUnnestWriter(ds);
        }
    },
    JDBC_COPY("jdbcCopy") {
        @Override
        public TaskWriter open(DataSource ds) {
            return new JdbcCopyWriter(ds);
        }
    },
    JOOQ("jooq") {
        @Override
        public TaskWriter open(DataSource ds) {
            return new JooqInsertWriter(ds, false);
        }
    },
    JOOQ_STATIC("jooqStatic") {
        @Override
        public TaskWriter open(DataSource ds) {
            return new JooqInsertWriter(ds, true);
        }
    },
    JOOQ_BATCH("jooqBatch") {
        @Override
        public TaskWriter open(DataSource ds) {
            return new JooqBatchWriter(ds);
        }
    },
    JOOQ_MULTI_VALUES("jooqMultiValues") {
        @Override
        public TaskWriter open(DataSource ds) {
            return new JooqMultiValuesWriter(ds);
        }
    },
    JOOQ_LOADER("jooqLoader") {
        @Override
        public TaskWriter open(DataSource ds) {
            return new JooqLoaderWriter(ds);
        }
    },
    /** Session per call, pooled SEQUENCE, no JDBC batching (Hibernate's default batch size). */
    HIBERNATE_SEQ("hibernateSeq") {
        @Override
        public TaskWriter open(DataSource ds) {
            return HibernatePersistWriter.sequence(ds, 0);
        }
    },
    /** Session per call, IDENTITY: an INSERT ... RETURNING per persist. */
    HIBERNATE_IDENTITY("hibernateIdentity") {
        @Override
        public TaskWriter open(DataSource ds) {
            return HibernatePersistWriter.identity(ds, 0);
        }
    },
    /** Session per call, pooled SEQUENCE, jdbc.batch_size = 50, flush and clear per batch. */
    HIBERNATE_BATCH("hibernateBatch") {
        @Override
        public TaskWriter open(DataSource ds) {
            return HibernatePersistWriter.sequence(ds, HIBERNATE_BATCH_SIZE);
        }
    },
    /** The same batch settings with IDENTITY: Hibernate silently cannot batch. */
    HIBERNATE_BATCH_IDENTITY("hibernateBatchIdentity") {
        @Override
        public TaskWriter open(DataSource ds) {
            return HibernatePersistWriter.identity(ds, HIBERNATE_BATCH_SIZE);
        }
    },
    /** StatelessSession, pooled SEQUENCE, setJdbcBatchSize(50), insertMultiple. */
    HIBERNATE_STATELESS("hibernateStateless") {
        @Override
        public TaskWriter open(DataSource ds) {
            return new HibernateStatelessWriter(ds, HIBERNATE_BATCH_SIZE);
        }
    };

    /** JDBC batch size of the batching Hibernate variants = the sequence's allocation size. */
    public static final int HIBERNATE_BATCH_SIZE = TaskSchema.ID_INCREMENT;

    private final String id;

    WritePath(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Hibernate's pooled SEQUENCE optimizer keeps a block of ids in memory: rebuild it after a restart of the identity. */
    public boolean cachesIds() {
        return this == HIBERNATE_SEQ || this == HIBERNATE_BATCH || this == HIBERNATE_STATELESS;
    }

    /**
     * Paths that write a request's single row and answer its id ({@link TaskWriter#insertOne}):
     * the ones a server can use.
     */
    public boolean insertsOneWithId() {
        return this == JDBC_PREPARED || this == JOOQ || this == JOOQ_STATIC || this == HIBERNATE_SEQ
                || this == HIBERNATE_IDENTITY;
    }

    public abstract TaskWriter open(DataSource ds);

    public static WritePath parse(String id) {
        for (WritePath p : values()) {
            if (p.id.equalsIgnoreCase(id)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown write path '" + id + "'; known: "
                + Arrays.stream(values()).map(WritePath::id).collect(Collectors.joining(", ")));
    }
}
