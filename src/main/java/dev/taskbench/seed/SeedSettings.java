package dev.taskbench.seed;

import dev.taskbench.TaskbenchException;
import dev.taskbench.cli.ServeSettings;
import dev.taskbench.config.Settings;
import dev.taskbench.config.SettingsCatalogue;
import dev.taskbench.load.Poster;
import dev.taskbench.server.ServerConfig;

/**
 * What {@code jmh:seed} was asked, read once from {@code -D} settings and the environment; every
 * bad value is a one-line error naming the setting.
 *
 * @param writes form POSTs in the write round, a multiple of {@code users} ({@code -Dtaskbench.seed.writes=10000})
 * @param users users at once, each on its own kept-alive connection ({@code .users=10})
 * @param warmup at least this many unmeasured writes before the round, 0 for a cold server ({@code .warmup=20000})
 * @param warmupSeconds the most the warmup goes on waiting for a quiet JIT ({@code .warmupSeconds=60})
 * @param cpu requests per CPU variant, 0 skips ({@code .cpu=1000}; 5000 is the seed's)
 * @param client the load's HTTP client ({@code .client=raw|jdk})
 * @param layers whether to time each layer of a request ({@code .layers=true})
 * @param ceilingSeconds each pgbench run's length, 0 skips ({@code -Dtaskbench.ceiling.seconds=5})
 * @param server the in-process server, read by {@code jmh:serve}'s {@link ServeSettings} (any free port by default)
 * @param nginx whether to measure the write round again behind nginx, where this machine has one ({@code .nginx=true})
 */
public record SeedSettings(int writes, int users, int warmup, int warmupSeconds, int cpu, Poster.Kind client,
        boolean layers, int ceilingSeconds, ServerConfig server, boolean nginx) {
    public static final String WRITES = SettingsCatalogue.SEED_WRITES.key();
    public static final String USERS = SettingsCatalogue.SEED_USERS.key();
    public static final String WARMUP = SettingsCatalogue.SEED_WARMUP.key();
    public static final String WARMUP_SECONDS = SettingsCatalogue.SEED_WARMUP_SECONDS.key();
    public static final String CPU = SettingsCatalogue.SEED_CPU.key();
    public static final String CLIENT = SettingsCatalogue.SEED_CLIENT.key();
    public static final String LAYERS = SettingsCatalogue.SEED_LAYERS.key();
    public static final String NGINX = SettingsCatalogue.SEED_NGINX.key();
    public static final String CEILING_SECONDS = SettingsCatalogue.CEILING_SECONDS.key();
    private static final int MAX = Integer.MAX_VALUE;

    public SeedSettings {
        if (writes < users || writes % users != 0) {
            throw new TaskbenchException("-D" + WRITES + " must be a positive multiple of -D" + USERS + " (" + writes
                    + " / " + users + ")");
        }
    }

    public static SeedSettings from(Settings s) {
        return new SeedSettings(s.integer(WRITES, null, 10_000, 1, MAX), s.integer(USERS, null, 10, 1, MAX),
                s.integer(WARMUP, null, 20_000, 0, MAX), s.integer(WARMUP_SECONDS, null, 60, 0, MAX),
                s.integer(CPU, null, 1000, 0, MAX), s.choice(CLIENT, null, Poster.Kind.class, Poster.Kind.raw),
                s.flag(LAYERS, null, true), s.integer(CEILING_SECONDS, null, 5, 0, MAX), ServeSettings.server(s, 0),
                s.flag(NGINX, null, true));
    }
}
