package dev.taskbench.cli;

import dev.taskbench.ExitCodes;
import dev.taskbench.TaskbenchException;
import dev.taskbench.config.Command;
import dev.taskbench.results.ShardMerge;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * {@code scripts/merge-shards.sh SHARDS_DIR OUT_RUN_DIR}: merges the run folders of a run's shards into one run
 * folder ({@link ShardMerge}); a missing, corrupt or overlapping shard is a one-line error and nothing is written.
 * From the uber-jar: {@code java -cp target/benchmarks.jar dev.taskbench.cli.MergeShardsCommand SHARDS_DIR OUT}.
 */
public final class MergeShardsCommand {
    static final String USAGE = "usage: merge-shards.sh SHARDS_DIR OUT_RUN_DIR";

    private MergeShardsCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Merges {@code args[0]}'s shard folders into the new run folder {@code args[1]}; answers the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return Command.run("the merge", new String[0], System.getenv(), err, s -> {
            if (args.length != 2) {
                throw new TaskbenchException(USAGE);
            }
            ShardMerge.Merged m = ShardMerge.merge(Path.of(args[0]), Path.of(args[1]));
            out.println("merged " + m.shards() + " shard(s), " + m.rows() + " rows in " + m.files()
                    + " result file(s), into " + m.folder());
            return ExitCodes.OK;
        });
    }
}
