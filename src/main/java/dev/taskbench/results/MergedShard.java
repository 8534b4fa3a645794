package dev.taskbench.results;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/**
 * One shard of a merged run, as {@link ShardMerge} keeps it under {@value ShardMerge#SHARDS_KEY}: its run id and
 * its own clock. A whole run has none.
 *
 * @param clock its rows and planned against real time, as the shard's runner recorded them; null when it kept none
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MergedShard(String runId, Clock clock) {

    /** A shard's clock; a part it did not record is null. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Clock(Integer rows, Long plannedSeconds, Long actualSeconds) {
    }

    /** The merged run's shards, in the order merged; empty for a whole run; an entry that cannot be read is a one-line error. */
    public static List<MergedShard> of(Map<String, Object> metadata) {
        return MetadataSection.read(metadata, ShardMerge.SHARDS_KEY, MergedShard[].class, "a list of shards")
                .map(List::of).orElse(List.of());
    }
}
