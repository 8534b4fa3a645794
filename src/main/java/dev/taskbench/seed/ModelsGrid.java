package dev.taskbench.seed;

import dev.taskbench.TaskbenchException;
import dev.taskbench.config.Settings;
import dev.taskbench.config.SettingsCatalogue;
import dev.taskbench.db.ConnectionInfo;
import dev.taskbench.load.ClosedLoop;
import dev.taskbench.load.Timing;
import dev.taskbench.net.TcpProxy;
import dev.taskbench.server.ServerConfig;
import dev.taskbench.server.Service;
import dev.taskbench.server.Threading;
import dev.taskbench.server.ThreadingModel;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * The seed's own question, which concurrency model a write-heavy service wants: each threading
 * model's write round ({@code users} closed-loop users, one form POST = one INSERT, every row
 * read back) at each injected round trip between server and PostgreSQL, beside the seed's row for
 * the stack that model stands for. Each cell is its own server on the same database, warmed
 * before it is timed; a model this JVM cannot run (virtual threads before JDK 21) is a line, not a
 * failure.
 */
final class ModelsGrid {
    static final String MODELS = SettingsCatalogue.SEED_MODELS.key();
    static final String ROUND_TRIPS = SettingsCatalogue.SEED_ROUND_TRIPS.key();
    static final String USERS = SettingsCatalogue.SEED_GRID_USERS.key();
    static final String WRITES = SettingsCatalogue.SEED_GRID_WRITES.key();
    static final String ROUNDS = SettingsCatalogue.SEED_GRID_ROUNDS.key();
    /** Cells timed for less are called out under the table. */
    static final double SHORT_CELL_SECONDS = 2;

    /** A threading model as the user named it, the name its rows show, and what it parsed to. */
    record Model(String name, ThreadingModel threading) {
    }

    /**
     * @param models threading models as {@code -Dtaskbench.server.threading} takes them; {@code none} skips the round
     * @param roundTripsMs round trips injected between server and database, 0 = loopback
     * @param users users at once per cell
     * @param writes timed writes per cell (a multiple of each user count), after as many unmeasured
     * @param rounds how many times each round trip and user count runs every model, one model after
     *        another, so that a noisy minute falls on all of them; each cell then gives the median
     */
    record Plan(List<Model> models, List<Integer> roundTripsMs, List<Integer> users, int writes, int rounds) {
        static Plan from(Settings s) {
            List<String> names = list(s, MODELS,
                    "selector,dispatch,platform-1,platform-2,platform-3,platform-9,virtual,eventloop,eventloop-1");
            List<Model> models = new ArrayList<>();
            for (String m : names) {
                try {
                    models.add(new Model(m, ThreadingModel.parse(m)));
                } catch (TaskbenchException e) { // this setting's line names it and says it is a list
                    throw Settings.bad(MODELS, s.get(MODELS, null), "a comma-separated list, each "
                            + Threading.TAKES);
                }
                if (names.indexOf(m) != names.lastIndexOf(m)) {
                    throw Settings.bad(MODELS, s.get(MODELS, null), "each model once (" + m + " is listed twice); -D"
                            + ROUNDS + " runs them all again");
                }
            }
            return new Plan(List.copyOf(models), numbers(s, ROUND_TRIPS, "0,5", 0, 10_000),
                    numbers(s, USERS, "10", 1, 10_000), writes(s), s.integer(ROUNDS, null, 1, 1, 100));
        }

        /** Each cell's writes ({@code -Dtaskbench.seed.gridWrites}); the seed's stacks count as many by default. */
        static int writes(Settings s) {
            return s.integer(WRITES, null, 1000, 1, Integer.MAX_VALUE);
        }

        boolean on() {
            return !models.isEmpty();
        }

        /** The models' names as the user gave them. */
        List<String> names() {
            return models.stream().map(Model::name).toList();
        }
    }

    /** The start of a cell's {@code refused} when it ran but a write was not answered 201. */
    static final String FAILED = "failed: ";

    /**
     * One cell: its figures, or why it did not run or did not finish.
     *
     * @param cold the first writes of the cell's fresh server (unmeasured for {@code result}, but timed and read
     *        back: what the seed measured), null where the cell has no figures
     * @param result the timed writes after them
     */
    record Cell(String model, int roundTripMs, int users, int round, ClosedLoop.Result cold, ClosedLoop.Result result,
            String refused) {
    }

    /** What runs after each round of the models at loopback with the first user count (the seed's stacks' round). */
    @FunctionalInterface
    interface AfterRound {
        AfterRound NOTHING = round -> { };

        void run(int round) throws Exception;
    }

    private ModelsGrid() {
    }

    /** Every cell of {@code plan} on {@code db}, each server started with {@code base}'s other settings. */
    static List<Cell> run(ConnectionInfo db, ServerConfig base, SeedSettings o, Plan plan, PrintStream out)
            throws Exception {
        return run(db, base, o, plan, out, AfterRound.NOTHING);
    }

