package org.scorescope.scenario;

/**
 * A scenario field with a value that is not allowed. The message names the field, the value and
 * what is allowed, in plain words, and is meant to be shown to the user as it is.
 */
public final class ScenarioException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String field;

    /**
     * @param field the JSON path or CLI flag of the offending field
     * @param message what is wrong and what is allowed
     */
    public ScenarioException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    /** The offending field. */
    public String field() {
        return field;
    }
}
