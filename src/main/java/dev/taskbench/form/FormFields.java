package dev.taskbench.form;

import java.util.ArrayList;
import java.util.List;

/**
 * Decoded name/value pairs in input order, duplicates kept. Immutable.
 * Lookups by name scan linearly: cheap for the handful of fields a form has.
 */
public final class FormFields {
    static final FormFields EMPTY = new FormFields(null, null, null, null, null);

    // The first two pairs sit in fields, so a small form (the seed's title and description) costs
    // one 32-byte object besides its strings instead of an array plus its holder. null when absent.
    private final String name0;
    private final String value0;
    private final String name1;
    private final String value1;
    // pairs from the third on, names at even and values at odd indexes, exactly sized; null when size() <= 2
    private final String[] rest;

    FormFields(String name0, String value0, String name1, String value1, String[] rest) {
        this.name0 = name0;
        this.value0 = value0;
        this.name1 = name1;
        this.value1 = value1;
        this.rest = rest;
    }

    public int size() {
        // no size field: it would push the object past 32 bytes
        return rest != null ? 2 + (rest.length >>> 1) : name1 != null ? 2 : name0 != null ? 1 : 0;
    }

    public String name(int i) {
        checkIndex(i);
        return i == 0 ? name0 : i == 1 ? name1 : rest[(i - 2) << 1];
    }

    public String value(int i) {
        checkIndex(i);
        return i == 0 ? value0 : i == 1 ? value1 : rest[((i - 2) << 1) + 1];
    }

    /** The value of the first field called {@code name}, or null if there is none. */
    public String first(String name) {
        if (name0 == null) {
            return null;
        }
        if (name0.equals(name)) {
            return value0;
        }
        if (name1 == null) {
            return null;
        }
        if (name1.equals(name)) {
            return value1;
        }
        String[] r = rest;
        if (r != null) {
            for (int i = 0; i < r.length; i += 2) {
                if (r[i].equals(name)) {
                    return r[i + 1];
                }
            }
        }
        return null;
    }

    /** Every value of the fields called {@code name}, in input order (empty if none). */
    public List<String> all(String name) {
        List<String> out = new ArrayList<>(2);
        int n = size();
        for (int i = 0; i < n; i++) {
            if (name(i).equals(name)) {
                out.add(value(i));
            }
        }
        return out;
    }

    private void checkIndex(int i) {
        if (i < 0 || i >= size()) {
            throw new IndexOutOfBoundsException("field " + i + " of " + size());
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[");
        int n = size();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(name(i)).append('=').append(value(i));
        }
        return sb.append(']').toString();
    }
}
