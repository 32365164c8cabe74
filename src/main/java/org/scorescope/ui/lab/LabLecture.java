package org.scorescope.ui.lab;

/**
 * A lecture a lab opens itself (see {@link Lab#ownLectures()}): what the lecture page shows and what
 * its Open button does.
 *
 * @param title the lecture's title
 * @param description its paragraph
 * @param open opens it (FX thread)
 */
public record LabLecture(String title, String description, Runnable open) {
}
