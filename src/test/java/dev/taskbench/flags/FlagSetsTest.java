package dev.taskbench.flags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.TaskbenchException;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlagSetsTest {
    private final FlagSets builtIn = FlagSets.load(null);

    @Test
    void theBuiltInFileNamesTheIssuesSets() {
        assertTrue(builtIn.names().containsAll(List.of("interpreter", "c1", "c2", "c2-only", "serial", "parallel", "g1",
                "zgc", "shenandoah", "epsilon", "jdk17", "jdk25")), builtIn.names().toString());
        assertEquals(List.of("-Xint"), builtIn.resolve("interpreter").jvmOptions());
        assertEquals(List.of(), builtIn.resolve("c2").jvmOptions());
        assertNull(builtIn.resolve("c2").jdkMajor());
        assertEquals(25, builtIn.resolve("jdk25").jdkMajor());
        assertEquals(List.of("-XX:+UnlockExperimentalVMOptions", "-XX:+UseEpsilonGC", "-Xms12g", "-Xmx12g",
                "-XX:-AlwaysPreTouch"),
                builtIn.resolve("epsilon").jvmOptions());
    }

    @Test
    void setsCombineWithPlus() {
        FlagSet f = builtIn.resolve("jdk25+c2-only+serial");
        assertEquals("jdk25+c2-only+serial", f.name());
        assertEquals(25, f.jdkMajor());
        assertEquals(List.of("-XX:-TieredCompilation", "-XX:+UseSerialGC"), f.jvmOptions());
        TaskbenchException e = assertThrows(TaskbenchException.class, () -> builtIn.resolve("jdk17+jdk25"));
        assertTrue(e.getMessage().contains("two JDKs"), e.getMessage());
    }

    @Test
    void unknownAndDuplicateNamesAreReadableErrors() {
        TaskbenchException e = assertThrows(TaskbenchException.class, () -> builtIn.resolveAll("c1,turbo"));
        assertTrue(e.getMessage().contains("unknown flag set 'turbo'") && e.getMessage().contains("interpreter"),
                e.getMessage());
        TaskbenchException d = assertThrows(TaskbenchException.class, () -> builtIn.resolveAll("c1, c1"));
        assertTrue(d.getMessage().contains("listed twice"), d.getMessage());
        assertThrows(TaskbenchException.class, () -> builtIn.resolveAll("c1,,c2"));
    }

    @Test
    void malformedFilesNameTheLine() {
        assertLineError("a = -Xint\nb -Xint\n", "line 2", "expected 'name = JVM options'");
        assertLineError("a = Xint\n", "line 1", "not a JVM option");
        assertLineError("a = -Xint\n# c\na = -Xmixed\n", "line 3", "defined twice");
        assertLineError("a = @java:17\n", "line 1", "unknown directive");
        assertLineError("a = @jdk:17 @jdk:25\n", "line 1", "more than one @jdk");
        assertLineError("bad name = -Xint\n", "line 1", "not a flag-set name");
    }

    @Test
    void commentsBlankLinesAndJdkWithOptionsParse() {
        FlagSets f = FlagSets.parse("# x\n\n  lowpause = @jdk:21 -XX:+UseZGC -Xmx2g  \n", "t");
        FlagSet s = f.resolve("lowpause");
        assertEquals(21, s.jdkMajor());
        assertEquals(List.of("-XX:+UseZGC", "-Xmx2g"), s.jvmOptions());
        assertEquals("a_b", new FlagSet("a/b", List.of(), null).fileName());
    }

    private static void assertLineError(String text, String line, String what) {
        TaskbenchException e = assertThrows(TaskbenchException.class, () -> FlagSets.parse(text, "f.conf"));
        assertTrue(e.getMessage().contains("f.conf " + line) && e.getMessage().contains(what), e.getMessage());
    }
}
