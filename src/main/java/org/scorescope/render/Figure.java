package org.scorescope.render;

import java.util.List;
import org.scorescope.engine.Frame;
import org.scorescope.distribution.Target;

/**
 * What a figure shows: a grid of cells, rows = samplers, columns = steps (or NFE budgets), each cell
 * one sampler's particles at one level, on shared axes. Built by {@link FigureBuilder}, drawn by
 * {@link FigureComposer}.
 *
 * @param title the figure's title (may be empty)
 * @param rows row labels (samplers)
 * @param columns column labels ("t = 5", "NFE 10")
 * @param cells cells[row][column]
 * @param target the target shown (for the density and the score field)
 * @param view the shared world box (pixel size = one cell)
 * @param style the layers
 * @param scenarioJson the scenario that reproduces the figure
 */
public record Figure(String title, List<String> rows, List<String> columns, Cell[][] cells, Target target, Viewport view,
        PanelStyle style, String scenarioJson) {

    /**
     * One cell.
     *
     * @param frame the frame shown
     * @param slot the sampler within the frame
     * @param history frames of steps T..t of the same run for trails (may be null)
     * @param caption the caption (ᾱ, NFE, TV)
     * @param density this cell's own heat map (e.g. the tilted law of a guidance figure), or null for
     *     the figure target's density at the frame's level
     */
    public record Cell(Frame frame, int slot, Frame[] history, String caption, DensityGrid density) {
        /** A cell showing the figure target's density. */
        public Cell(Frame frame, int slot, Frame[] history, String caption) {
            this(frame, slot, history, caption, null);
        }
    }
}
