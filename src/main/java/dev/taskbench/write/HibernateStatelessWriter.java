package dev.taskbench.write;

import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;
import org.hibernate.Transaction;

/**
 * A {@link StatelessSession} per call (no persistence context, no dirty checking) with the
 * pooled SEQUENCE entity and an explicit JDBC batch size: Hibernate 7 ignores
 * {@code hibernate.jdbc.batch_size} for stateless sessions, so the batch size is set on the
 * session ({@code setJdbcBatchSize}) and the rows go in with {@code insertMultiple}.
 */
public final class HibernateStatelessWriter implements TaskWriter {
    private final SessionFactory factory;
    private final int batchSize;

    public HibernateStatelessWriter(DataSource ds, int batchSize) {
        this.factory = HibernateFactory.build(ds, SequenceTask.class, 0);
        this.batchSize = batchSize;
    }

    @Override
    public void insert(List<Task> rows) {
        List<SequenceTask> entities = new ArrayList<>(rows.size());
        for (Task t : rows) {
            entities.add(new SequenceTask(t));
        }
        try (StatelessSession s = factory.openStatelessSession()) {
            s.setJdbcBatchSize(batchSize);
            Transaction tx = s.beginTransaction();
            try {
                s.insertMultiple(entities);
                tx.commit();
            } catch (RuntimeException e) {
                if (tx.isActive()) {
                    tx.rollback();
                }
                throw e;
            }
        }
    }

    @Override
    public void close() {
        factory.close();
    }
}
