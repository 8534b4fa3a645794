package dev.taskbench.ceiling;

import dev.taskbench.write.Task;
import dev.taskbench.write.TaskSchema;
import dev.taskbench.write.WriteConnections;

import dev.taskbench.Processes;
import dev.taskbench.TaskbenchException;
import dev.taskbench.db.ConnectionInfo;
import dev.taskbench.db.JdbcUrls;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ceiling for a single-row insert: {@code pgbench -M prepared} running the same INSERT of
 * the seed's row into the same table, on the same server, database, schema and session
 * settings (durable commit), from {@code clients} connections, no client-side work at all.
 * Its work is verified like the benchmarks': the table holds exactly the transactions pgbench
 * reports. Needs {@code pgbench} on the PATH; {@link #find()} says whether it is.
 */
public final class PgbenchCeiling {
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final Pattern PROCESSED = Pattern.compile("number of transactions actually processed: (\\d+)");
    private static final Pattern URL = Pattern.compile("jdbc:postgresql://([^:/?]+)(?::(\\d+))?/([^?]+).*");

    private PgbenchCeiling() {
    }

    /** One pgbench measurement: transactions (= rows) per second. */
    public record Result(int clients, double tps, long transactions) {
    }

    /** pgbench on the PATH, if any. */
    public static Optional<Path> find() {
        return Processes.onPath("pgbench");
    }

    /** The INSERT pgbench runs: the seed's row, the same statement text the JDBC paths send. */
    static String script() {
        return "insert into " + TaskSchema.TABLE + " (title, description) values ('"
                + Task.SEED.title().replace("'", "''") + "', '" + Task.SEED.description().replace("'", "''") + "');\n";
    }

    /** Runs pgbench for {@code seconds} with {@code clients} connections on an empty table and verifies its rows. */
    public static Result measure(Path pgbench, ConnectionInfo info, int clients, int seconds)
            throws IOException, InterruptedException, SQLException {
        Matcher m = URL.matcher(info.url());
        if (!m.matches()) {
            throw new TaskbenchException("cannot derive pgbench's host, port and database from " + info.redactedUrl());
        }
        try (Connection c = info.connect()) {
            TaskSchema.ensure(c);
            TaskSchema.truncate(c);
        }
        Path script = Files.createTempFile("taskbench-ceiling-", ".sql");
        try {
            Files.writeString(script, script(), StandardCharsets.UTF_8);
            List<String> cmd = new ArrayList<>(List.of(pgbench.toString(), "-n", "-M", "prepared",
                    "-c", Integer.toString(clients), "-j", Integer.toString(Math.min(clients, 2)),
                    "-T", Integer.toString(seconds), "-f", script.toString(),
                    "-h", m.group(1), "-p", m.group(2) == null ? "5432" : m.group(2)));
            if (!info.user().isEmpty()) {
                cmd.add("-U");
                cmd.add(info.user());
            }
            cmd.add(m.group(3));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            Map<String, String> env = pb.environment();
            String schema = JdbcUrls.params(info.url()).getOrDefault("currentSchema", "public");
            env.put("PGOPTIONS", "-c search_path=" + schema + " -c synchronous_commit=on");
            env.put("PGSSLMODE", JdbcUrls.params(info.url()).getOrDefault("sslmode", "disable"));
            env.put("PGAPPNAME", WriteConnections.APPLICATION_NAME + "-pgbench");
            if (!info.password().isEmpty()) {
                env.put("PGPASSWORD", info.password());
            }
            Processes.Outcome o = Processes.run(pb, Duration.ofSeconds(seconds + 60L));
            String out = o.stdout();
            if (!o.ok()) {
                throw new TaskbenchException("pgbench failed: " + (o.timedOut() ? "no end within "
                        + (seconds + 60) + " s " : "") + out.strip());
            }
            Matcher tps = TPS.matcher(out);
            Matcher done = PROCESSED.matcher(out);
            if (!tps.find() || !done.find()) {
                throw new TaskbenchException("cannot read pgbench's output: " + out.strip());
            }
            long transactions = Long.parseLong(done.group(1));
            try (Connection c = info.connect()) {
                TaskSchema.RowsAndTransactions t = TaskSchema.count(c);
                if (t.rows() != transactions || t.transactions() != transactions) {
                    throw new TaskbenchException("pgbench reported " + transactions + " transactions, the table holds "
                            + t.rows() + " rows from " + t.transactions() + " transactions");
                }
                TaskSchema.truncate(c);
            }
            return new Result(clients, Double.parseDouble(tps.group(1)), transactions);
        } finally {
            Files.deleteIfExists(script);
        }
    }
}
