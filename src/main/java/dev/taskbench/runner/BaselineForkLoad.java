package dev.taskbench.runner;

import dev.taskbench.results.BenchmarkKey;
import dev.taskbench.stability.Disturbance;
import dev.taskbench.stability.NeighbourCpu;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Mode;

/**
 * What the rest of the machine did beside each fork of the baseline jar, watched from the runner's
 * side through the lines the baseline's own JMH prints: a window opens at its {@code # Fork:} line
 * (JMH starts the fork just after it) and closes at the next line JMH prints once the fork has been
 * reaped, each fork filed under the row its {@code # Benchmark:} header named. So it works with any
 * baseline build, old ones without {@link ForkLoad} among them; the baseline's process tree is the
 * runner's child, so its forks count as the benchmark's own.
 */
final class BaselineForkLoad {
    private static final Pattern BENCHMARK = Pattern.compile("^# Benchmark: (\\S+)");
    private static final Pattern MODE = Pattern.compile("^# Benchmark mode: (.+)$");
    private static final Pattern THREADS = Pattern.compile("^# Threads: (\\d+)");
    private static final Pattern PARAMETERS = Pattern.compile("^# Parameters: \\((.*)\\)\\s*$");
    private static final Pattern PARAMETER = Pattern.compile("^\\s*([^=]+?) = (.*?)\\s*$");
    private static final String FORK = "# Fork: ";
    /** Lines JMH prints only once the fork it ran has ended: its result, the next row's header or fork, the run's end. */
    private static final List<String> AFTER_FORK = List.of("Result \"", FORK, "# Run progress:", "# JMH version:",
            "# Run complete.");

    /** One baseline fork: its row, what was measured beside it and its wall time. */
    record Watched(BenchmarkKey key, Disturbance load, double seconds) {
    }

    /** Opens a window over the machine; the supplier it answers closes it. */
    interface Meter {
        Supplier<Disturbance> start();
    }

    private final Meter meter;
    private final LongSupplier nanos;
    private final List<Watched> forks = new ArrayList<>();
    private String benchmark;
    private String mode;
    private int threads = 1;
    private Map<String, String> params = Map.of();
    private Supplier<Disturbance> open;
    private BenchmarkKey openKey;
    private long openedAt;

    BaselineForkLoad(Meter meter, LongSupplier nanos) {
        this.meter = meter;
        this.nanos = nanos;
    }

    /** Windows on this machine's /proc, the run's own trees ({@link ForkLoad#roots}) watched as the benchmark's. */
    static BaselineForkLoad onThisMachine() {
        NeighbourCpu machine = NeighbourCpu.system();
        return new BaselineForkLoad(() -> machine.start(ForkLoad.roots())::stop, System::nanoTime);
    }

    /** Reads one line the baseline's JMH printed. */
    synchronized void line(String line) {
        if (open != null && AFTER_FORK.stream().anyMatch(line::startsWith)) {
            close();
        }
        header(line);
        if (line.startsWith(FORK) && benchmark != null) {
            openKey = BenchmarkKey.of(benchmark, params, mode, threads);
            openedAt = nanos.getAsLong();
            open = meter.start();
        }
    }

    private void header(String line) {
        Matcher m = BENCHMARK.matcher(line);
        if (m.find()) {
            benchmark = m.group(1);
            params = Map.of();
            return;
        }
        if ((m = MODE.matcher(line)).find()) {
            mode = shortLabel(m.group(1).trim());
        } else if ((m = THREADS.matcher(line)).find()) {
            threads = Integer.parseInt(m.group(1));
        } else if ((m = PARAMETERS.matcher(line)).find()) {
            params = params(m.group(1));
        }
    }

    /** "body = seed, size = 10" as JMH prints a row's parameters. */
    private static Map<String, String> params(String list) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String part : list.split(", ")) {
            Matcher p = PARAMETER.matcher(part);
            if (p.find()) {
                out.put(p.group(1), p.group(2));
            }
        }
        return out;
    }

    /** JMH prints a mode by its long label ("Average time, time/op"); rows are keyed by the short one ("avgt"). */
    private static String shortLabel(String printed) {
        for (Mode m : Mode.values()) {
            if (printed.equals(m.longLabel()) || printed.startsWith(m.longLabel() + ",")) {
                return m.shortLabel();
            }
        }
        return printed;
    }

    private void close() {
        forks.add(new Watched(openKey, open.get(), (nanos.getAsLong() - openedAt) / 1e9));
        open = null;
    }

    /** The forks watched, in the order they ran; a fork still open (the process ended or was stopped) is closed now. */
    synchronized List<Watched> finish() {
        if (open != null) {
            close();
        }
        return List.copyOf(forks);
    }
}
