package dev.taskbench.form;

import java.util.ArrayList;
import java.util.List;

/**
 * Decoded name/value pairs in input order, duplicates kept. Immutable.
 * Lookups by name scan linearly: cheap for the handful of fields a form has.
 */
public final class FormFields {
    static final FormFields EMPTY = new FormFields(new String[0]);

    // names at even, values at odd indexes; exactly 2 * size() long
    private final String[] pairs;

    FormFields(String[] pairs) {
        this.pairs = pairs;
    }

    public int size() {
        return pairs.length >>> 1;
    }

    public String name(int i) {
        return pairs[index(i)];
    }

    public String value(int i) {
        return pairs[index(i) + 1];
    }

    /** The value of the first field called {@code name}, or null if there is none. */
    public String first(String name) {
        String[] p = pairs;
        for (int i = 0; i < p.length; i += 2) {
            if (p[i].equals(name)) {
                return p[i + 1];
            }
        }
        return null;
    }

    /** Every value of the fields called {@code name}, in input order (empty if none). */
    public List<String> all(String name) {
        List<String> out = new ArrayList<>(2);
        String[] p = pairs;
        for (int i = 0; i < p.length; i += 2) {
            if (p[i].equals(name)) {
                out.add(p[i + 1]);
            }
        }
        return out;
    }

    private int index(int i) {
        if (i < 0 || i >= size()) {
            throw new IndexOutOfBoundsException("field " + i + " of " + size());
        }
        return i << 1;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < pairs.length; i += 2) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(pairs[i]).append('=').append(pairs[i + 1]);
        }
        return sb.append(']').toString();
    }
}
