package dev.taskbench.stability;

/** How one fork's iterations behaved, in the classes of Barrett et al. (OOPSLA 2017). */
public enum ForkClass {
    /** One level from the first iteration to the last. */
    FLAT("flat"),
    /** Slower first, then a steady level. */
    WARMUP("warm-up"),
    /** Faster at some point than at the steady level it ends in. */
    SLOWDOWN("slowdown"),
    /** Still changing in the last iterations. */
    NO_STEADY_STATE("no steady state"),
    /** Too few iterations to find a change point. */
    UNCLASSIFIED("unclassified");

    private final String text;

    ForkClass(String text) {
        this.text = text;
    }

    /** As Barrett et al. write it: "warm-up", "no steady state". */
    public String text() {
        return text;
    }

    /** Whether the fork ends in a steady state (flat, warm-up or slowdown). */
    public boolean steady() {
        return this == FLAT || this == WARMUP || this == SLOWDOWN;
    }
}
