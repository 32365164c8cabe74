package org.scorescope.ui.service;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Every dialog the window and its labs show, behind one interface so that controllers can be
 * tested with a scripted double (JabRef's {@code DialogService}). Called on the FX thread only.
 */
public interface DialogService {
    /**
     * A kind of file a save or open dialog offers.
     *
     * @param description what the user reads, e.g. "Particles at this step (CSV)"
     * @param pattern the glob the chooser filters on, e.g. "*.csv"
     */
    record FileType(String description, String pattern) {
        /** The extension this type writes, e.g. ".csv" (the pattern without its leading '*'). */
        public String extension() {
            return pattern.startsWith("*") ? pattern.substring(1) : pattern;
        }
    }

    /**
     * A file the user chose, with the type selected in the dialog (which decides the format, whatever
     * the name ends with).
     *
     * @param path the file
     * @param type the selected type, one of those offered
     */
    record ChosenFile(Path path, FileType type) {
    }

    /**
     * Shows an error without blocking: a header in plain words, the one-line cause, and the details
     * (a stack trace) behind an expander when given.
     *
     * @param header what failed, e.g. "Cannot open ring.json — nothing was changed"
     * @param message the cause in one line
     * @param detail the exception for the expander, or null
     */
    void showError(String header, String message, Throwable detail);

    /**
     * Asks where to save.
     *
     * @param title the dialog title
     * @param types the types offered, the first selected
     * @return the chosen file and type, or empty when cancelled
     */
    Optional<ChosenFile> chooseSave(String title, List<FileType> types);

    /**
     * Asks which file to open.
     *
     * @param title the dialog title
     * @param types the types offered
     * @return the chosen file, or empty when cancelled
     */
    Optional<Path> chooseOpen(String title, List<FileType> types);

    /**
     * Asks for a line of text.
     *
     * @param title the dialog title
     * @param question what is asked, with the allowed values
     * @param initial the text shown first
     * @return the answer, or empty when cancelled
     */
    Optional<String> askText(String title, String question, String initial);
}
