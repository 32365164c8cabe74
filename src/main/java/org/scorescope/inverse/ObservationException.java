package org.scorescope.inverse;

/**
 * An observation field with a value that is not allowed. {@link #field()} is the field inside the
 * observation ({@code A}, {@code A[1]}, {@code y}, {@code sigma}, {@code task}); the scenario and
 * the CLI put their own prefix in front ({@code observation.y}, {@code --observe-y}).
 */
public final class ObservationException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String field;
    private final String reason;

    /**
     * @param field the offending field inside the observation
     * @param reason what is wrong and what is allowed, in plain words
     */
    public ObservationException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }

    /** The offending field inside the observation. */
    public String field() {
        return field;
    }

    /** What is wrong, without the field name. */
    public String reason() {
        return reason;
    }
}
