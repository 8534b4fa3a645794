package dev.taskbench.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.taskbench.Processes;
import dev.taskbench.TaskbenchException;
import dev.taskbench.config.SettingsCatalogue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The baseline build's uber-jar ({@code -Dtaskbench.baseline.jar=…}), run through JMH's own CLI
 * one fork at a time between the candidate's forks (A B A B), with the candidate's options, so
 * that both builds meet the same machine. Its rounds are joined into one JMH JSON per flag set.
 */
final class BaselineJar {
    static final String PROPERTY = SettingsCatalogue.BASELINE_JAR.key();
    static final String FOLDER = "baseline";
    /** Seconds each row (benchmark, params, mode) of a baseline round may take beyond its iterations. */
    static final String ALLOWANCE = SettingsCatalogue.BASELINE_ALLOWANCE.key();
    /** JVM start, setup and teardown of one fork, generously: a write benchmark's fork boots Hibernate. */
    static final int DEFAULT_ALLOWANCE_SECONDS = 120;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path jar;
    private final Duration allowance;

    BaselineJar(Path jar, Duration allowance) {
        if (!Files.isRegularFile(jar)) {
            throw new TaskbenchException("-D" + PROPERTY + "=" + jar + " is not a file (build the baseline with "
                    + "mvn package and point at its target/benchmarks.jar)");
        }
        this.jar = jar;
        this.allowance = allowance;
    }

    /**
     * Runs one fork of every matching benchmark with the candidate's effective options; returns the
     * JSON file. Stopped, with its whole process tree, past {@link #timeLimit}.
     */
    Path runRound(Options o, Profile profile, Path java, List<BenchmarkListEntry> selected, Path out) {
        return runRound(o, profile, java, selected, out, line -> { });
    }

