package dev.taskbench.runner;

import dev.taskbench.Processes;
import dev.taskbench.db.ConnectionInfo;
import dev.taskbench.db.JdbcUrls;
import dev.taskbench.db.ProvisionedDatabase;
import dev.taskbench.results.RowTestbeds;
import dev.taskbench.results.Testbed;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * What a reader needs to trust or reproduce a run: commit, JDK and flags, machine, server
 * settings that change write speed, library versions, profile, database source. Never a
 * password.
 */
public final class RunMetadata {
    /** Server settings that change the cost of a durable write or of a connection. */
    static final List<String> SERVER_SETTINGS = List.of("server_version", "synchronous_commit", "fsync",
            "wal_sync_method", "shared_buffers", "max_connections", "password_encryption", "ssl");

    /** A {@code -D} key whose value is a secret. */
    private static final Pattern SECRET_KEY = Pattern.compile("(?i)passw|secret|token|credential|api.?key");

    private RunMetadata() {
    }

    /**
     * The metadata of a run starting now. A round trip injected by a delaying proxy is part of the
     * database section and of the testbed, so runs at different latencies are never compared as one
     * testbed. {@code databaseBenchmarks} (the selected benchmarks that drive PostgreSQL) goes in the
     * testbed section: only their rows are keyed on the database's facts.
     */
    public static Map<String, Object> collect(String runId, RunRequest request, List<String> jmhArgs,
            List<String> forkJvmArgs, ProvisionedDatabase db, Path projectDir, java.time.Duration injectedRoundTrip,
            List<String> databaseBenchmarks) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("runId", runId);
        m.put("startedAt", Instant.now().toString());
        m.put("profile", request.profile().id());
        if (request.include() != null) {
            m.put("include", request.include());
        }
        m.put("jmhArgs", redact(jmhArgs));
        m.put("git", git(projectDir));
        m.put("jdk", jdk(forkJvmArgs));
        m.put("machine", machine());
        Map<String, Object> database = database(db);
        if (!injectedRoundTrip.isZero()) {
            database.put(TestbedProbe.INJECTED_ROUND_TRIP, injectedRoundTrip.toMillis());
        }
        m.put("database", database);
        m.put("libraries", libraryVersions());
        Map<String, Object> testbed = TestbedProbe.probe(database).toMetadata();
        testbed.put(RowTestbeds.DATABASE_BENCHMARKS, List.copyOf(databaseBenchmarks));
        m.put(Testbed.METADATA_KEY, testbed);
        return m;
    }

    static Map<String, Object> jdk(List<String> forkJvmArgs) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("home", System.getProperty("java.home"));
        j.put("version", System.getProperty("java.version"));
        j.put("vendor", System.getProperty("java.vendor"));
        j.put("vm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
        j.put("runnerJvmArgs", redact(ManagementFactory.getRuntimeMXBean().getInputArguments()));
        j.put("forkJvmArgs", redact(forkJvmArgs));
        return j;
    }

    /**
     * The arguments with secrets replaced by {@code ***}: the value of a {@code -Dkey=value} whose key
     * names a password, secret, token or credential, and a password inside a JDBC URL.
     */
    static List<String> redact(List<String> args) {
        return args.stream().map(RunMetadata::redact).toList();
    }

    private static String redact(String arg) {
        int eq = arg.indexOf('=');
        if (arg.startsWith("-D") && eq > 2 && SECRET_KEY.matcher(arg.substring(2, eq)).find()) {
            return arg.substring(0, eq + 1) + "***";
        }
        return JdbcUrls.redact(arg);
    }

    static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cpuModel", cpuModel());
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("memTotal", procValue(Path.of("/proc/meminfo"), "MemTotal"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        return m;
    }

    static String cpuModel() {
        String model = procValue(Path.of("/proc/cpuinfo"), "model name");
        return model != null ? model : System.getProperty("os.arch");
    }

    private static String procValue(Path file, String key) {
        return TestbedProbe.firstValue(file, key);
    }

    static Map<String, Object> database(ProvisionedDatabase db) {
        Map<String, Object> d = new LinkedHashMap<>();
        if (db == null) {
            d.put("source", "none");
            return d;
        }
        ConnectionInfo info = db.info();
        d.put("source", db.source().name().toLowerCase(java.util.Locale.ROOT));
        d.put("detail", db.detail());
        d.put("url", info.redactedUrl());
        d.put("user", info.user());
        d.put("sslmode", JdbcUrls.params(info.url()).getOrDefault("sslmode", "prefer (driver default)"));
        try (Connection c = info.connect(); Statement st = c.createStatement()) {
            for (String name : SERVER_SETTINGS) {
                try (ResultSet rs = st.executeQuery("select current_setting('" + name + "', true)")) {
                    rs.next();
                    d.put(name, rs.getString(1));
                }
            }
        } catch (SQLException e) {
            d.put("settingsError", e.getMessage());
        }
        return d;
    }

    static Map<String, Object> git(Path dir) {
        Map<String, Object> g = new LinkedHashMap<>();
        String commit = run(dir, "git", "rev-parse", "HEAD");
        g.put("commit", commit == null ? "unknown" : commit);
        if (commit != null) {
            String status = run(dir, "git", "status", "--porcelain", "--untracked-files=no");
            g.put("dirty", status != null && !status.isEmpty());
        }
        return g;
    }

    private static String run(Path dir, String... command) {
        try {
            Processes.Outcome o = Processes.run(new ProcessBuilder(command).directory(dir.toFile())
                    .redirectErrorStream(true), Duration.ofSeconds(10));
            return o.ok() ? o.stdout().trim() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** One library's pinned version, {@code unknown} when the build did not filter it in. */
    static String libraryVersion(String name) {
        String v = libraryVersions().get(name);
        return v == null || v.startsWith("$") ? "unknown" : v;
    }

    /** Library versions as pinned in pom.xml, filtered into the jar at build time. */
    public static Map<String, String> libraryVersions() {
        Map<String, String> v = new LinkedHashMap<>();
        Properties p = new Properties();
        try (InputStream in = RunMetadata.class.getResourceAsStream("/dev/taskbench/versions.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // leave it empty: the metadata then says nothing rather than something wrong
        }
        p.stringPropertyNames().stream().sorted().forEach(k -> v.put(k, p.getProperty(k)));
        return v;
    }
}
