package dev.taskbench.jit;

import dev.taskbench.jit.JitEvents.Compilation;
import dev.taskbench.jit.JitEvents.Deopt;
import dev.taskbench.jit.JitEvents.Inlining;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedObject;
import jdk.jfr.consumer.RecordingFile;

/**
 * The JIT's events of one JDK Flight Recorder recording as {@link JitEvents}: {@code jdk.Compilation},
 * {@code jdk.CompilerInlining} and {@code jdk.Deoptimization}, recorded by a fork started with
 * {@link #SETTINGS} ({@code -XX:StartFlightRecording:settings=<file>}). Times count from the
 * recording's first event. A hidden class's number ({@code Foo$$Lambda$12/0x...}) differs from
 * fork to fork, so it is dropped: the same lambda reads the same in both.
 */
public final class JfrJit {
    static final String COMPILATION = "jdk.Compilation";
    static final String INLINING = "jdk.CompilerInlining";
    static final String DEOPT = "jdk.Deoptimization";
    /** Every compilation, however short; every inlining decision and deoptimization; nothing else. */
    public static final String SETTINGS = String.join("\n",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
            "<configuration version=\"2.0\" label=\"taskbench JIT\" description=\"What the JIT did\">",
            event("jdk.Compilation", "<setting name=\"threshold\">0 ms</setting>"),
            event("jdk.CompilerInlining", ""),
            event("jdk.Deoptimization", "<setting name=\"stackTrace\">false</setting>"),
            event("jdk.CompilationFailure", ""),
            "</configuration>", "");
    private static final Pattern HIDDEN = Pattern.compile("\\$\\$Lambda\\$?[0-9]*(/0x[0-9a-f]+)?");

    private JfrJit() {
    }

    private static String event(String name, String more) {
        return "  <event name=\"" + name + "\"><setting name=\"enabled\">true</setting>" + more + "</event>";
    }

    /** The JVM option that records them into {@code recording}, with {@link #SETTINGS} saved in {@code settings}. */
    public static String startOption(Path settings, Path recording) {
        return "-XX:StartFlightRecording=name=taskbench-jit,settings=" + settings + ",filename=" + recording
                + ",dumponexit=true";
    }

    public static JitEvents read(Path recording) throws IOException {
        List<RecordedEvent> events = RecordingFile.readAllEvents(recording);
        Instant start = events.stream().map(RecordedEvent::getStartTime).min(Instant::compareTo).orElse(Instant.EPOCH);
        return of(events, start);
    }

    /** The events given, times from {@code start}; others are ignored. */
    public static JitEvents of(List<RecordedEvent> events, Instant start) {
        List<Compilation> compilations = new ArrayList<>();
        List<Inlining> inlinings = new ArrayList<>();
        List<Deopt> deopts = new ArrayList<>();
        for (RecordedEvent e : events) {
            long at = Math.max(0, e.getStartTime().toEpochMilli() - start.toEpochMilli());
            switch (e.getEventType().getName()) {
                case COMPILATION -> compilations.add(new Compilation((int) e.getLong("compileId"),
                        name(e.getValue("method")), (int) e.getLong("compileLevel"), e.getBoolean("isOsr"),
                        succeeded(e), at));
                case INLINING -> inlinings.add(new Inlining((int) e.getLong("compileId"), name(e.getValue("caller")),
                        callee(e.getValue("callee")), e.getBoolean("succeeded"), e.getString("message")));
                case DEOPT -> deopts.add(new Deopt(name(e.getValue("method")), e.getString("reason"),
                        e.getString("action"), at));
                default -> {
                    // the failures are in the compilations too (succeded false)
                }
            }
        }
        return new JitEvents(compilations, inlinings, deopts);
    }

    /** JDK 17 spells the field {@code succeded}; a later JDK may not. */
    private static boolean succeeded(RecordedEvent e) {
        return e.hasField("succeded") ? e.getBoolean("succeded") : e.getBoolean("succeeded");
    }

    private static String name(RecordedMethod m) {
        return m == null ? "?" : clean(m.getType().getName()) + "." + m.getName();
    }

    /** An inlining's callee is a plain struct (type in internal form, name, descriptor), not a method. */
    private static String callee(RecordedObject o) {
        return o == null ? "?" : clean(o.getString("type").replace('/', '.')) + "." + o.getString("name");
    }

    static String clean(String type) {
        return HIDDEN.matcher(type).replaceAll("\\$\\$Lambda");
    }
}
