package dev.taskbench.results;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What one benchmark's warm-up would be, as a steady run's metadata records it under
 * {@value #METADATA_KEY} (per {@code package.Class.method}): what its class declares with
 * {@code @Warmup}, what the standard profile gives it, and how long each iteration of the steady
 * run itself was, so that a report read later from the run folder needs nothing else.
 *
 * @param declared the declared warm-up, as JMH writes it ("4 x 500 ms"); empty when the class declares none
 * @param declaredSeconds its length; NaN when none is declared
 * @param standardSeconds the warm-up the standard profile runs for it
 * @param iterationSeconds one measurement iteration of the run that recorded it
 */
public record WarmupPlan(Optional<String> declared, double declaredSeconds, double standardSeconds,
        double iterationSeconds) {
    public static final String METADATA_KEY = "warmups";

    /** The declared warm-up's length, if the class declares one. */
    public OptionalDouble declaredLength() {
        return declared.isPresent() ? OptionalDouble.of(declaredSeconds) : OptionalDouble.empty();
    }

    /** As the metadata holds it. */
    public Map<String, Object> toMetadata() {
        Map<String, Object> m = new LinkedHashMap<>();
        declared.ifPresent(d -> {
            m.put("declared", d);
            m.put("declaredSeconds", declaredSeconds);
        });
        m.put("standardSeconds", standardSeconds);
        m.put("iterationSeconds", iterationSeconds);
        return m;
    }

    /** The plans a run's metadata records, by benchmark; empty for a run that recorded none (or a malformed entry). */
    public static Map<String, WarmupPlan> of(Map<String, Object> metadata) {
        Map<String, WarmupPlan> out = new LinkedHashMap<>();
        if (metadata.get(METADATA_KEY) instanceof Map<?, ?> all) {
            all.forEach((benchmark, plan) -> {
                if (plan instanceof Map<?, ?> p && p.get("standardSeconds") instanceof Number s
                        && p.get("iterationSeconds") instanceof Number i) {
                    Optional<String> d = p.get("declared") instanceof String t ? Optional.of(t) : Optional.empty();
                    double ds = p.get("declaredSeconds") instanceof Number n ? n.doubleValue() : Double.NaN;
                    out.put(String.valueOf(benchmark), new WarmupPlan(d, ds, s.doubleValue(), i.doubleValue()));
                }
            });
        }
        return out;
    }
}
