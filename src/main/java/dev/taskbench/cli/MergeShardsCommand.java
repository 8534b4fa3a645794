package dev.taskbench.cli;

import dev.taskbench.ExitCodes;
import dev.taskbench.TaskbenchException;
import dev.taskbench.compare.Criteria;
import dev.taskbench.config.Command;
import dev.taskbench.report.RunReportFiles;
import dev.taskbench.results.RunResults;
import dev.taskbench.results.ShardMerge;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * {@code scripts/merge-shards.sh SHARDS_DIR OUT_RUN_DIR}: merges the run folders of a run's shards into one run
 * folder ({@link ShardMerge}), then writes the merged run's report into it as a whole run's ({@link RunReportFiles}),
 * since a finding's two rows may have run in different shards. A missing, corrupt or overlapping shard is a one-line
 * error and nothing is written; a report that fails is a one-line error with the merged folder kept.
 * From the uber-jar: {@code java -cp target/benchmarks.jar dev.taskbench.cli.MergeShardsCommand SHARDS_DIR OUT}.
 */
public final class MergeShardsCommand {
    static final String USAGE = "usage: merge-shards.sh SHARDS_DIR OUT_RUN_DIR";

    private MergeShardsCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Merges {@code args[0]}'s shard folders into the new run folder {@code args[1]}, with its report; answers the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return Command.run("the merge", new String[0], System.getenv(), err, s -> {
            if (args.length != 2) {
                throw new TaskbenchException(USAGE);
            }
            ShardMerge.Merged m = ShardMerge.merge(Path.of(args[0]), Path.of(args[1]));
            out.println("merged " + m.shards() + " shard(s), " + m.rows() + " rows in " + m.files()
                    + " result file(s), into " + m.folder());
            return report(m, out, err);
        });
    }

    /**
     * The merged run's report, its drift from the runs beside it (the merged run and its shards left out); a failure
     * is one line, the merged folder kept.
     */
    private static int report(ShardMerge.Merged m, PrintStream out, PrintStream err) {
        try {
            Path root = m.folder().toAbsolutePath().getParent();
            RunReportFiles.write(RunResults.read(m.folder()), Criteria.defaults(), root, m.runIds(), err);
        } catch (RuntimeException e) {
            err.println("taskbench: merged into " + m.folder() + ", but its report was not written: "
                    + Command.oneLine(e));
            return ExitCodes.FAILED;
        }
        out.println(RunReportFiles.where(m.folder()));
        return ExitCodes.OK;
    }
}
