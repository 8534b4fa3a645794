package dev.taskbench.stability;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the rest of the machine did during one window (a fork's run), as shares of all the CPU time
 * the machine had in it (every core, the whole window): {@link NeighbourCpu} measures it.
 *
 * @param seconds the window's wall time
 * @param others CPU of every process outside the watched trees, 0 to 1 (2 cores, one busy: 0.5)
 * @param steal time the hypervisor gave to other guests, 0 to 1; 0 where the kernel reports none
 * @param trees CPU of the watched process trees themselves, 0 to 1
 * @param unmeasured why nothing was measured (not Linux, /proc unreadable, too short a window); empty when measured
 */
public record Disturbance(double seconds, double others, double steal, double trees, Optional<String> unmeasured) {

    public static Disturbance unmeasured(String reason) {
        return new Disturbance(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Optional.of(reason));
    }

    public boolean measured() {
        return unmeasured.isEmpty();
    }

    /** "machine busy 61% beside it; steal 8%", or why it was not measured. */
    public String describe() {
        if (!measured()) {
            return "machine load not measured: " + unmeasured.get();
        }
        List<String> parts = new ArrayList<>();
        parts.add("machine busy " + Figures.percent(others) + " beside it");
        if (steal > 0) {
            parts.add("steal " + Figures.percent(steal));
        }
        return String.join("; ", parts);
    }
}
