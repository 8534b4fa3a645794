package dev.taskbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.declare.Declarations;
import dev.taskbench.declare.HasReference;
import dev.taskbench.declare.NeedsDatabase;
import dev.taskbench.declare.SingleRowWrite;
import dev.taskbench.loop.CounterLoopBenchmark;
import dev.taskbench.write.InsertBenchmark;
import org.junit.jupiter.api.Test;

/** Declarations are found on the benchmark's method or class, from JMH's name for it, never by matching names. */
class DeclarationsTest {

    @HasReference(value = HasReference.Script.FORM_DECODE, seedParams = "input=seed")
    public static final class ClassWide {
        public void any() {
        }
    }

    public static final class PerMethod {
        @SingleRowWrite
        @HasReference(HasReference.Script.COUNTER_LOOP)
        public void declared() {
        }

        public void renamedCopyOfDeclared() {
        }
    }

    private static String name(Class<?> c, String method) throws NoSuchMethodException {
        return c.getName() + "." + c.getMethod(method).getName();
    }

    @Test
    void aMethodsDeclarationIsItsOwnAndAClassesCoversEveryMethod() throws Exception {
        assertTrue(Declarations.onMethod(name(PerMethod.class, "declared"), SingleRowWrite.class).isPresent());
        assertFalse(Declarations.onMethod(name(PerMethod.class, "renamedCopyOfDeclared"), SingleRowWrite.class)
                .isPresent(), "a method without the declaration has none, whatever it is called");
        assertEquals(HasReference.Script.COUNTER_LOOP,
                Declarations.of(name(PerMethod.class, "declared"), HasReference.class).orElseThrow().value());
        HasReference wide = Declarations.of(name(ClassWide.class, "any"), HasReference.class).orElseThrow();
        assertEquals("form_decode", wide.value().id());
        assertEquals(1, wide.seedParams().length);
        assertFalse(Declarations.onMethod(name(ClassWide.class, "any"), HasReference.class).isPresent());
    }

    @Test
    void unknownClassesAndMethodsDeclareNothing() {
        assertFalse(Declarations.of("no.such.Benchmark.method", SingleRowWrite.class).isPresent());
        assertTrue(Declarations.unknownClass("no.such.Benchmark"));
        assertFalse(Declarations.unknownClass(InsertBenchmark.class.getName()));
    }

    @Test
    void theSuitesOwnBenchmarksCarryTheirDeclarations() throws Exception {
        assertTrue(Declarations.onClass(InsertBenchmark.class.getName(), NeedsDatabase.class).isPresent());
        assertTrue(Declarations.onMethod(InsertBenchmark.class.getName() + ".requestTenUsers", SingleRowWrite.class)
                .isPresent());
        assertFalse(Declarations.onMethod(InsertBenchmark.class.getName() + ".batch", SingleRowWrite.class)
                .isPresent(), "batches are per transaction, not single-row");
        assertEquals(HasReference.Script.COUNTER_LOOP, Declarations.of(CounterLoopBenchmark.class.getName() + ".faithful",
                HasReference.class).orElseThrow().value());
    }
}
