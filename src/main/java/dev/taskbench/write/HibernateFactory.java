package dev.taskbench.write;

import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;

/**
 * Hibernate 7 configured in code, no persistence.xml: the shared DataSource, no schema
 * tooling, SQL logging off, statistics off, its logging through slf4j, one entity class per
 * factory. (JBoss Logging picks slf4j by itself only next to Logback, else java.util.logging at
 * INFO; {@code META-INF/services/org.jboss.logging.LoggerProvider} names its slf4j provider, so
 * Hibernate logs through slf4j-simple at WARN, {@code simplelogger.properties}, with no system
 * property set.)
 * {@code batchSize} 0 leaves JDBC batching off (Hibernate's default).
 */
final class HibernateFactory {
    private HibernateFactory() {
    }

    static SessionFactory build(DataSource ds, Class<?> entity, int batchSize) {
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
                .applySetting(AvailableSettings.DATASOURCE, ds)
                .applySetting(AvailableSettings.HBM2DDL_AUTO, "none")
                .applySetting(AvailableSettings.SHOW_SQL, false)
                .applySetting(AvailableSettings.FORMAT_SQL, false)
                .applySetting(AvailableSettings.HIGHLIGHT_SQL, false)
                .applySetting(AvailableSettings.USE_SQL_COMMENTS, false)
                .applySetting(AvailableSettings.GENERATE_STATISTICS, false)
                .applySetting(AvailableSettings.STATEMENT_BATCH_SIZE, batchSize)
                .applySetting(AvailableSettings.ORDER_INSERTS, batchSize > 0)
                .build();
        try {
            return new MetadataSources(registry).addAnnotatedClass(entity).buildMetadata().buildSessionFactory();
        } catch (RuntimeException e) {
            StandardServiceRegistryBuilder.destroy(registry);
            throw e;
        }
    }
}
