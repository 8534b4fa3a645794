package dev.taskbench.seed;

import dev.taskbench.ExitCodes;
import dev.taskbench.TaskbenchException;
import dev.taskbench.cli.ServeSettings;
import dev.taskbench.config.Command;
import dev.taskbench.config.Settings;
import dev.taskbench.db.ConnectionInfo;
import dev.taskbench.db.DatabaseHandoff;
import dev.taskbench.server.ServerConfig;
import dev.taskbench.server.TaskServer;
import dev.taskbench.server.ThreadingModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The servers of one {@link CpuRound} flag set, in a JVM of its own so that the flag set (the
 * interpreter, C2) is the servers' alone, not the load's: one {@link TaskServer} with
 * {@code platform-N} threading per worker count of {@code -Dtaskbench.seed.cpuWorkers}, with
 * {@code jmh:serve}'s other settings, on the database the hand-off file names (no provisioning, no
 * lock: the seed run holds both); their ports on one stdout line, stopped when stdin closes.
 */
public final class CpuServer {
    /** The line that gives the ports, in worker-count order, comma-separated. */
    static final String READY = "taskbench-cpu-server port ";

    private CpuServer() {
    }

    public static void main(String[] args) {
        Command.exit("the CPU round's server", args, CpuServer::serve);
    }

    static int serve(Settings s) throws Exception {
        Path handoff = s.path(DatabaseHandoff.PROPERTY, null, null);
        if (handoff == null) {
            throw new TaskbenchException("-D" + DatabaseHandoff.PROPERTY + " is needed: the seed run passes its database");
        }
        ConnectionInfo db = DatabaseHandoff.read(handoff);
        ServerConfig base = ServeSettings.server(s, 0);
        List<TaskServer> servers = new ArrayList<>();
        try {
            for (int w : CpuRound.Plan.workers(s)) {
                servers.add(TaskServer.start(db, base.withThreading(ThreadingModel.platform(w))));
            }
            System.out.println(READY + servers.stream().map(x -> String.valueOf(x.port()))
                    .collect(Collectors.joining(",")));
            System.out.flush();
            while (System.in.read() >= 0) {
                // until the seed run closes our stdin
            }
        } finally {
            servers.forEach(TaskServer::close);
        }
        return ExitCodes.OK;
    }
}
