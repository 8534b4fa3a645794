package dev.taskbench.form;

/**
 * Thrown by {@link FormParser} when a body breaks one of its limits; the only exception the parser
 * raises for any body content. A server should answer it with 400 or 413.
 */
public final class FormLimitExceededException extends RuntimeException {
    /** Limit name for the maximum body length in bytes. */
    public static final String MAX_BODY_BYTES = "maxBodyBytes";
    /** Limit name for the maximum number of fields. */
    public static final String MAX_FIELDS = "maxFields";

    private final String limitName;
    private final long limit;
    private final long seen;

    FormLimitExceededException(String limitName, long limit, long seen) {
        // no stack trace: a client can trigger this at will, it must stay cheap
        super("form limit " + limitName + "=" + limit + " exceeded: saw " + seen
                + (MAX_FIELDS.equals(limitName) ? " fields (parsing stopped there)" : " bytes"),
                null, false, false);
        this.limitName = limitName;
        this.limit = limit;
        this.seen = seen;
    }

    /** {@link #MAX_BODY_BYTES} or {@link #MAX_FIELDS}. */
    public String limitName() {
        return limitName;
    }

    /** The configured limit. */
    public long limit() {
        return limit;
    }

    /**
     * The value seen: the body length, or for fields the count at which parsing stopped
     * (always {@code limit + 1}; the rest of the body is not scanned).
     */
    public long seen() {
        return seen;
    }
}
