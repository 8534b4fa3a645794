package dev.taskbench.jit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real recording of a small hot loop, in this JVM, with the settings a profiled fork gets, read back as values. */
class JfrJitTest {
    @TempDir
    Path dir;

    static volatile long sink;

    static int square(int x) {
        return x * x;
    }

    static long work(int n) {
        long s = 0;
        for (int i = 0; i < n; i++) {
            s += square(i) ^ (s >>> 3);
        }
        return s;
    }

    @Test
    void aHotMethodsCompilationsAndInliningAreRead() throws Exception {
        Path file = dir.resolve("jit.jfr");
        try (Recording r = new Recording(Configuration.create(new StringReader(JfrJit.SETTINGS)))) {
            r.start();
            for (int i = 0; i < 20_000; i++) {
                sink += work(1_000);
            }
            r.stop();
            r.dump(file);
        }
        JitEvents e = JfrJit.read(file);
        String work = JfrJitTest.class.getName() + ".work";
        assertTrue(e.compilations().stream().anyMatch(c -> c.method().equals(work) && c.succeeded() && c.level() > 0),
                "work compiled: " + e.compilations().stream().filter(c -> c.method().contains("JfrJitTest")).toList());
        assertTrue(e.inlinings().stream().anyMatch(i -> i.caller().equals(work)
                && i.callee().equals(JfrJitTest.class.getName() + ".square")), "square's inlining into work");
        assertFalse(e.compilations().stream().anyMatch(c -> c.atMillis() < 0));
    }

    @Test
    void hiddenClassNumbersAreDropped() {
        assertEquals("a.B$$Lambda", JfrJit.clean("a.B$$Lambda$12/0x0000000800c0a000"));
        assertEquals("a.B$$Lambda", JfrJit.clean("a.B$$Lambda/0x0000000800c0a000"));
    }

    @Test
    void theStartOptionNamesTheSettingsAndTheFile() {
        assertEquals("-XX:StartFlightRecording=name=taskbench-jit,settings=/s/jit.jfc,filename=/r/1.jfr,dumponexit=true",
                JfrJit.startOption(Path.of("/s/jit.jfc"), Path.of("/r/1.jfr")));
        assertTrue(Files.notExists(dir.resolve("x")));
    }
}
