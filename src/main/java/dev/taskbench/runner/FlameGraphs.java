package dev.taskbench.runner;

import dev.taskbench.compare.Comparison;
import dev.taskbench.compare.Row;
import dev.taskbench.compare.Verdict;
import dev.taskbench.results.BenchmarkKey;
import dev.taskbench.results.ProfileEvent;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;

/**
 * A run's flame graphs, from unmeasured forks whose scores no verdict, pivot or history ever
 * reads ({@link ProfilePass}): with {@code -Dtaskbench.profilers}, a pass of its own after the
 * measured ones, on the first flag set; with {@code -Dtaskbench.profile.regressions}, both sides
 * of each SLOWER row of a run beside a baseline jar (their differential graphs are the
 * comparison's, written by {@link Publishing}).
 */
final class FlameGraphs {
    private final RunRequest request;
    private final CommandLineOptions user;
    private final Profiling profiling;
    private final RunPlan plan;
    private final RunSite site;
    private final RowForks rowForks;
    private final PrintStream out;

    FlameGraphs(RunSettings settings, CommandLineOptions user, RunPlan plan, RunSite site, PrintStream out) {
        this.request = settings.request();
        this.user = user;
        this.profiling = settings.profiling();
        this.plan = plan;
        this.site = site;
        this.rowForks = new RowForks(request, user, plan);
        this.out = out;
    }

    /**
     * {@code -Dtaskbench.profilers}: the measured passes again on flag set {@code p}, one profiled
     * fork each, into the staging folder; answers the metadata's {@code profiles}, null when not asked.
     */
    Map<String, Object> measuredPasses(Planned p) {
        if (!profiling.on()) {
            return null;
        }
        List<Options> passes = new ArrayList<>();
        for (PassPlan.Iterations it : plan.passes().passes().keySet()) {
            passes.add(JmhOptionsFactory.build(request, user, new JmhOptionsFactory.Pass(p.flagSet(), p.java(), 1,
                    plan.passes().excludesFor(it), it, null), plan.candidateForkArgs(site.forkProps())));
        }
        List<Path> rows = ProfilePass.run(profiling, passes, site.staging().resolve(ProfilePass.FOLDER), out);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("events", profiling.events().stream().map(Enum::name).toList());
        m.put("flagSet", p.flagSet().name());
        m.put("rows", rows.size());
        m.put("pass", "separate, one unmeasured fork per benchmark and event; not in any result");
        out.println("taskbench: " + rows.size() + " row(s) profiled: flame graphs in " + ProfilePass.FOLDER
                + "/<row>/<event>.html, linked from report.html");
        return m;
    }

    /**
     * {@code -Dtaskbench.profile.regressions}: each SLOWER row of {@code cmp} gets one unmeasured
     * profiled fork of the candidate (with its own fork options) and one of the baseline jar, into
     * the published run. Without a baseline jar the run holds one side only: nothing runs.
     */
    void slowerRows(Comparison cmp, List<Planned> ran, Path published, ProfileEvent event) {
        List<Row> slower = cmp.rows().stream().filter(r -> r.verdict() == Verdict.SLOWER).toList();
        if (plan.baseline() == null || slower.isEmpty()) {
            return;
        }
        Profiling one = new Profiling(List.of(event), profiling.cacheDir(), profiling.engine());
        out.println("taskbench: profiling both sides of " + slower.size() + " SLOWER row(s) for their "
                + "differential flame graphs, one unmeasured fork each");
        for (Planned p : ran) {
            List<BenchmarkKey> rows = slower.stream().filter(r -> r.flagSet().equals(p.flagSet().name()))
                    .map(Row::key).toList();
            for (List<BenchmarkKey> ofOneMethod : RowForks.byPass(rows, plan.passes())) {
                bothSides(p, ofOneMethod, one, published);
            }
        }
    }

    private void bothSides(Planned p, List<BenchmarkKey> rows, Profiling one, Path published) {
        JmhOptionsFactory.Pass pass = rowForks.pass(p, rows.get(0).benchmark(), rows.get(0).params(), null);
        Map<String, Set<String>> params = RowForks.paramProduct(rows);
        ProfilePass.run(one, List.of(rowForks.options(pass, plan.candidateForkArgs(site.forkProps()), params)),
                published.resolve(ProfilePass.FOLDER), out);
        Path json = published.resolve(BaselineJar.FOLDER).resolve(".profiled-" + p.flagSet().fileName() + ".json");
        ProfilePass.run(one, List.of(rowForks.options(pass, site.forkProps(), params)),
                published.resolve(BaselineJar.FOLDER).resolve(ProfilePass.FOLDER), out,
                o -> plan.baseline().runRound(o, request.profile(), p.forkJava(), plan.selected(), json));
        try {
            Files.deleteIfExists(json);
        } catch (IOException e) {
            // a profiled fork's score: never read, gone with the folder
        }
    }
}
