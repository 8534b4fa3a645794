package dev.taskbench.runner;

import dev.taskbench.config.Settings;
import dev.taskbench.config.SettingsCatalogue;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which shard of a run this {@code mvn jmh:run} is, from {@code -Dtaskbench.shard=K/N}: shard K (from 1) of N.
 *
 * @param index K, 1 to {@code of}
 * @param of N, the shards the run is split into
 */
public record Shard(int index, int of) {
    /** The most shards a run splits into: far beyond any matrix of runners. */
    static final int MAX_SHARDS = 1000;
    private static final Pattern K_OF_N = Pattern.compile("(\\d{1,4})/(\\d{1,4})");
    private static final String TAKES = "K/N, whole numbers with 1 <= K <= N <= " + MAX_SHARDS + " (shard K of N)";

    /** {@code -Dtaskbench.shard}, if given; a value that is not K/N with 1 <= K <= N is a one-line error. */
    static Optional<Shard> from(Settings s) {
        return s.optional(SettingsCatalogue.SHARD).map(Shard::parse);
    }

    static Shard parse(String value) {
        Matcher m = K_OF_N.matcher(value.replace(" ", ""));
        if (!m.matches()) {
            throw Settings.bad(SettingsCatalogue.SHARD.key(), value, TAKES);
        }
        int k = Integer.parseInt(m.group(1));
        int n = Integer.parseInt(m.group(2));
        if (k < 1 || k > n || n > MAX_SHARDS) {
            throw Settings.bad(SettingsCatalogue.SHARD.key(), value, TAKES);
        }
        return new Shard(k, n);
    }

    @Override
    public String toString() {
        return index + "/" + of;
    }
}
