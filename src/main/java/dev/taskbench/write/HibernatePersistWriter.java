package dev.taskbench.write;

import java.util.List;
import java.util.function.Function;
import javax.sql.DataSource;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;

/**
 * A Session and a transaction per call, {@code persist} per row, commit. Variants: the id
 * strategy (pooled SEQUENCE or IDENTITY) and {@code hibernate.jdbc.batch_size} (0 = off, the
 * default), with flush and clear every batch so the session never grows beyond one batch.
 * IDENTITY with a batch size still inserts row by row: the trap this variant makes visible.
 */
public final class HibernatePersistWriter implements TaskWriter {
    private final SessionFactory factory;
    private final Function<Task, Object> entity;
    private final int batchSize;

    private HibernatePersistWriter(DataSource ds, Class<?> entityClass, Function<Task, Object> entity, int batchSize) {
        this.factory = HibernateFactory.build(ds, entityClass, batchSize);
        this.entity = entity;
        this.batchSize = batchSize;
    }

    public static HibernatePersistWriter sequence(DataSource ds, int batchSize) {
        return new HibernatePersistWriter(ds, SequenceTask.class, SequenceTask::new, batchSize);
    }

    public static HibernatePersistWriter identity(DataSource ds, int batchSize) {
        return new HibernatePersistWriter(ds, IdentityTask.class, IdentityTask::new, batchSize);
    }

    @Override
    public void insert(List<Task> rows) {
        try (Session s = factory.openSession()) {
            Transaction tx = s.beginTransaction();
            try {
                int n = 0;
                for (Task t : rows) {
                    s.persist(entity.apply(t));
                    if (batchSize > 0 && ++n % batchSize == 0) {
                        s.flush();
                        s.clear();
                    }
                }
                tx.commit();
            } catch (RuntimeException e) {
                rollback(tx, e);
                throw e;
            }
        }
    }

    /** A Session and a transaction, {@code persist}, commit; the id Hibernate assigned. */
    @Override
    public long insertOne(Task t) {
        try (Session s = factory.openSession()) {
            Transaction tx = s.beginTransaction();
            try {
                Object e = entity.apply(t);
                s.persist(e);
                Object id = s.getIdentifier(e);
                tx.commit();
                return ((Number) id).longValue();
            } catch (RuntimeException e) {
                rollback(tx, e);
                throw e;
            }
        }
    }

    /** Rolls back, keeping {@code cause} the failure: a lost connection fails the rollback too. */
    private static void rollback(Transaction tx, RuntimeException cause) {
        try {
            if (tx.isActive()) {
                tx.rollback();
            }
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    @Override
    public void close() {
        factory.close();
    }
}
