package dev.taskbench.write;

import javax.sql.DataSource;

/**
 * Every way the suite writes rows, by the name benchmarks take as a parameter. Each opens a
 * {@link TaskWriter} on the shared DataSource; every call is one committed transaction.
 */
public enum WritePath {
    jdbcPlain {
        @Override
        public TaskWriter open(DataSource ds) {
            return new JdbcPlainWriter(ds);
        }
    },
    jdbcPrepared {
        @Override
        public TaskWriter open(DataSource ds) {
            return new JdbcPreparedWriter(ds);
        }
    },
    jdbcBatch {
        @Override
        public TaskWriter open(DataSource ds) {
            return new JdbcBatchWriter(ds);
        }
    },
    jdbcMultiValues {
        @Override
        public TaskWriter open(DataSource ds) {
            return new JdbcMultiValuesWriter(ds);
        }
    },
    jdbcUnnest {
        @Override
        public TaskWriter open(DataSource ds) {
            return new JdbcUnnestWriter(ds);
        }
    },
    jdbcCopy {
        @Override
        public TaskWriter open(DataSource ds) {
            return new JdbcCopyWriter(ds);
        }
    },
    jooq {
        @Override
        public TaskWriter open(DataSource ds) {
            return new JooqInsertWriter(ds, false);
        }
    },
    jooqStatic {
        @Override
        public TaskWriter open(DataSource ds) {
            return new JooqInsertWriter(ds, true);
        }
    },
    jooqBatch {
        @Override
        public TaskWriter open(DataSource ds) {
            return new JooqBatchWriter(ds);
        }
    },
    jooqMultiValues {
        @Override
        public TaskWriter open(DataSource ds) {
            return new JooqMultiValuesWriter(ds);
        }
    },
    jooqLoader {
        @Override
        public TaskWriter open(DataSource ds) {
            return new JooqLoaderWriter(ds);
        }
    },
    /** Session per call, pooled SEQUENCE, no JDBC batching (Hibernate's default batch size). */
    hibernateSeq {
        @Override
        public TaskWriter open(DataSource ds) {
            return HibernatePersistWriter.sequence(ds, 0);
        }
    },
    /** Session per call, IDENTITY: an INSERT ... RETURNING per persist. */
    hibernateIdentity {
        @Override
        public TaskWriter open(DataSource ds) {
            return HibernatePersistWriter.identity(ds, 0);
        }
    },
    /** Session per call, pooled SEQUENCE, jdbc.batch_size = 50, flush and clear per batch. */
    hibernateBatch {
        @Override
        public TaskWriter open(DataSource ds) {
            return HibernatePersistWriter.sequence(ds, HIBERNATE_BATCH_SIZE);
        }
    },
    /** The same batch settings with IDENTITY: Hibernate silently cannot batch. */
    hibernateBatchIdentity {
        @Override
        public TaskWriter open(DataSource ds) {
            return HibernatePersistWriter.identity(ds, HIBERNATE_BATCH_SIZE);
        }
    },
    /** StatelessSession, pooled SEQUENCE, setJdbcBatchSize(50), insertMultiple. */
    hibernateStateless {
        @Override
        public TaskWriter open(DataSource ds) {
            return new HibernateStatelessWriter(ds, HIBERNATE_BATCH_SIZE);
        }
    };

    /** JDBC batch size of the batching Hibernate variants = the sequence's allocation size. */
    public static final int HIBERNATE_BATCH_SIZE = TaskSchema.ID_INCREMENT;

    /** Hibernate's pooled SEQUENCE optimizer keeps a block of ids in memory: rebuild it after a restart of the identity. */
    public boolean cachesIds() {
        return this == hibernateSeq || this == hibernateBatch || this == hibernateStateless;
    }

    /**
     * Paths that write a request's single row and answer its id ({@link TaskWriter#insertOne}):
     * the ones a server can use.
     */
    public boolean insertsOneWithId() {
        return this == jdbcPrepared || this == jooq || this == jooqStatic || this == hibernateSeq
                || this == hibernateIdentity;
    }

    public abstract TaskWriter open(DataSource ds);
}