    /** The same, {@code after} run after each loopback round of the first user count, so that it interleaves. */
    static List<Cell> run(ConnectionInfo db, ServerConfig base, SeedSettings o, Plan plan, PrintStream out,
            AfterRound after) throws Exception {
        List<Cell> cells = new ArrayList<>();
        for (int rt : plan.roundTripsMs()) {
            try (TcpProxy proxy = rt == 0 ? null : TcpProxy.delayed(db, Duration.ofMillis(rt))) {
                ConnectionInfo target = proxy == null ? db : proxy.info(db);
                for (int users : plan.users()) {
                    for (int round = 1; round <= plan.rounds(); round++) {
                        if (plan.rounds() > 1) {
                            out.printf(Locale.ROOT, "  round %d of %d%n", round, plan.rounds());
                        }
                        for (Model model : plan.models()) {
                            cells.add(cell(target, db, base, o, model, rt, users, round, plan.writes(), out));
                        }
                        if (rt == 0 && users == plan.users().get(0)) {
                            after.run(round);
                        }
                    }
                }
            }
        }
        return cells;
    }

    private static Cell cell(ConnectionInfo target, ConnectionInfo direct, ServerConfig base, SeedSettings o,
            Model m, int rt, int users, int round, int writes, PrintStream out) throws Exception {
        String model = m.name();
        ServerConfig config;
        try {
            config = base.withThreading(m.threading());
        } catch (TaskbenchException e) { // a model this JVM or the base's write path cannot run
            if (round == 1) {
                out.printf(Locale.ROOT, "  %s: %s%n", model, e.getMessage());
            }
            return new Cell(model, rt, users, round, null, null, e.getMessage());
        }
        int perUser = Math.max(1, writes / users);
        String id = model + "-" + rt + "-" + users + "-" + System.nanoTime();
        String marker = "grid-" + id;
        try (Service server = Service.start(target, config)) {
            ClosedLoop.Result cold;
            ClosedLoop.Result r;
            try {
                cold = SeedLoad.writes(server, o.client(), users, "cold-" + id, perUser);
                r = SeedLoad.writes(server, o.client(), users, marker, perUser);
            } catch (TaskbenchException e) { // a write not answered 201: this model's answer to this load
                out.printf(Locale.ROOT, "  %-11s %4d ms %5d users: failed: %s%n", model, rt, users, e.getMessage());
                return new Cell(model, rt, users, round, null, null, FAILED + e.getMessage());
            }
            SeedLoad.requireRowsMarked(direct, "cold-" + id, cold, model + "'s first writes at " + rt + " ms");
            long found = SeedLoad.requireRowsMarked(direct, marker, r, model + " at " + rt + " ms");
            out.printf(Locale.ROOT, "  %-11s %4d ms %5d users: %,8.0f writes/s, p99 %,9.0f us (%d rows read back)%n",
                    model, rt, users, r.perSecond(), r.percentileMicros(0.99), found);
            return new Cell(model, rt, users, round, cold, r, null);
        }
    }

    /**
     * The grid as a table: one row per model and user count, writes/s and p99 per round trip (the
     * medians of the rounds), the seed's row beside; then each model's writes/s over the first
     * model's in the same round.
     */
    static String render(Plan plan, List<Cell> cells) {
        return render(plan, cells, SeedHere.NONE);
    }

    /** The same, each quoted figure with this machine's beside it ({@code here}). */
    static String render(Plan plan, List<Cell> cells, SeedHere here) {
        StringBuilder sb = new StringBuilder();
        sb.append("The seed's concurrency question: each model's write round, rows read back, per injected round trip")
                .append(plan.rounds() > 1 ? ", median of " + plan.rounds() + " rounds" : "")
                .append(System.lineSeparator());
        sb.append(head(plan)).append(String.format(Locale.ROOT, "   %s%n", "the seed's stack (writes/s, 4-core laptop)"));
        for (int users : plan.users()) {
            for (Model model : plan.models()) {
                sb.append(row(plan, cells, model.name(), users, here)).append(System.lineSeparator());
            }
        }
        sb.append("each cell: writes/s and p99; the seed's figures are quoted, its stacks ran behind nginx in Docker")
                .append(System.lineSeparator());
        String shortCells = shortCells(plan, cells);
        if (shortCells != null) {
            sb.append(shortCells).append(System.lineSeparator());
        }
        if (plan.models().size() > 1) {
            String first = plan.models().get(0).name();
            sb.append(System.lineSeparator()).append("each model's writes/s over ").append(first)
                    .append("'s in the same round").append(plan.rounds() > 1 ? ": median [lowest, highest] of the rounds"
                            : "").append(System.lineSeparator()).append(head(plan)).append(System.lineSeparator());
            for (int users : plan.users()) {
                for (Model model : plan.models().subList(1, plan.models().size())) {
                    sb.append(ratioRow(plan, cells, first, model.name(), users)).append(System.lineSeparator());
                }
            }
        }
        return sb.toString();
    }

