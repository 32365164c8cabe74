package org.scorescope.io;

/**
 * Input the user can fix: a flag, a scenario field, an input file or an output path. The message
 * is one line that starts with the field (a CLI flag such as {@code --out}, or a JSON path such as
 * {@code target.covariances[2]}) and says what is wrong and what is allowed; it is shown as it is
 * (the CLI exits with code 2, the application shows it in a dialog).
 */
public class BadInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String field;

    /**
     * @param field the flag or JSON path of the offending input
     * @param message what is wrong and what is allowed
     */
    public BadInputException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    /** The offending flag or JSON path. */
    public String field() {
        return field;
    }
}
