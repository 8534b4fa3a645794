package dev.taskbench.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.taskbench.TaskbenchException;
import org.junit.jupiter.api.Test;

/** The threading model as users type it, parsed once: N and P each in a field of its own, bad ones one line. */
class ThreadingModelTest {
    private static String error(String spec) {
        TaskbenchException e = assertThrows(TaskbenchException.class, () -> ThreadingModel.parse(spec));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        return e.getMessage();
    }

    @Test
    void eachKindParsesToItsNumbersInAnyCase() {
        assertEquals(new ThreadingModel(Threading.selector, 0, 0), ThreadingModel.parse("selector"));
        assertEquals(new ThreadingModel(Threading.dispatch, 0, 0), ThreadingModel.parse(" DISPATCH "));
        assertEquals(new ThreadingModel(Threading.virtual, 0, 0), ThreadingModel.parse("virtual"));
        assertEquals(new ThreadingModel(Threading.platform, 9, 0), ThreadingModel.parse("Platform-9"));
        assertEquals(new ThreadingModel(Threading.platform, 1, 0), ThreadingModel.parse("platform-1"));
        assertEquals(new ThreadingModel(Threading.eventloop, 0, 0), ThreadingModel.parse("eventloop"));
        assertEquals(new ThreadingModel(Threading.eventloop, 0, 1), ThreadingModel.parse("eventloop-1"));
        assertEquals(new ThreadingModel(Threading.eventloop, 0, 16), ThreadingModel.parse("EventLoop-16"));
    }

    @Test
    void specGivesBackWhatParsesToTheSameModel() {
        for (String spec : new String[] {"selector", "dispatch", "virtual", "platform-3", "eventloop", "eventloop-1"}) {
            assertEquals(spec, ThreadingModel.parse(spec).spec());
        }
    }

    /** The messages {@code Config.withThreading(String)} gave before the model was one value. */
    @Test
    void aBadNumberOrAnUnknownNameIsOneLine() {
        for (String bad : new String[] {"platform-0", "platform-x", "platform-", "platform--2", "eventloop-0",
            "eventloop-x", "eventloop-"}) {
            assertEquals("threading '" + bad + "': " + Threading.TAKES, error(bad));
        }
        for (String bad : new String[] {"platform", "eventloops", "virtual-2", "selector-1", "pool", "", "threads"}) {
            assertEquals("unknown threading '" + bad + "': " + Threading.TAKES, error(bad));
        }
    }

    @Test
    void onlyPlatformHasWorkersAndOnlyEventloopPipelines() {
        TaskbenchException none = assertThrows(TaskbenchException.class, () -> ThreadingModel.of(Threading.platform));
        assertEquals("threading platform needs at least 1 worker (platform-N), was 0", none.getMessage());
        assertThrows(TaskbenchException.class, () -> new ThreadingModel(Threading.eventloop, 4, 0));
        assertThrows(TaskbenchException.class, () -> new ThreadingModel(Threading.platform, 2, 4));
        assertThrows(TaskbenchException.class, () -> new ThreadingModel(Threading.eventloop, 0, -1));
        assertEquals(0, ThreadingModel.platform(4).pipelining());
        assertEquals(0, ThreadingModel.parse("eventloop-4").workers());
    }

    /** A config switched from platform-N to eventloop pipelines at the client's default, not at N. */
    @Test
    void theWorkersDoNotBecomeThePipelining() {
        int dflt = dev.taskbench.write.ReactiveTasks.CLIENT_DEFAULT_PIPELINING;
        ServerConfig platform = ServerConfig.defaults().withThreading("platform-" + (dflt + 1));
        assertEquals(dflt + 1, platform.workers());
        ServerConfig eventloop = platform.withThreading(Threading.eventloop);
        assertEquals(dflt, eventloop.pipelining());
        assertEquals(0, eventloop.workers());
        assertEquals(2, ServerConfig.defaults().withThreading("eventloop-2").pipelining());
    }
}
