package dev.taskbench.runner;

import dev.taskbench.TaskbenchException;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.VerboseMode;

/** Which benchmarks a run selects: JMH's own include and exclude patterns over the jar's benchmark list. */
final class Selection {
    private Selection() {
    }

    /** The user's JMH include patterns, and {@code -Djmh.include} when given (null: none). */
    static List<String> includes(CommandLineOptions user, String include) {
        List<String> includes = new ArrayList<>(user.getIncludes());
        if (include != null) {
            includes.add(include);
        }
        return includes;
    }

    /** The benchmarks JMH would run for these include/exclude patterns; none is a one-line error naming the classes. */
    static List<BenchmarkListEntry> of(List<String> includes, List<String> excludes) {
        BenchmarkList list = BenchmarkList.defaultList();
        SortedSet<BenchmarkListEntry> found = list.find(
                OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT),
                includes.isEmpty() ? List.of(".*") : includes, excludes);
        if (found.isEmpty()) {
            SortedSet<String> all = new TreeSet<>();
            list.getAll(OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT), List.of())
                    .forEach(e -> all.add(simpleName(e.getUserClassQName())));
            throw new TaskbenchException("no benchmark matches " + includes + "; known benchmark classes: " + all);
        }
        return List.copyOf(found);
    }

    private static String simpleName(String qName) {
        return qName.substring(qName.lastIndexOf('.') + 1);
    }
}
