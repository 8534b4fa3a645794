package dev.taskbench.runner;

import dev.taskbench.TaskbenchException;
import dev.taskbench.config.Settings;
import dev.taskbench.db.DatabaseHandoff;
import dev.taskbench.db.DatabaseLock;
import dev.taskbench.db.DatabaseProvisioner;
import dev.taskbench.db.ProvisionedDatabase;
import dev.taskbench.declare.Declarations;
import dev.taskbench.declare.NeedsDatabase;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * The database of one run, held by the process that starts the forks, under JMH's own CLI as under
 * {@code mvn jmh:run}: provisioned once, its run lock taken for the whole run, and handed to every
 * fork in an owner-only file ({@link DatabaseHandoff}), so that no fork provisions or locks it and
 * nothing waits on a lock its own parent holds. A process that was itself handed the database (a
 * baseline jar under the runner) uses that hand-off and holds nothing.
 */
final class HeldDatabase implements AutoCloseable {
    private final ProvisionedDatabase db;
    private final DatabaseLock lock;
    private final Path handoff;
    private final boolean own;
    private final boolean passOn;
    /** Ctrl-C releases what this process holds (the file holds the password); null when it holds nothing. */
    private final Thread onExit;
    private boolean released;

    private HeldDatabase(ProvisionedDatabase db, DatabaseLock lock, Path handoff, boolean own, boolean passOn) {
        this.db = db;
        this.lock = lock;
        this.handoff = handoff;
        this.own = own;
        this.passOn = passOn;
        this.onExit = own ? new Thread(this::release, "taskbench-db-release") : null;
        if (own) {
            Runtime.getRuntime().addShutdownHook(onExit);
        }
    }

    /** True when any selected benchmark declares {@link NeedsDatabase} (or cannot be read: assume it does). */
    static boolean needed(List<BenchmarkListEntry> selected) {
        return selected.stream().anyMatch(e -> Declarations.needsDatabase(e.getUserClassQName()));
    }

    /**
     * The selected benchmarks ({@code package.Class.method}) that drive PostgreSQL, as {@link #needed}
     * decides: recorded in the run, so that its other rows are keyed on the machine alone.
     */
    static List<String> drivers(List<BenchmarkListEntry> selected) {
        return selected.stream().filter(e -> Declarations.needsDatabase(e.getUserClassQName()))
                .map(BenchmarkListEntry::getUsername).distinct().sorted().toList();
    }

    /** Nothing held: the selected benchmarks need no database. */
    static HeldDatabase none() {
        return new HeldDatabase(null, null, null, false, false);
    }

    /**
     * The database for the forks of a JMH CLI run: the hand-off a parent passed (as a system property
     * or in {@code -jvmArgs}/{@code -jvmArgsAppend}), else provisioned and locked here; none when no
     * selected benchmark needs one.
     */
    static HeldDatabase forJmhCli(List<BenchmarkListEntry> selected, CommandLineOptions user, Settings settings,
            PrintStream out) {
        if (!needed(selected)) {
            return none();
        }
        Path inArgs = handoffInArgs(user);
        if (inArgs != null) {
            return new HeldDatabase(null, null, inArgs, false, false);
        }
        String property = System.getProperty(DatabaseHandoff.PROPERTY);
        if (property != null && !property.isBlank()) {
            return new HeldDatabase(null, null, Path.of(property), false, true);
        }
        ProvisionedDatabase db = DatabaseProvisioner.standard(settings).provision();
        DatabaseLock lock = null;
        try {
            lock = DatabaseLock.acquire(db.info(), DatabaseLock.waitSetting(settings), "jar", out);
            Path handoff = DatabaseHandoff.newFile(settings.path(DatabaseHandoff.DIR_PROPERTY, null, null));
            DatabaseHandoff.write(handoff, db.info(), db.source());
            return new HeldDatabase(db, lock, handoff, true, true);
        } catch (IOException | RuntimeException e) {
            if (lock != null) {
                lock.close();
            }
            db.close();
            throw e instanceof IOException ? new TaskbenchException("cannot write the database hand-off file: "
                    + e.getMessage(), e) : (RuntimeException) e;
        }
    }

    /** A hand-off a parent put in the forks' JVM arguments (a baseline jar under the runner), if any. */
    static Path handoffInArgs(CommandLineOptions user) {
        String prefix = "-D" + DatabaseHandoff.PROPERTY + "=";
        for (var args : List.of(user.getJvmArgs(), user.getJvmArgsAppend(), user.getJvmArgsPrepend())) {
            if (args.hasValue()) {
                for (String a : args.get()) {
                    if (a.startsWith(prefix)) {
                        return Path.of(a.substring(prefix.length()));
                    }
                }
            }
        }
        return null;
    }

    /** The hand-off file, null when no database is needed. */
    Path handoff() {
        return handoff;
    }

    /** What every fork is started with so that it finds the database: nothing when the forks' arguments hold it already. */
    List<String> forkProperties() {
        return passOn ? List.of("-D" + DatabaseHandoff.PROPERTY + "=" + handoff) : List.of();
    }

    @Override
    public void close() {
        if (onExit != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(onExit);
            } catch (IllegalStateException e) {
                // already exiting: the hook does it
            }
        }
        release();
    }

    private synchronized void release() {
        if (!own || released) {
            return;
        }
        released = true;
        try {
            Files.deleteIfExists(handoff);
        } catch (IOException e) {
            // the folder is owner-only; a file left there goes with the temp folder
        }
        lock.close();
        db.close();
    }
}
