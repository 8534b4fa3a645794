package dev.taskbench.config;

import dev.taskbench.TaskbenchException;
import dev.taskbench.config.Setting.Use;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every {@code taskbench.*} setting, declared once: its key, environment variable, default,
 * what it takes, one sentence, and the commands that read it. The readers name these
 * declarations instead of spelling keys, so a key exists in one place; {@code mvn jmh:help}
 * prints this list; and a {@code taskbench.*} key that is not here is refused before anything
 * runs ({@link #refusal}), because a typo silently ignored measures the wrong thing.
 *
 * <p>Settings of the suite's own processes (what a parent hands its child) and of the tests are
 * declared too, marked internal: they reach the same JVMs, so they must be known.
 *
 * <p>It is long because it is one list: a declaration per setting, grouped by what they configure.
 * Splitting it by group would scatter the one place a reader (and {@code mvn jmh:help}) finds them.
 */
public final class SettingsCatalogue {
    /** Every key starts so; only keys in it are checked. */
    public static final String NAMESPACE = "taskbench.";

    /** Filled by the declarations below, in order; first, so that it exists when they run. */
    private static final Map<String, Setting> DECLARED = new LinkedHashMap<>();

    private static final Set<Use> ALL_GOALS = EnumSet.of(Use.run, Use.serve, Use.seed, Use.compare, Use.history);
    private static final String TRUE_FALSE = "true|false";
    private static final String EVENTS = "cpu|alloc|wall|lock";

    // ---- every command

    /** A constant, because the Maven goals bind it with {@code @Parameter(property = ...)}. */
    public static final String JVM_PROPERTY = "taskbench.jvm";
    public static final Setting JVM = user(JVM_PROPERTY, null, "Maven's own JDK", "a JDK home or a java executable",
            "The JVM a Maven goal starts its command in.", ALL_GOALS);
    public static final Setting DEBUG = user("taskbench.debug", null, "false", TRUE_FALSE,
            "Prints the stack trace of an unexpected failure under its one-line message.",
            EnumSet.of(Use.run, Use.serve, Use.seed, Use.compare, Use.history));
    public static final Setting RESULTS = user("taskbench.results", "TASKBENCH_RESULTS", "results",
            "a path, relative to the project unless absolute", "The folder runs are published in and read from"
                    + " (jmh:seed puts its page there too).",
            EnumSet.of(Use.run, Use.seed, Use.compare, Use.history));
    public static final Setting BASEDIR = internal("taskbench.basedir", "the working directory", "a path",
            "The project folder; every Maven goal passes its own to the command it starts.",
            EnumSet.of(Use.run, Use.seed, Use.compare, Use.history));

    // ---- what a run measures

    public static final Setting PROFILE = user("taskbench.profile", "TASKBENCH_PROFILE", "standard",
            "smoke|standard|full|steady", "How much to measure: forks, iterations and rows of each benchmark"
                    + " (steady: where each fork's warm-up ends).",
            EnumSet.of(Use.run, Use.jar));
    public static final Setting FLAGSETS = user("taskbench.flagsets", "TASKBENCH_FLAGSETS",
            "none: the runner's own JVM", "a list of flag-set names (a+b combines two; serve and seed take one)",
            "The JVM flag sets (and JDKs, @jdk:N) to run side by side, from flagsets.conf; only jmh:run reads"
                    + " TASKBENCH_FLAGSETS.",
            EnumSet.of(Use.run, Use.serve, Use.seed));
    public static final Setting FLAGSETS_FILE = user("taskbench.flagsets.file", null, "the built-in flagsets.conf",
            "a path", "A flag-set file of your own, in flagsets.conf's format.", EnumSet.of(Use.run, Use.serve, Use.seed));
    public static final Setting JDKS = user("taskbench.jdks", null, "none beyond those found", "a list of JDK homes",
            "JDKs for @jdk:N flag sets beyond the running one, JAVA_HOME and the usual install folders.",
            EnumSet.of(Use.run, Use.serve, Use.seed));
    public static final Setting INTERLEAVE = user("taskbench.interleave", null, "false", TRUE_FALSE,
            "Runs the forks of several flag sets in rounds, one fork per set per round, so that all meet the same"
                    + " machine.", EnumSet.of(Use.run));
    public static final Setting REFERENCE = user("taskbench.reference", null, "on when flag sets are given", "on|off",
            "Times CPython, PyPy and Node beside the JVM.", EnumSet.of(Use.run));
    public static final Setting RUN_ID = user("taskbench.run.id", null, "<date-time>-<profile>",
            "a new run name (letters, digits, . _ -)", "The name of the run's folder under the results folder.",
            EnumSet.of(Use.run));
    public static final Setting CEILING = user("taskbench.ceiling", null, "bracket (after under smoke)",
            "bracket|after|off", "How the pgbench ceiling of single-row writes is sampled: around each fork, once"
                    + " after the run, or not.", EnumSet.of(Use.run, Use.jar));
    public static final Setting CEILING_SECONDS = user("taskbench.ceiling.seconds", null,
            "2 (5 with ceiling=after and in jmh:seed)", "a whole number of seconds, 0 skips",
            "The length of each pgbench sample.", EnumSet.of(Use.run, Use.jar, Use.seed));
    public static final Setting PROGRESS = user("taskbench.progress", null, "true", TRUE_FALSE,
            "Says the whole run's progress as its forks end (rows and forks done, elapsed, time left); the estimate"
                    + " before the first fork and the planned against the real time at the end are said either way.",
            EnumSet.of(Use.run));
    public static final Setting PROGRESS_EVERY = user("taskbench.progress.every", null,
            "0 (each fork) on a terminal, 60 in CI or into a file", "a whole number of seconds 0..86400",
            "The most often the progress line is said.", EnumSet.of(Use.run));
    public static final Setting DB_ROUND_TRIP = user("taskbench.db.roundTripMs", "TASKBENCH_DB_ROUND_TRIP_MS", "0",
            "a whole number of ms 0..10000", "Puts a proxy adding this round trip between the run and PostgreSQL.",
            EnumSet.of(Use.run));

    // ---- profiles (flame graphs)

    public static final Setting PROFILERS = user("taskbench.profilers", "TASKBENCH_PROFILERS", "none",
            "a list of " + EVENTS, "Flame graphs of these events from an unmeasured pass after the measured ones.",
            EnumSet.of(Use.run, Use.jar));
    public static final Setting PROFILERS_CACHE = user("taskbench.profilers.cache", null, "~/.cache/taskbench",
            "a path", "Where async-profiler's native library is unpacked.", EnumSet.of(Use.run, Use.jar));
    public static final Setting PROFILERS_ENGINE = user("taskbench.profilers.engine", null, "auto", "auto|async|jfr",
            "The profiler: async-profiler where it runs, else JFR; or only one of them.", EnumSet.of(Use.run, Use.jar));
    public static final Setting PROFILE_REGRESSIONS = user("taskbench.profile.regressions", null, "false", TRUE_FALSE,
            "A differential flame graph for each SLOWER row.", EnumSet.of(Use.run, Use.compare));
    public static final Setting MODES_EXPLAIN = user("taskbench.modes.explain", null,
            "the profile's (standard and full 6, else 0)", "a whole number 0..100",
            "For each row in more than one mode, up to this many unmeasured profiled forks, until one lands in its"
                    + " fastest mode and one in its slowest: their differential flame graph and what the JIT did"
                    + " differently. Each costs one fork of the row (a JVM start, its warmup and measurement); 0 is off.",
            EnumSet.of(Use.run));
    public static final Setting PROFILE_EVENT = user("taskbench.profile.event", null, "cpu", EVENTS,
            "The event those differential flame graphs compare.", EnumSet.of(Use.run, Use.compare));

    // ---- comparing and gating

    public static final Setting GATE = user("taskbench.gate", null, "false", TRUE_FALSE,
            "Fails on a significant regression against the base (the command exits 3), or when it cannot judge (4); Maven says 1.",
            EnumSet.of(Use.run, Use.compare));
    public static final Setting GATE_ACROSS_TESTBEDS = user("taskbench.gate.acrossTestbeds", null, "false", TRUE_FALSE,
            "Lets the gate judge a base measured on another testbed.", EnumSet.of(Use.run, Use.compare));
    public static final Setting EFFECT = user("taskbench.effect", null, "0.05", "a number 0..10 (0.05 = 5%)",
            "The smallest change of the median that can be FASTER or SLOWER.",
            EnumSet.of(Use.run, Use.compare, Use.history));
    public static final Setting BASELINE_JAR = user("taskbench.baseline.jar", null, "none",
            "the path of a baseline build's benchmarks.jar",
            "A baseline build run interleaved with this one, fork by fork; its results are the base.",
            EnumSet.of(Use.run));
    public static final Setting BASELINE_ALLOWANCE = user("taskbench.baseline.allowanceSeconds", null, "120",
            "a whole number of seconds 0..86400",
            "How long each row of a baseline round may take beyond its iterations before the round is stopped.",
            EnumSet.of(Use.run));
    public static final Setting ADAPTIVE_FORKS = user("taskbench.adaptive.maxForks", null,
            "the profile's (smoke 0, standard 12, full 20)", "a whole number 0..1000",
            "With a baseline jar, rows still undecided get fork pairs up to this many a side; 0 adds none.",
            EnumSet.of(Use.run));
    public static final Setting STOP_WIDTH = user("taskbench.stop.width", null, "0.10",
            "a number 0.001..10 (0.10 = 10%)",
            "Without a baseline jar, a row gets forks until its interval of the median is at most this share of the"
                    + " median wide, or it reaches taskbench.stop.maxForks.", EnumSet.of(Use.run));
    public static final Setting STOP_MIN_FORKS = user("taskbench.stop.minForks", null,
            "the profile's (standard 3, full 5)", "a whole number 2..1000",
            "The forks every row gets before the stop rule is asked; -f N fixes every row at N instead.",
            EnumSet.of(Use.run));
    public static final Setting STOP_MAX_FORKS = user("taskbench.stop.maxForks", null,
            "the profile's (standard 8, full 15, smoke and steady 0)", "a whole number 0..1000",
            "The most forks a row gets under the stop rule; 0 turns the rule off (the profile's fixed forks).",
            EnumSet.of(Use.run));
    public static final Setting STOP_REACH_AT = user("taskbench.stop.reachAt", null,
            "the profile's fixed forks (standard 5, full 10)", "a whole number 0..1000",
            "From this many forks, a row whose spread needs more forks than taskbench.stop.maxForks for its width"
                    + " stops there, out of reach; 0 gives every open row the cap.", EnumSet.of(Use.run));
    public static final Setting PLAN_HISTORY = user("taskbench.plan.history", null, "true", TRUE_FALSE,
            "Plans each row's starting forks, iterations and warm-up from earlier runs of the same testbed (their"
                    + " variance between and within forks, and a steady run's warm-up); false plans every row from the"
                    + " profile.", EnumSet.of(Use.run));
    public static final Setting SHARD = user("taskbench.shard", null, "none: the whole run", "K/N, whole numbers,"
            + " 1 <= K <= N", "Runs only shard K of N of the run's units (a benchmark method in a flag set), split so"
            + " the shards' planned times are about equal; every runner given the same run computes the same split.",
            EnumSet.of(Use.run));
    public static final Setting RERUNS = user("taskbench.rerun.max", null, "the profile's (standard and full 2, else 0)",
            "a whole number 0..10",
            "Times a suspect fork (the machine busy beside it, or far from its row's other forks) is re-run; the replaced"
                    + " forks stay in the run folder. 0 keeps them, and findings resting on disturbed ones are undecided.",
            EnumSet.of(Use.run));
    public static final Setting CANDIDATE_JVM_ARGS = user("taskbench.candidate.jvmArgs", null, "none",
            "JVM options, quoted as in a shell", "JVM options for the candidate's forks only, beside a baseline jar.",
            EnumSet.of(Use.run));

    // ---- the database

    public static final Setting DB_URL = user("taskbench.db.url", "TASKBENCH_DB_URL", "none: the provisioning chain",
            "a jdbc:postgresql: URL", "The PostgreSQL to use; if it does not answer, the command fails.",
            EnumSet.of(Use.run, Use.serve, Use.seed, Use.jar));
    public static final Setting DB_USER = user("taskbench.db.user", "TASKBENCH_DB_USER",
            "the URL's; on localhost postgres or PGUSER", "a user name", "The database user.",
            EnumSet.of(Use.run, Use.serve, Use.seed, Use.jar));
    public static final Setting DB_PASSWORD = user("taskbench.db.password", "TASKBENCH_DB_PASSWORD", "the URL's",
            "a password", "The database user's password; never recorded.",
            EnumSet.of(Use.run, Use.serve, Use.seed, Use.jar));
    public static final Setting DB_LOCK_WAIT = user("taskbench.db.lockWaitSeconds", null, "600",
            "a whole number of seconds 0..604800",
            "How long to wait while another run holds the database, before giving up with exit code 5.",
            EnumSet.of(Use.run, Use.seed, Use.jar));
    public static final Setting DB_HANDOFF = internal("taskbench.db.handoff", "none", "a path",
            "The file a parent hands its forks and servers the database in.", EnumSet.of(Use.forks, Use.seed));
    public static final Setting DB_HANDOFF_DIR = internal("taskbench.db.handoff.dir", "the system temp folder",
            "a path", "Where the database hand-off file goes; every Maven goal passes a private folder it removes.",
            EnumSet.of(Use.run));

    // ---- the service (jmh:serve; jmh:seed's in-process server too)

    public static final Setting PORT = user("taskbench.port", null, "8080 (jmh:seed: any free port)",
            "a whole number 0..65535, 0 any free port", "The port the server listens on; never a PORT variable.",
            EnumSet.of(Use.serve, Use.seed));
    public static final Setting SERVER_HOST = user("taskbench.server.host", null, "127.0.0.1", "a host name or address",
            "The address the server listens on.", EnumSet.of(Use.serve, Use.seed));
    public static final Setting SERVER_PATH = user("taskbench.server.path", null, "jdbcPrepared",
            "jdbcPrepared|jooq|jooqStatic|hibernateSeq|hibernateIdentity", "How the server writes each task.",
            EnumSet.of(Use.serve, Use.seed));
    public static final Setting SERVER_SOURCE = user("taskbench.server.source", null, "hikari",
            "hikari|dbcp2|agroal|driverManager|pgSimpleDataSource", "Where the server gets its connections.",
            EnumSet.of(Use.serve, Use.seed));
    public static final Setting SERVER_POOL = user("taskbench.server.pool", null, "10", "a whole number 1..10000",
            "The connections in the server's pool.", EnumSet.of(Use.serve, Use.seed));
    public static final Setting SERVER_ACQUIRE_TIMEOUT = user("taskbench.server.acquireTimeoutMs", null, "1000",
            "a whole number of ms from 1", "How long a request waits for a connection.",
            EnumSet.of(Use.serve, Use.seed));
    public static final Setting SERVER_THREADING = user("taskbench.server.threading", null, "selector",
            "selector|dispatch|virtual|platform-N|eventloop[-P]", "The server's threading model.",
            EnumSet.of(Use.serve, Use.seed));
    public static final Setting SERVER_REQUEST_TIMEOUT = user("taskbench.server.requestTimeoutMs", null, "5000",
            "a whole number of ms, at least acquireTimeoutMs + the database's budget",
            "Bounds every wait on the way of one request; past it the answer is 503.",
            EnumSet.of(Use.serve, Use.seed));
    public static final Setting SERVER_MAX_CONNECTIONS = user("taskbench.server.maxConnections", null, "1000",
            "a whole number 1..1000000", "The HTTP connections the server keeps open at once.",
            EnumSet.of(Use.serve, Use.seed));
    public static final Setting SERVER_IDLE_TIMEOUT = user("taskbench.server.idleTimeoutMs", null, "30000",
            "a whole number of ms from 1", "Closes a connection that sends nothing for this long, mid-request too.",
            EnumSet.of(Use.serve, Use.seed));
    public static final Setting SERVER_MIN_BODY_RATE = user("taskbench.server.minBodyBytesPerSecond", null, "240",
            "a whole number from 0, 0 off", "Closes a connection whose body arrives slower than this.",
            EnumSet.of(Use.serve, Use.seed));
    public static final Setting SERVER_NGINX = user("taskbench.server.nginx", null, "false", TRUE_FALSE,
            "Starts Debian's nginx in front of the server, as the seed deployed it.", EnumSet.of(Use.serve));

    // ---- the seed's run

    public static final Setting SEED_WRITES = user("taskbench.seed.writes", null, "10000",
            "a whole number from 1, a multiple of seed.users", "Form POSTs in the write round.", EnumSet.of(Use.seed));
    public static final Setting SEED_USERS = user("taskbench.seed.users", null, "10", "a whole number from 1",
            "Users at once in the write round, each on its own kept-alive connection.", EnumSet.of(Use.seed));
    public static final Setting SEED_WARMUP = user("taskbench.seed.warmup", null, "20000", "a whole number from 0",
            "At least this many unmeasured writes before the round; 0 for a cold server.", EnumSet.of(Use.seed));
    public static final Setting SEED_WARMUP_SECONDS = user("taskbench.seed.warmupSeconds", null, "60",
            "a whole number of seconds from 0", "The most the warmup goes on waiting for a quiet JIT.",
            EnumSet.of(Use.seed));
    public static final Setting SEED_CPU = user("taskbench.seed.cpu", null, "1000", "a whole number from 0, 0 skips",
            "Requests per CPU variant (the seed's count is 5000).", EnumSet.of(Use.seed));
    public static final Setting SEED_CLIENT = user("taskbench.seed.client", null, "raw", "raw|jdk",
            "The load's HTTP client: a minimal socket client, or java.net.http.HttpClient.", EnumSet.of(Use.seed));
    public static final Setting SEED_LAYERS = user("taskbench.seed.layers", null, "true", TRUE_FALSE,
            "Times each layer of a request: the cost breakdown.", EnumSet.of(Use.seed));
    public static final Setting SEED_NGINX = user("taskbench.seed.nginx", null, "true", TRUE_FALSE,
            "Measures the write round again behind nginx, where this machine has one.", EnumSet.of(Use.seed));
    public static final Setting SEED_MODELS = user("taskbench.seed.models", null,
            "selector,dispatch,platform-1,platform-2,platform-3,platform-9,virtual,eventloop,eventloop-1",
            "a list of threading models, or none", "The models round's threading models; none skips the round.",
            EnumSet.of(Use.seed));
    public static final Setting SEED_ROUND_TRIPS = user("taskbench.seed.roundTripsMs", null, "0,5",
            "a list of whole numbers of ms 0..10000", "The models round's round trips between server and database.",
            EnumSet.of(Use.seed));
    public static final Setting SEED_GRID_USERS = user("taskbench.seed.gridUsers", null, "10",
            "a list of whole numbers 1..10000", "The models round's user counts.", EnumSet.of(Use.seed));
    public static final Setting SEED_GRID_WRITES = user("taskbench.seed.gridWrites", null, "1000",
            "a whole number from 1", "Timed writes per cell of the models round, after as many unmeasured.",
            EnumSet.of(Use.seed));
    public static final Setting SEED_GRID_ROUNDS = user("taskbench.seed.gridRounds", null, "1",
            "a whole number 1..100", "How many times the models round runs every model, and the seed's stacks after each loopback round;"
                    + " each cell gives the median.",
            EnumSet.of(Use.seed));
    public static final Setting SEED_CPU_FLAG_SETS = user("taskbench.seed.cpuFlagSets", null, "interpreter,c2",
            "a list of flag-set names, or none", "The CPU round's server JVMs; none skips the round.",
            EnumSet.of(Use.seed));
    public static final Setting SEED_CPU_WORKERS = user("taskbench.seed.cpuWorkers", null, "1,3,6",
            "a list of whole numbers 1..1000", "The CPU round's blocking workers per server (platform-N).",
            EnumSet.of(Use.seed));
    public static final Setting SEED_CPU_SECONDS = user("taskbench.seed.cpuSeconds", null, "4",
            "a whole number of seconds 1..3600", "About how long each CPU cell's measured part lasts.",
            EnumSet.of(Use.seed));
    public static final Setting SEED_CPU_START_SECONDS = user("taskbench.seed.cpuStartSeconds", null, "120",
            "a whole number of seconds 1..3600", "How long a CPU round's server JVM may take to start.",
            EnumSet.of(Use.seed));

    public static final Setting SEED_PEERS = user("taskbench.seed.peers", null, "none",
            "all, none, or a list of the seed's configurations (node, node-cluster-2, django-1, pypy-9, …; -nginx"
                    + " appended: behind nginx)",
            "The seed's own stacks (Node on PM2, Django on gunicorn under CPython and PyPy) to run beside the JVM"
                    + " models; scripts/peers/install installs them.", EnumSet.of(Use.seed));
    public static final Setting SEED_PEER_START_SECONDS = user("taskbench.seed.peerStartSeconds", null, "60",
            "a whole number of seconds 1..3600", "How long one of the seed's stacks may take to answer its first"
                    + " request before it is a line in the table.", EnumSet.of(Use.seed));
    public static final Setting SEED_PEER_WRITES = user("taskbench.seed.peerWrites", null, "gridWrites",
            "a whole number from 1 (shared evenly among the users)", "Form POSTs in each phase (cold, warm-up, warm) of"
                    + " one of the seed's stacks: by default the models round's, so stacks and JVM models are measured"
                    + " over the same writes (the seed counted 10,000).", EnumSet.of(Use.seed));
    public static final Setting SEED_PEER_SECONDS = user("taskbench.seed.peerSeconds", null, "10",
            "a whole number of seconds 1..3600", "The most one phase of one of the seed's stacks lasts: a stack that"
                    + " has not written peerWrites by then is timed, not counted, and marked so.", EnumSet.of(Use.seed));

    // ---- the history

    public static final Setting HISTORY_DIR = user("taskbench.history.dir", null, "the results folder", "a path",
            "The runs to read, e.g. a folder of unpacked nightly artifacts.", EnumSet.of(Use.history));
    public static final Setting HISTORY_OUT = user("taskbench.history.out", null, "<history.dir>/history", "a path",
            "Where history.md and history.html are written.", EnumSet.of(Use.history));
    public static final Setting HISTORY_MAX_P = user("taskbench.history.maxP", null, "0.001", "a number 1e-12..0.5",
            "The p-value a change point must stay below.", EnumSet.of(Use.history));
    public static final Setting HISTORY_WINDOW = user("taskbench.history.window", null, "50",
            "a whole number 4..100000", "Runs per sliding window of the change-point search.", EnumSet.of(Use.history));

    // ---- help

    public static final Setting HELP = user("taskbench.help", null, "false", TRUE_FALSE,
            "Prints these settings instead of running (mvn jmh:help does the same).", EnumSet.of(Use.jar));

    // ---- the tests' own switches

    public static final Setting TEST_EXACT = internal("taskbench.test.exact", "false (true under CI)", TRUE_FALSE,
            "Checks that only pass on a quiet database fail instead of being skipped.", EnumSet.of(Use.tests));
    public static final Setting TEST_REGENERATE = internal("taskbench.regenerate", "false", TRUE_FALSE,
            "Rewrites the generated JDBC stub instead of checking it.", EnumSet.of(Use.tests));
    public static final Setting TEST_RELIABILITY = internal("taskbench.reliability", "false", TRUE_FALSE,
            "Runs ReliabilityProbe, a measurement of minutes.", EnumSet.of(Use.tests));
    public static final Setting TEST_RELIABILITY_SECONDS = internal("taskbench.reliability.seconds", "30",
            "a whole number of seconds", "How long ReliabilityProbe measures.", EnumSet.of(Use.tests));
    public static final Setting TEST_RELIABILITY_SLOW_CLIENTS = internal("taskbench.reliability.slowClients", "200",
            "a whole number", "ReliabilityProbe's hostile slow clients.", EnumSet.of(Use.tests));
    public static final Setting TEST_DOCS_RUN = internal("taskbench.docs.run", "false (true in .ci/run)", TRUE_FALSE,
            "Runs every command the docs show (DocumentedCommandsTest), after mvn install.", EnumSet.of(Use.tests));
    public static final Setting TEST_DOCS_ONLY = internal("taskbench.docs.only", ".*", "a regular expression",
            "Runs only the documented commands it finds a match in.", EnumSet.of(Use.tests));
    public static final Setting TEST_DOCS_SILENCE = internal("taskbench.docs.silenceSeconds", "60",
            "a whole number of seconds", "A documented command silent this long is stopped and fails.",
            EnumSet.of(Use.tests));

    /** The commands {@code mvn jmh:help} lists, in its order. */
    private static final List<Use> LISTED = List.of(Use.run, Use.serve, Use.seed, Use.compare, Use.history, Use.jar);

    private SettingsCatalogue() {
    }

    private static Setting user(String key, String env, String dflt, String takes, String about, Set<Use> readBy) {
        return declare(new Setting(key, env, dflt, takes, about, readBy, false));
    }

    private static Setting internal(String key, String dflt, String takes, String about, Set<Use> readBy) {
        return declare(new Setting(key, null, dflt, takes, about, readBy, true));
    }

    private static Setting declare(Setting s) {
        if (DECLARED.putIfAbsent(s.key(), s) != null) {
            throw new IllegalStateException(s.key() + " is declared twice");
        }
        return s;
    }

    /** Every setting, in the order declared. */
    public static List<Setting> all() {
        return List.copyOf(DECLARED.values());
    }

    public static Optional<Setting> find(String key) {
        return Optional.ofNullable(DECLARED.get(key));
    }

    /**
     * The one line that refuses the {@code taskbench.*} keys among {@code given} that are not
     * declared, naming the nearest declared key; empty when every one is known. Other keys (JMH's,
     * Maven's, the JVM's) are not ours to judge.
     */
    public static Optional<String> refusal(Map<?, ?> given) {
        Map<String, String> unknown = new TreeMap<>();
        for (Map.Entry<?, ?> e : given.entrySet()) {
            if (e.getKey() instanceof String k && k.startsWith(NAMESPACE) && !DECLARED.containsKey(k)) {
                unknown.put(k, String.valueOf(e.getValue()));
            }
        }
        if (unknown.isEmpty()) {
            return Optional.empty();
        }
        Map.Entry<String, String> first = unknown.entrySet().iterator().next();
        String value = first.getValue().isEmpty() ? "" : "=" + first.getValue();
        String line = "-D" + first.getKey() + value + ": no such setting; did you mean " + nearest(first.getKey()) + "?";
        if (unknown.size() > 1) {
            line += " (nor are " + String.join(", ", unknown.keySet().stream().skip(1).toList()) + ")";
        }
        return Optional.of(line);
    }

    /** {@link #refusal} as the one-line error of a command. */
    public static void refuseUnknown(Map<?, ?> given) {
        Optional<String> line = refusal(given);
        if (line.isPresent()) {
            throw new TaskbenchException(line.get());
        }
    }

    /** The declared key fewest edits away from {@code key} (ignoring case); ties go to the first in key order. */
    public static String nearest(String key) {
        String want = key.toLowerCase(Locale.ROOT);
        return DECLARED.keySet().stream().sorted()
                .min(Comparator.comparingInt(k -> distance(want, k.toLowerCase(Locale.ROOT))))
                .orElseThrow();
    }

    /** Levenshtein distance: insertions, deletions and substitutions. */
    public static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(substitute, Math.min(prev[j], cur[j - 1]) + 1);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** What {@code mvn jmh:help} and {@code -Dtaskbench.help} print: the settings by command, internal ones apart. */
    public static List<String> help() {
        List<String> out = new ArrayList<>();
        out.add("taskbench settings: -Dkey=value (before -jar for the jar); where an environment variable is named,"
                + " it is read when the property is unset.");
        for (Use use : LISTED) {
            out.add("");
            out.add(use.command() + (use == Use.compare ? " -Dbase=RUN -Dcandidate=RUN (or TASKBENCH_BASE,"
                    + " TASKBENCH_CANDIDATE)" : ""));
            for (Setting s : sorted()) {
                if (!s.internal() && s.readBy().contains(use)) {
                    out.add("  " + s.flag() + "=" + s.takes() + (s.env() == null ? "" : "  (env " + s.env() + ")")
                            + "  default: " + s.dflt());
                    out.add("      " + s.about());
                }
            }
        }
        out.add("");
        out.add("internal: passed between the suite's own processes, or the tests' switches; not for users");
        for (Setting s : sorted()) {
            if (s.internal()) {
                out.add("  " + s.flag() + "  (" + String.join(", ", s.readBy().stream().sorted()
                        .map(Use::command).toList()) + ")  " + s.about());
            }
        }
        return out;
    }

    private static List<Setting> sorted() {
        return DECLARED.values().stream().sorted(Comparator.comparing(Setting::key)).toList();
    }
}
