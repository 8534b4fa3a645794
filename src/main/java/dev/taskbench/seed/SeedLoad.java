package dev.taskbench.seed;

import dev.taskbench.TaskbenchException;
import dev.taskbench.db.ConnectionInfo;
import dev.taskbench.load.ClosedLoop;
import dev.taskbench.load.Poster;
import dev.taskbench.load.Posters;
import dev.taskbench.load.SeedForms;
import dev.taskbench.load.Timing;
import dev.taskbench.loop.CounterLoop;
import dev.taskbench.server.Service;
import dev.taskbench.write.Task;
import dev.taskbench.write.TaskSchema;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** The seed's load shapes on the server (the write round, the CPU round) and the checks on what they wrote. */
final class SeedLoad {
    /** The seed's form, as its client posts it. */
    static final byte[] BODY = Task.SEED_BODY.getBytes(StandardCharsets.US_ASCII);
    /** Rows from each end of a round whose titles and descriptions are checked against what was posted. */
    static final int SAMPLE = 3;

    private SeedLoad() {
    }

    /** {@code users} x {@code perUser} form POSTs of the seed's random forms, each title tagged with {@code marker}. */
    static ClosedLoop.Result writes(Service server, SeedSettings o, String marker, int perUser) throws Exception {
        return writes(server, o.client(), o.users(), marker, perUser);
    }

    /** The same with {@code users} users of {@code client}. */
    static ClosedLoop.Result writes(Service server, Poster.Kind client, int users, String marker, int perUser)
            throws Exception {
        return writes(server.uri(), client, users, marker, perUser);
    }

    /** The same against any address that serves the routes (the server itself, or nginx in front of it). */
    static ClosedLoop.Result writes(URI target, Poster.Kind client, int users, String marker, int perUser)
            throws Exception {
        return writes(target, client, users, marker, perUser, Duration.ZERO);
    }

    /**
     * The same, no write started once {@code limit} has passed (zero: none): the first
     * {@code users x perUser} writes or the first {@code limit}, whichever comes first.
     */
    static ClosedLoop.Result writes(URI target, Poster.Kind client, int users, String marker, int perUser,
            Duration limit) throws Exception {
        Queue<Poster> opened = new ConcurrentLinkedQueue<>();
        try {
            return ClosedLoop.run(Timing.SYSTEM, users, perUser, limit.toNanos(), user -> {
                Poster p = Posters.open(client, target);
                opened.add(p);
                return (u, i) -> {
                    Poster.Reply r = p.post("/api/tasks", SeedForms.form(marker, u, i).body());
                    if (r.status() != 201 || r.number("id") <= 0) {
                        throw new TaskbenchException("a write was answered " + r.status() + " " + r.body());
                    }
                    if (i == perUser - 1) {
                        p.close();
                    }
                };
            });
        } finally {
            for (Poster p : opened) { // those the clock stopped; closing a closed one does nothing
                try {
                    p.close();
                } catch (IOException e) {
                    // a connection the server dropped already
                }
            }
        }
    }

    /** {@code users} x {@code perUser} POSTs of the seed's form to a CPU route, each answer checked. */
    static ClosedLoop.Result cpu(Service server, SeedSettings o, String path, int perUser) throws Exception {
        return cpu(server.uri(), o.client(), o.users(), path, perUser);
    }

    /** The CPU round against any server, this JVM's or another's. */
    static ClosedLoop.Result cpu(URI server, Poster.Kind client, int users, String path, int perUser) throws Exception {
        return ClosedLoop.run(users, perUser, user -> {
            Poster p = Posters.open(client, server);
            return (u, i) -> {
                Poster.Reply r = p.post(path, BODY);
                if (r.status() != 200 || r.number("counter") != CounterLoop.EXPECTED) {
                    throw new TaskbenchException("the CPU round was answered " + r.status() + " " + r.body());
                }
                if (i == perUser - 1) {
                    p.close();
                }
            };
        });
    }

    /** Rows whose title carries {@code marker}'s tag (as {@link #writes} wrote it). */
    static long rowsMarked(ConnectionInfo info, String marker) throws SQLException {
        try (Connection c = info.connect();
             PreparedStatement ps = c.prepareStatement("select count(*) from task where strpos(title, ?) > 0")) {
            ps.setString(1, " " + marker + "-");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * The first and last {@link #SAMPLE} rows under {@code marker}, each checked against the form
     * its tag says was posted: why one differs, in one line, or null when all hold what was sent.
     */
    static String sampleMismatch(ConnectionInfo info, String marker) throws SQLException {
        String rows = "select id, title, description from task where strpos(title, ?) > 0 order by id ";
        try (Connection c = info.connect();
             PreparedStatement ps = c.prepareStatement("(" + rows + "limit " + SAMPLE + ") union all (" + rows
                     + "desc limit " + SAMPLE + ")")) {
            ps.setString(1, " " + marker + "-");
            ps.setString(2, " " + marker + "-");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    SeedForms.Form sent = SeedForms.posted(marker, rs.getString(2));
                    if (sent == null || !sent.description().equals(rs.getString(3))) {
                        return "row " + rs.getLong(1) + " holds title '" + rs.getString(2) + "' and description '"
                                + rs.getString(3) + "', not a form that was posted";
                    }
                }
            }
        }
        return null;
    }

    /**
     * The rows {@code r}'s writes left under {@code marker}, which must be one per write answered 201;
     * otherwise one line naming {@code what}.
     */
    static long requireRowsMarked(ConnectionInfo info, String marker, ClosedLoop.Result r, String what)
            throws SQLException {
        long found = rowsMarked(info, marker);
        if (found != r.operations()) {
            throw new TaskbenchException(what + ": " + r.operations() + " writes answered 201 but " + found
                    + " rows carry its marker");
        }
        String wrong = sampleMismatch(info, marker);
        if (wrong != null) {
            throw new TaskbenchException(what + ": " + wrong);
        }
        return found;
    }

    /** Empties the table (the warmup's rows) and renews the writer, whose ids may be cached past a restart. */
    static void emptyTable(ConnectionInfo info, Service server) throws SQLException {
        try (Connection c = info.connect()) {
            TaskSchema.truncate(c);
        }
        server.reopenWriter();
    }
}