    /** The same, each line the baseline's JMH prints given to {@code lines} as well as to the console. */
    Path runRound(Options o, Profile profile, Path java, List<BenchmarkListEntry> selected, Path out,
            Consumer<String> lines) {
        Collection<String> paramNames = paramNames(selected);
        List<String> cmd = new ArrayList<>(List.of(java.toString()));
        if (Boolean.getBoolean("jmh.ignoreLock")) {
            cmd.add("-Djmh.ignoreLock=true");
        }
        // a baseline whose main is taskbench's plans beneath these options: same profile, no ceiling of its own
        cmd.addAll(List.of("-D" + RunRequest.PROFILE + "=" + profile.id(), "-D" + CeilingPlan.PROPERTY + "=off"));
        cmd.addAll(List.of("-jar", jar.toString()));
        cmd.addAll(cliArgs(o, paramNames));
        cmd.addAll(List.of("-rf", "json", "-rff", out.toString()));
        try {
            Duration limit = timeLimit(o, selected, allowance);
            Process p = new ProcessBuilder(cmd).redirectInput(Redirect.INHERIT).redirectError(Redirect.INHERIT).start();
            Thread echo = echo(p.getInputStream(), lines);
            boolean ended = p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
            if (!ended) {
                Processes.end(Processes.tree(p.toHandle()), Processes.GRACE);
            }
            echo.join(ECHO_DRAIN.toMillis());
            if (!ended) {
                throw new TaskbenchException("the baseline jar " + jar + " did not finish within " + limit.toSeconds()
                        + " s (its iterations plus " + allowance.toSeconds() + " s a row; -D" + ALLOWANCE
                        + " raises it) and was stopped");
            }
            int exit = p.exitValue();
            if (exit != 0 || !Files.isRegularFile(out)) {
                throw new TaskbenchException("the baseline jar " + jar + " failed (exit code " + exit + "); see above");
            }
            return out;
        } catch (IOException e) {
            throw new TaskbenchException("cannot run the baseline jar " + jar + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TaskbenchException("interrupted while the baseline jar ran", e);
        }
    }

    /** How long the console copy may take to drain once the baseline's process has ended. */
    private static final Duration ECHO_DRAIN = Duration.ofSeconds(5);

    /** Copies the baseline's output to this console as it comes, and hands each whole line to {@code lines}. */
    private static Thread echo(InputStream from, Consumer<String> lines) {
        Thread t = new Thread(() -> {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try (from) {
                for (int n = from.read(buffer); n >= 0; n = from.read(buffer)) {
                    System.out.write(buffer, 0, n);
                    System.out.flush();
                    for (int i = 0; i < n; i++) {
                        if (buffer[i] == '\n') {
                            lines.accept(line.toString(StandardCharsets.UTF_8).stripTrailing());
                            line.reset();
                        } else {
                            line.write(buffer[i]);
                        }
                    }
                }
            } catch (IOException e) {
                // the process was stopped: what was read is all there is
            }
        }, "taskbench-baseline-output");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /**
     * How long one fork of everything these options select may take: per row (benchmark, its
     * parameter combinations, mode) its warmup and measurement iterations, plus the allowance.
     */
    static Duration timeLimit(Options o, List<BenchmarkListEntry> selected, Duration allowance) {
        Duration total = Duration.ZERO;
        for (BenchmarkListEntry e : selected) {
            if (!selects(o, e.getUsername())) {
                continue;
            }
            long rows = Math.max(1, o.getBenchModes().size());
            if (e.getParams().hasValue()) {
                for (Map.Entry<String, String[]> p : e.getParams().get().entrySet()) {
                    rows *= Math.max(1, o.getParameter(p.getKey()).hasValue() ? o.getParameter(p.getKey()).get().size()
                            : p.getValue().length);
                }
            }
            Duration iterations = time(o.getWarmupIterations().orElse(e.getWarmupIterations().orElse(JMH_ITERATIONS)),
                    o.getWarmupTime().orElse(e.getWarmupTime().orElse(JMH_TIME)))
                    .plus(time(o.getMeasurementIterations().orElse(e.getMeasurementIterations().orElse(JMH_ITERATIONS)),
                            o.getMeasurementTime().orElse(e.getMeasurementTime().orElse(JMH_TIME))));
            total = total.plus(iterations.plus(allowance).multipliedBy(rows));
        }
        return total.isZero() ? allowance : total;
    }

    /** JMH's own defaults, where neither the options nor the class say. */
    private static final int JMH_ITERATIONS = 5;
    private static final TimeValue JMH_TIME = TimeValue.seconds(10);

    private static Duration time(int iterations, TimeValue each) {
        return Duration.ofNanos(each.convertTo(TimeUnit.NANOSECONDS)).multipliedBy(iterations);
    }

    /** JMH's own rule: an include pattern found in the name, no exclude pattern found in it. */
    private static boolean selects(Options o, String name) {
        List<String> includes = o.getIncludes().isEmpty() ? List.of(".*") : o.getIncludes();
        return includes.stream().anyMatch(i -> Pattern.compile(i).matcher(name).find())
                && o.getExcludes().stream().noneMatch(x -> Pattern.compile(x).matcher(name).find());
    }

    private static List<String> paramNames(List<BenchmarkListEntry> selected) {
        TreeSet<String> names = new TreeSet<>();
        for (BenchmarkListEntry e : selected) {
            if (e.getParams().hasValue()) {
                names.addAll(e.getParams().get().keySet());
            }
        }
        return List.copyOf(names);
    }

    /** JMH CLI arguments equivalent to the options, for one fork. */
    static List<String> cliArgs(Options o, Collection<String> paramNames) {
        List<String> a = new ArrayList<>(o.getIncludes());
        o.getExcludes().forEach(e -> a.addAll(List.of("-e", e)));
        a.addAll(List.of("-f", "1", "-foe", "true"));
        add(a, "-wi", o.getWarmupIterations(), String::valueOf);
        add(a, "-w", o.getWarmupTime(), BaselineJar::millis);
        add(a, "-i", o.getMeasurementIterations(), String::valueOf);
        add(a, "-r", o.getMeasurementTime(), BaselineJar::millis);
        add(a, "-t", o.getThreads(), String::valueOf);
        add(a, "-tu", o.getTimeUnit(), BaselineJar::unit);
        if (!o.getBenchModes().isEmpty()) {
            a.addAll(List.of("-bm", String.join(",", o.getBenchModes().stream().map(Mode::shortLabel).toList())));
        }
        o.getProfilers().forEach(p -> a.addAll(List.of("-prof",
                p.getOpts() == null || p.getOpts().isEmpty() ? p.getKlass() : p.getKlass() + ":" + p.getOpts())));
        add(a, "-jvmArgs", o.getJvmArgs(), v -> String.join(" ", v));
        add(a, "-jvmArgsAppend", o.getJvmArgsAppend(), v -> String.join(" ", v));
        for (String name : paramNames) {
            add(a, "-p", o.getParameter(name), v -> name + "=" + String.join(",", v));
        }
        return a;
    }

    private static <T> void add(List<String> args, String flag, org.openjdk.jmh.util.Optional<T> value,
            java.util.function.Function<T, String> format) {
        if (value.hasValue()) {
            args.add(flag);
            args.add(format.apply(value.get()));
        }
    }

    private static String millis(TimeValue v) {
        return v.convertTo(TimeUnit.MILLISECONDS) + "ms";
    }

    private static String unit(TimeUnit u) {
        switch (u) {
            case NANOSECONDS:
                return "ns";
            case MICROSECONDS:
                return "us";
            case MILLISECONDS:
                return "ms";
            case SECONDS:
                return "s";
            case MINUTES:
                return "m";
            default:
                return "s";
        }
    }

    /**
     * Joins one-fork results of several rounds: per benchmark (name, mode, threads, params) the
     * forks' raw data are concatenated; the score becomes the mean over forks and JMH's pooled
     * error is dropped (the comparison uses the forks, never that error).
     */
    static void mergeRounds(List<Path> rounds, Path out) {
        Map<String, ObjectNode> byKey = new LinkedHashMap<>();
        for (Path round : rounds) {
            JsonNode root;
            try {
                root = JSON.readTree(round.toFile());
            } catch (IOException e) {
                throw new TaskbenchException("cannot read the baseline round " + round + ": " + e.getMessage(), e);
            }
            for (JsonNode entry : root) {
                String key = entry.path("benchmark").asText() + "|" + entry.path("mode").asText() + "|"
                        + entry.path("threads").asText() + "|" + entry.path("params").toString();
                ObjectNode seen = byKey.get(key);
                if (seen == null) {
                    byKey.put(key, ((ObjectNode) entry).deepCopy());
                } else {
                    appendForks((ObjectNode) seen.get("primaryMetric"), entry.path("primaryMetric"));
                    JsonNode sec = entry.path("secondaryMetrics");
                    sec.fieldNames().forEachRemaining(n -> {
                        if (seen.path("secondaryMetrics").has(n)) {
                            appendForks((ObjectNode) seen.get("secondaryMetrics").get(n), sec.get(n));
                        }
                    });
                    seen.put("forks", seen.path("forks").asInt() + entry.path("forks").asInt());
                }
            }
        }
        ArrayNode merged = JSON.createArrayNode();
        for (ObjectNode e : byKey.values()) {
            rescore((ObjectNode) e.get("primaryMetric"));
            e.path("secondaryMetrics").forEach(m -> rescore((ObjectNode) m));
            merged.add(e);
        }
        try {
            Files.createDirectories(out.getParent());
            JSON.writeValue(out.toFile(), merged);
        } catch (IOException e) {
            throw new TaskbenchException("cannot write " + out + ": " + e.getMessage(), e);
        }
    }

    private static void appendForks(ObjectNode into, JsonNode from) {
        for (String field : List.of("rawData", "rawDataHistogram")) {
            if (into.get(field) instanceof ArrayNode target && from.get(field) != null) {
                from.get(field).forEach(target::add);
            }
        }
    }

    private static void rescore(ObjectNode metric) {
        JsonNode raw = metric.get("rawData");
        if (raw == null || !raw.isArray() || raw.isEmpty()) {
            return;
        }
        double sum = 0;
        int n = 0;
        for (JsonNode fork : raw) {
            double f = 0;
            for (JsonNode it : fork) {
                f += it.asDouble();
            }
            sum += fork.isEmpty() ? 0 : f / fork.size();
            n++;
        }
        metric.put("score", sum / n);
        metric.put("scoreError", "NaN");
    }
}
