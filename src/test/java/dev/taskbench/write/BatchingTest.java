package dev.taskbench.write;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What each path really sends through JDBC for 120 rows: single executions vs executeBatch
 * calls. Catches a configuration that silently stops batching (IDENTITY, a StatelessSession
 * without its own batch size).
 */
class BatchingTest {
    static WriteFixture fx;

    @BeforeAll
    static void open() throws SQLException {
        fx = WriteFixture.pooled(1);
    }

    @AfterAll
    static void close() throws SQLException {
        fx.close();
    }

    @ParameterizedTest(name = "{0}: {1} single executions, {2} batches")
    @CsvSource({
            // path, single executions (INSERTs and nextval), executeBatch calls. On a restarted
            // sequence the pooled optimizer calls nextval 4 times for 120 ids (the first value
            // is the start value, so it fetches again at once: ids 1, then 2..51, 52..101, ...).
            // A StatelessSession executes its pending batch before each nextval: [1, 50, 50, 19].
            "jdbcPrepared, 120, 0",
            "jdbcBatch, 0, 1",
            "jdbcMultiValues, 1, 0",
            "jdbcUnnest, 1, 0",
            "jooqBatch, 0, 1",
            "hibernateSeq, 124, 0",
            "hibernateIdentity, 120, 0",
            "hibernateBatch, 4, 3", // batches of 50, 50, 20 at flush
            "hibernateBatchIdentity, 120, 0",
            "hibernateStateless, 4, 4"})
    void sendsWhatItsDesignSays(String pathId, long singles, long batches) throws Exception {
        WritePath path = WritePath.valueOf(pathId);
        Counting counting = new Counting(fx.ds);
        try (TaskWriter w = path.open(counting.dataSource())) {
            fx.proof.begin();
            counting.reset();
            w.insert(Task.seedRows(120));
        }
        fx.proof.verify(120, 1, 1, 0);
        assertEquals(Map.of("singles", singles, "batches", batches),
                Map.of("singles", counting.singles.get(), "batches", counting.batches.get()),
                pathId + " batch sizes " + counting.sizes);
    }

    /** A DataSource whose statements count executions and executeBatch calls. */
    static final class Counting {
        final AtomicLong singles = new AtomicLong();
        final AtomicLong batches = new AtomicLong();
        final AtomicLong added = new AtomicLong();
        final List<Long> sizes = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final DataSource target;
        private final Map<String, Boolean> names = new ConcurrentHashMap<>();

        Counting(DataSource target) {
            this.target = target;
        }

        void reset() {
            singles.set(0);
            batches.set(0);
            sizes.clear();
        }

        DataSource dataSource() {
            return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                    handler(target, this::wrapConnection));
        }

        private Object wrapConnection(Object result) {
            if (result instanceof Connection c) {
                return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                        handler(c, this::wrapStatement));
            }
            return result;
        }

        private Object wrapStatement(Object result) {
            if (result instanceof PreparedStatement ps) {
                return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {PreparedStatement.class},
                        counter(ps));
            }
            if (result instanceof Statement st) {
                return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Statement.class},
                        counter(st));
            }
            return result;
        }

        private InvocationHandler counter(Object target) {
            return (proxy, m, args) -> {
                String n = m.getName();
                if (n.equals("addBatch")) {
                    added.incrementAndGet();
                } else if (n.equals("executeBatch") || n.equals("executeLargeBatch")) {
                    batches.incrementAndGet();
                    sizes.add(added.getAndSet(0));
                } else if (n.equals("execute") || n.equals("executeUpdate") || n.equals("executeQuery")
                        || n.equals("executeLargeUpdate")) {
                    singles.incrementAndGet();
                }
                return invoke(target, m, args);
            };
        }

        private static InvocationHandler handler(Object target, java.util.function.UnaryOperator<Object> wrap) {
            return (proxy, m, args) -> {
                if (m.getName().equals("unwrap") && args != null && args[0] instanceof Class<?> k && k.isInstance(proxy)) {
                    return proxy;
                }
                return wrap.apply(invoke(target, m, args));
            };
        }

        private static Object invoke(Object target, java.lang.reflect.Method m, Object[] args) throws Throwable {
            try {
                return m.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }

}
