package org.scorescope.scenario;

import org.scorescope.io.BadInputException;

/**
 * A scenario field with a value that is not allowed. The message names the field by its JSON path
 * ({@code target.covariances[2]}) or its CLI flag, the value and what is allowed, in plain words,
 * and is meant to be shown to the user as it is. Reading a scenario never throws anything else.
 */
public final class ScenarioException extends BadInputException {
    private static final long serialVersionUID = 1L;
    private final String detail;
    private final boolean missing;

    /**
     * @param field the JSON path or CLI flag of the offending field
     * @param message what is wrong and what is allowed
     */
    public ScenarioException(String field, String message) {
        this(field, message, false);
    }

    private ScenarioException(String field, String message, boolean missing) {
        super(field, message);
        this.detail = message;
        this.missing = missing;
    }

    /** A required field that is absent. */
    public static ScenarioException missing(String field, String message) {
        return new ScenarioException(field, message, true);
    }

    /** What is wrong, without the field. */
    public String detail() {
        return detail;
    }

    /** Whether the field is absent (rather than present with a bad value). */
    public boolean isMissing() {
        return missing;
    }

    /** The same problem under another name (a CLI flag for a field the flag set). */
    public ScenarioException relabel(String newField, String newMessage) {
        return new ScenarioException(newField, newMessage, missing);
    }
}