    /**
     * A cell timed for less than {@link #SHORT_CELL_SECONDS} measures a server still warming up (a
     * fresh server per cell, a model's own code compiled in its first cells): says how many, or null.
     */
    static String shortCells(Plan plan, List<Cell> cells) {
        double[] walls = cells.stream().filter(c -> c.result() != null).mapToDouble(c -> c.result().wallSeconds())
                .filter(w -> w < SHORT_CELL_SECONDS).toArray();
        if (walls.length == 0) {
            return null;
        }
        return String.format(Locale.ROOT, "%d of %d cells were timed for under %.0f s (the shortest %.2f s): they measure"
                + " a server still warming up, loopback ones most; -D%s=%d times them longer", walls.length,
                cells.size(), SHORT_CELL_SECONDS, Arrays.stream(walls).min().getAsDouble(), WRITES, plan.writes() * 10);
    }

    private static String head(Plan plan) {
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-11s %6s", "model", "users"));
        for (int rt : plan.roundTripsMs()) {
            head.append(String.format(Locale.ROOT, " %21s", rt == 0 ? "loopback" : "+" + rt + " ms"));
        }
        return head.toString();
    }

    private static List<Cell> cells(List<Cell> cells, String model, int rt, int users) {
        return cells.stream().filter(x -> x.model().equals(model) && x.roundTripMs() == rt && x.users() == users)
                .toList();
    }

    private static String row(Plan plan, List<Cell> cells, String model, int users, SeedHere here) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-11s %6d", model, users));
        for (int rt : plan.roundTripsMs()) {
            line.append(String.format(Locale.ROOT, " %21s", figures(cells(cells, model, rt, users))));
        }
        SeedFigures.grid(model.toLowerCase(Locale.ROOT)).ifPresent(f -> line.append(String.format(Locale.ROOT,
                "   %s: %,.0f; %s", f.grid().label(), f.perSecond(), here.beside(f))));
        return line.toString();
    }

    /** Median writes/s and p99 of a cell's rounds; a round that failed marks the whole cell. */
    private static String figures(List<Cell> rounds) {
        if (rounds.isEmpty()) {
            return "-";
        }
        for (Cell c : rounds) {
            if (c.result() == null) {
                return c.refused().startsWith(FAILED) ? "errors (not 201)" : "refused";
            }
        }
        double rate = Timing.median(rounds.stream().mapToDouble(c -> c.result().perSecond()).toArray());
        double p99 = Timing.median(rounds.stream().mapToDouble(c -> c.result().percentileMicros(0.99)).toArray());
        return String.format(Locale.ROOT, "%,.0f/s p99 %.1f ms", rate, p99 / 1000);
    }

    private static String ratioRow(Plan plan, List<Cell> cells, String first, String model, int users) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-11s %6d", model, users));
        for (int rt : plan.roundTripsMs()) {
            double[] ratios = ratios(perRound(plan, cells(cells, first, rt, users)),
                    perRound(plan, cells(cells, model, rt, users)));
            line.append(String.format(Locale.ROOT, " %21s", ratios.length == 0 ? "-" : ratios.length == 1
                    ? String.format(Locale.ROOT, "%.2f", ratios[0])
                    : String.format(Locale.ROOT, "%.2f [%.2f, %.2f]", Timing.median(ratios), Arrays.stream(ratios)
                            .min().getAsDouble(), Arrays.stream(ratios).max().getAsDouble())));
        }
        return line.toString();
    }

    /** Writes/s of each round, index 0 for round 1; NaN where the round has no figures. */
    private static double[] perRound(Plan plan, List<Cell> cells) {
        double[] out = new double[plan.rounds()];
        Arrays.fill(out, Double.NaN);
        for (Cell c : cells) {
            if (c.result() != null) {
                out[c.round() - 1] = c.result().perSecond();
            }
        }
        return out;
    }

    /** {@code model}'s writes/s over {@code first}'s, round by round, where both have figures (not NaN). */
    static double[] ratios(double[] first, double[] model) {
        return IntStream.range(0, Math.min(first.length, model.length))
                .filter(i -> !Double.isNaN(first[i]) && !Double.isNaN(model[i]))
                .mapToDouble(i -> model[i] / first[i]).toArray();
    }

    private static List<String> list(Settings s, String key, String dflt) {
        String v = s.string(key, null, dflt).trim();
        return v.equalsIgnoreCase("none") ? List.of() : Arrays.stream(v.split(",")).map(String::trim).toList();
    }

    /** A comma-separated list of whole numbers in [min, max], at least one; a bad one is a one-line error. */
    static List<Integer> numbers(Settings s, String key, String dflt, int min, int max) {
        List<Integer> out = new ArrayList<>();
        for (String v : list(s, key, dflt)) {
            try {
                int n = Integer.parseInt(v);
                if (n >= min && n <= max) {
                    out.add(n);
                    continue;
                }
            } catch (NumberFormatException e) {
                // the line below says what is expected
            }
            throw Settings.bad(key, s.get(key, null), "a comma-separated list of whole numbers from " + min + " to " + max);
        }
        if (out.isEmpty()) {
            throw Settings.bad(key, s.get(key, null), "at least one whole number from " + min + " to " + max);
        }
        return out;
    }
}
