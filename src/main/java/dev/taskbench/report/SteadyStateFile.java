package dev.taskbench.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.taskbench.TaskbenchException;
import dev.taskbench.compare.Direction;
import dev.taskbench.stability.ForkSteadiness;
import dev.taskbench.stability.SteadyState;
import dev.taskbench.results.RunResults;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * What {@value #NAME} in a steady run's folder holds: one entry per fork of each {@link SteadyRow},
 * its class, when its steady state starts, the iteration from which it is warm as a plan reads it
 * ({@link SteadyState#warmIteration}), and the levels between its change points in the score's
 * unit, so that a fork's class can be checked against its iterations in the JMH JSON beside it.
 */
public final class SteadyStateFile {
    public static final String NAME = "steady-state.json";
    static final String METHOD = "Barrett et al. 2017 (OOPSLA), PELT change points on log time";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SteadyStateFile() {
    }

    /** The file's content, for a JSON writer; empty forks for a run that is not a steady one. */
    public static Map<String, Object> of(RunResults run) {
        List<Map<String, Object>> forks = new ArrayList<>();
        for (SteadyRow r : SteadyRow.of(run)) {
            List<ForkSteadiness> all = r.stability().steadiness().forks();
            for (int i = 0; i < all.size(); i++) {
                forks.add(fork(r, i + 1, all.get(i)));
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("method", METHOD);
        out.put("forks", forks);
        return out;
    }

    /** The file into {@code file}, through a temporary sibling and a rename. */
    public static void write(RunResults run, Path file) {
        try {
            ReportFiles.save(file, JSON.writeValueAsString(of(run)));
        } catch (JsonProcessingException e) {
            throw new TaskbenchException("cannot write " + file + ": " + e.getOriginalMessage(), e);
        }
    }

    /** Whether the run has steady rows, so a file is worth writing. */
    public static boolean applies(RunResults run) {
        return !SteadyRow.of(run).isEmpty();
    }

    private static Map<String, Object> fork(SteadyRow r, int number, ForkSteadiness f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("flagSet", r.result().flagSet());
        m.put("row", r.result().key().label());
        m.put("fork", number);
        m.put("class", f.kind().text());
        m.put("steadyAfterSeconds", f.secondsToSteady().isPresent() ? f.secondsToSteady().getAsDouble() : null);
        m.put("steadyIteration", f.steadyIteration().isPresent() ? f.steadyIteration().getAsInt() : null);
        OptionalInt warm = SteadyState.warmIteration(f);
        m.put("warmIteration", warm.isPresent() ? warm.getAsInt() : null);
        m.put("unit", r.result().unit());
        m.put("levels", levels(f, r.stability().direction()));
        return m;
    }

    /** Each segment's iterations [from, to) and its median score, back from log time. */
    private static List<Map<String, Object>> levels(ForkSteadiness f, Direction d) {
        double sign = d == Direction.HIGHER_IS_BETTER ? -1 : 1;
        List<Map<String, Object>> out = new ArrayList<>();
        for (ForkSteadiness.Segment s : f.segments()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("from", s.start());
            m.put("to", s.end());
            m.put("level", Math.exp(sign * s.level()));
            out.add(m);
        }
        return out;
    }
}
