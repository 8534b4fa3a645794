package dev.taskbench.compare;

import dev.taskbench.config.SettingsCatalogue;
import dev.taskbench.results.RunResults;
import dev.taskbench.results.Testbed;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a gate may judge a candidate against a base: only on one testbed, or when both ran
 * interleaved in one run (then drift and machine hit both alike), or when the user forces it.
 * A verdict across machines measures the machines, not the code.
 *
 * @param interleaved the base is the interleaved baseline of the candidate's own run, or the
 *                    same run (flag set against flag set)
 */
public record TestbedCheck(Testbed base, Testbed candidate, boolean interleaved, boolean forced) {
    /** Setting that lets a gate judge across testbeds anyway. */
    public static final String FORCE = SettingsCatalogue.GATE_ACROSS_TESTBEDS.key();

    public static TestbedCheck of(RunResults base, RunResults candidate, boolean forced) {
        Path b = base.source().toAbsolutePath().normalize();
        Path c = candidate.source().toAbsolutePath().normalize();
        boolean interleaved = b.equals(c) || b.startsWith(c);
        return new TestbedCheck(Testbed.of(base.metadata()), Testbed.of(candidate.metadata()), interleaved, forced);
    }

    public boolean sameTestbed() {
        return base.sameAs(candidate);
    }

    public boolean allowsGate() {
        return interleaved || sameTestbed() || forced;
    }

    /** What the console shows: both testbeds, and each fact that differs. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        if (interleaved) {
            out.add("testbed: base and candidate ran interleaved in one run, candidate's testbed " + candidate.describe());
            return out;
        }
        out.add("testbed: base " + base.describe());
        out.add("testbed: candidate " + candidate.describe());
        if (!sameTestbed()) {
            base.differences(candidate).forEach(d -> out.add("  differs: " + d));
        }
        return out;
    }

    /** The one line a refused gate prints. */
    public String refusal() {
        return "base and candidate ran on different testbeds (" + base.hash() + " vs " + candidate.hash()
                + "): a verdict would measure the machines; rerun both on one machine, or interleaved in one run "
                + "(-Dtaskbench.baseline.jar=...), or force it with -D" + FORCE + "=true";
    }
}
