package dev.taskbench.results;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taskbench.TaskbenchException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads one JMH JSON result file ({@code -rf json}) into {@link BenchmarkResult}s. Anything
 * that is not a complete JMH result (empty, truncated, not JSON, some other JSON) is a
 * {@link TaskbenchException} that names the file and says what is wrong.
 */
public final class JmhJsonReader {
    /**
     * Secondary metric names of the gc profiler's bytes per operation. JMH 1.37 writes the
     * plain name (checked on a real file); releases before 1.36 prefixed profiler metrics
     * with a middle dot (U+00B7).
     */
    static final List<String> ALLOC_NORM_KEYS = List.of("gc.alloc.rate.norm", "\u00b7gc.alloc.rate.norm");

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JmhJsonReader() {
    }

    public static List<BenchmarkResult> read(Path file, String flagSet) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new TaskbenchException("cannot read " + file + ": no such file");
        } catch (IOException e) {
            throw new TaskbenchException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            throw new TaskbenchException(file + " is empty: not a JMH result (was the run interrupted?)");
        }
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new TaskbenchException(file + " is truncated or not valid JSON (" + describe(e) + ")", e);
        } catch (IOException e) {
            throw new TaskbenchException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return parse(file, flagSet, root);
    }

    static List<BenchmarkResult> parse(Path file, String flagSet, JsonNode root) {
        if (root == null || !root.isArray()) {
            throw foreign(file, "expected a JSON array of benchmark results, found "
                    + (root == null ? "nothing" : kind(root)));
        }
        if (root.isEmpty()) {
            throw new TaskbenchException(file + " holds no benchmark results (an empty JMH run?)");
        }
        List<BenchmarkResult> out = new ArrayList<>();
        Set<BenchmarkKey> seen = new HashSet<>();
        int index = 0;
        for (JsonNode entry : root) {
            index++;
            BenchmarkResult r = entry(file, flagSet, entry, index);
            if (!seen.add(r.key())) {
                throw new TaskbenchException(file + " lists " + r.key().label() + " twice");
            }
            out.add(r);
        }
        return List.copyOf(out);
    }

    private static BenchmarkResult entry(Path file, String flagSet, JsonNode e, int index) {
        String where = "entry " + index;
        if (!e.isObject()) {
            throw foreign(file, where + " is " + kind(e) + ", not a benchmark result object");
        }
        String benchmark = text(file, e, "benchmark", where);
        String mode = text(file, e, "mode", where);
        JsonNode threads = e.get("threads");
        if (threads == null || !threads.canConvertToInt()) {
            throw foreign(file, where + " (" + benchmark + ") has no integer \"threads\"");
        }
        Map<String, String> params = new TreeMap<>();
        JsonNode p = e.get("params");
        if (p != null && p.isObject()) {
            for (Map.Entry<String, JsonNode> f : p.properties()) {
                params.put(f.getKey(), f.getValue().asText());
            }
        }
        JsonNode primary = e.get("primaryMetric");
        if (primary == null || !primary.isObject()) {
            throw foreign(file, where + " (" + benchmark + ") has no \"primaryMetric\"");
        }
        String unit = text(file, primary, "scoreUnit", where + " primaryMetric");
        List<List<Double>> iterations = iterationScores(file, primary, where + " (" + benchmark + ") primaryMetric");
        List<Double> forks = means(iterations);
        Optional<List<Double>> alloc = Optional.empty();
        Map<String, Double> scores = new TreeMap<>();
        JsonNode secondary = e.get("secondaryMetrics");
        if (secondary != null && secondary.isObject()) {
            for (Map.Entry<String, JsonNode> m : secondary.properties()) {
                JsonNode s = m.getValue().get("score");
                if (s != null && s.isNumber() && Double.isFinite(s.asDouble())) {
                    scores.put(m.getKey(), s.asDouble());
                }
            }
            for (String name : ALLOC_NORM_KEYS) {
                JsonNode m = secondary.get(name);
                if (m != null) {
                    alloc = Optional.of(means(iterationScores(file, m, where + " (" + benchmark + ") " + name)));
                    break;
                }
            }
        }
        JsonNode score = primary.get("score");
        double jmhScore = score != null && score.isNumber() ? score.asDouble() : Double.NaN;
        JsonNode error = primary.get("scoreError");
        double jmhError = error != null && error.isNumber() ? error.asDouble() : Double.NaN;
        return new BenchmarkResult(BenchmarkKey.of(benchmark, params, mode, threads.asInt()), flagSet, unit,
                forks, alloc, jmhScore, jmhError, iterations, scores);
    }

    private static List<Double> means(List<List<Double>> forks) {
        return forks.stream().map(f -> f.stream().mapToDouble(Double::doubleValue).average().orElseThrow()).toList();
    }

    /**
     * {@code rawData} is one list per fork of that fork's iteration scores; a fork's score is their
     * mean. Sample-time mode writes {@code rawDataHistogram} instead: per fork, per iteration, a list
     * of {@code [value, count]} pairs; an iteration's score is then the count-weighted mean of its
     * samples (JMH's own score for that mode) and the fork's score again the mean of its iterations.
     */
    private static List<List<Double>> iterationScores(Path file, JsonNode metric, String where) {
        JsonNode raw = metric.get("rawData");
        JsonNode histogram = metric.get("rawDataHistogram");
        boolean sampled = (raw == null || raw.isNull()) && histogram != null;
        JsonNode forksNode = sampled ? histogram : raw;
        if (forksNode == null || !forksNode.isArray() || forksNode.isEmpty()) {
            throw foreign(file, where + " has no \"rawData\" (per-fork scores)");
        }
        String field = sampled ? "rawDataHistogram" : "rawData";
        List<List<Double>> forks = new ArrayList<>();
        int fork = 0;
        for (JsonNode iterations : forksNode) {
            fork++;
            if (!iterations.isArray() || iterations.isEmpty()) {
                throw foreign(file, where + " " + field + " fork " + fork + " is not a list of iterations");
            }
            List<Double> scores = new ArrayList<>();
            for (JsonNode v : iterations) {
                scores.add(sampled ? histogramMean(file, v, where + " " + field + " fork " + fork)
                        : number(file, v, where + " " + field + " fork " + fork));
            }
            forks.add(scores);
        }
        return forks;
    }

    private static double histogramMean(Path file, JsonNode iteration, String where) {
        double weighted = 0;
        double count = 0;
        if (iteration.isArray()) {
            for (JsonNode pair : iteration) {
                if (!pair.isArray() || pair.size() != 2) {
                    throw foreign(file, where + " holds " + pair + ", not a [value, count] pair");
                }
                double c = number(file, pair.get(1), where);
                weighted += number(file, pair.get(0), where) * c;
                count += c;
            }
        }
        if (count <= 0) {
            throw foreign(file, where + " has an iteration without samples");
        }
        return weighted / count;
    }

    private static double number(Path file, JsonNode v, String where) {
        if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
            throw foreign(file, where + " holds " + v + ", not a number");
        }
        return v.asDouble();
    }

    private static String text(Path file, JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw foreign(file, where + " has no \"" + field + "\"");
        }
        return v.asText();
    }

    private static TaskbenchException foreign(Path file, String what) {
        return new TaskbenchException(file + " is not a JMH JSON result: " + what);
    }

    private static String kind(JsonNode n) {
        return n.isObject() ? "an object" : n.isArray() ? "an array" : n.isTextual() ? "a string"
                : n.isNumber() ? "a number" : n.isNull() ? "null" : n.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String describe(JsonProcessingException e) {
        String msg = e.getOriginalMessage();
        int nl = msg == null ? -1 : msg.indexOf('\n');
        String first = msg == null ? e.getClass().getSimpleName() : nl >= 0 ? msg.substring(0, nl) : msg;
        JsonLocation at = e.getLocation();
        return at == null ? first : first + " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    }
}
