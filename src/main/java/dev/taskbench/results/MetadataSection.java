package dev.taskbench.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taskbench.TaskbenchException;
import java.util.Map;
import java.util.Optional;

/**
 * One typed section of a run's metadata, as the runner put it (the object itself) or as
 * {@code metadata.json} holds it (plain maps and lists): absent is empty, and an entry that is
 * not of its type is a one-line error naming the key and what it should be.
 */
final class MetadataSection {
    private static final ObjectMapper JSON = new ObjectMapper();

    private MetadataSection() {
    }

    /** {@code metadata}'s {@code key} as a {@code type}; {@code what} says in words what it should be. */
    static <T> Optional<T> read(Map<String, Object> metadata, String key, Class<T> type, String what) {
        Object v = metadata.get(key);
        if (v == null || type.isInstance(v)) {
            return Optional.ofNullable(type.cast(v));
        }
        try {
            return Optional.of(JSON.convertValue(v, type));
        } catch (IllegalArgumentException e) {
            throw new TaskbenchException("the run's " + RunResults.METADATA_FILE + " has a '" + key
                    + "' entry that is not " + what + ": " + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }
}
