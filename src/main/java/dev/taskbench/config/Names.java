package dev.taskbench.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one way a name a user types is matched to a choice: case does not matter, nor do
 * {@code -}, {@code _} and blanks ({@code driver-manager}, {@code DRIVER_MANAGER} and
 * {@code driverManager} are one name). A constant is shown as its {@code toString()}.
 */
public final class Names {
    private Names() {
    }

    /** Lower case without {@code -}, {@code _} or blanks. */
    public static String normalise(String name) {
        return name.trim().toLowerCase(Locale.ROOT).replaceAll("[-_\\s]", "");
    }

    /** The constant whose name or {@code toString()} normalises to the same as {@code value}. */
    public static <E extends Enum<E>> Optional<E> match(Class<E> type, String value) {
        String want = normalise(value);
        return Arrays.stream(type.getEnumConstants())
                .filter(e -> normalise(e.name()).equals(want) || normalise(e.toString()).equals(want))
                .findFirst();
    }

    /** {@code a, b, c}: the constants as users see them. */
    public static <E extends Enum<E>> String list(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
    }
}
