package org.scorescope.render;

import java.util.List;
import org.scorescope.distribution.Target;
import org.scorescope.engine.Frame;
import org.scorescope.teaching.SamplerEquation;

/**
 * What a figure shows: a grid of cells on shared axes, each one sampler's particles at one level.
 * Either a table (a row per sampler, a column per step or NFE budget) or the panels of one step
 * arranged as the window arranges them ({@link GridLayout}); places without a panel are null.
 * Built by {@link FigureBuilder}, drawn by {@link FigureComposer}.
 *
 * @param title the figure's title (may be empty)
 * @param grid cells[row][column], null where a place is empty
 * @param target the target shown (for the density and the score field)
 * @param view the shared world box (pixel size = one cell)
 * @param style the layers
 * @param scenarioJson the scenario that reproduces the figure
 * @param equations the equation cards drawn under the cells ({@code --layers …,equation}), one per
 *     sampler; empty for none
 * @param equationHeight the least height of the band of cards (the frames of an animation share the
 *     tallest frame's), 0 for the cards' own
 */
public record Figure(String title, Cell[][] grid, Target target, Viewport view, PanelStyle style, String scenarioJson,
        List<SamplerEquation> equations, int equationHeight) {

    /** A figure without equation cards. */
    public Figure(String title, Cell[][] grid, Target target, Viewport view, PanelStyle style, String scenarioJson) {
        this(title, grid, target, view, style, scenarioJson, List.of(), 0);
    }

    /** The same figure with equation cards under its cells. */
    public Figure withEquations(List<SamplerEquation> cards) {
        return withEquations(cards, 0);
    }

    /** The same figure with equation cards in a band at least {@code height} pixels high. */
    public Figure withEquations(List<SamplerEquation> cards, int height) {
        return new Figure(title, grid, target, view, style, scenarioJson, cards, height);
    }

    /** Checks that the grid is a non-empty rectangle. */
    public Figure {
        equations = List.copyOf(equations);
        if (grid.length == 0 || grid[0].length == 0) {
            throw new IllegalArgumentException("a figure needs at least one cell");
        }
        for (Cell[] row : grid) {
            if (row.length != grid[0].length) {
                throw new IllegalArgumentException("figure rows differ in length");
            }
        }
    }

    /** Rows of the grid. */
    public int rows() {
        return grid.length;
    }

    /** Columns of the grid. */
    public int columns() {
        return grid[0].length;
    }

    /** The cell at (row, column), or null. */
    public Cell cell(int row, int column) {
        return grid[row][column];
    }

    /**
     * One cell.
     *
     * @param frame the frame shown
     * @param slot the sampler within the frame
     * @param history frames of steps T..t of the same run for trails (may be null)
     * @param heading the bold line above the cell (sampler, and step or budget in a table)
     * @param caption the line under the heading (ᾱ, NFE, TV)
     * @param sampler the sampler's index in the scenario: its colour in {@link SamplerPalette}
     * @param density this cell's own heat map (e.g. the tilted law of a guidance figure), or null for
     *     the figure target's density at the frame's level
     */
    public record Cell(Frame frame, int slot, Frame[] history, String heading, String caption, int sampler, DensityGrid density) {
        /** A cell showing the figure target's density. */
        public Cell(Frame frame, int slot, Frame[] history, String heading, String caption, int sampler) {
            this(frame, slot, history, heading, caption, sampler, null);
        }
    }
}
